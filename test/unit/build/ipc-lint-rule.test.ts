/**
 * Every ipc handler goes through registerChannelHandlers, which checks the sender frame and the payload
 * (src-main/main/ipc-handlers.ts); eslint.config.js forbids registering one any other way. This runs the
 * repository's own lint configuration over a few lines, so the rule cannot be lost or narrowed unnoticed.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The rules `code` breaks, linted as if it were the file at `path`. */
async function brokenRules(code: string, path: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
  return result!.messages.map((message) => message.ruleId ?? message.message);
}

const REGISTRATIONS = ['handle', 'handleOnce', 'on', 'once', 'addListener', 'prependListener'].map(
  (method) => `import { ipcMain } from 'electron';\nipcMain.${method}('backprop-lab:x', () => null);\n`,
);

describe('the lint rule for ipc handlers', () => {
  it('refuses ipcMain.handle, .on and their kin anywhere in main but the one wrapper', async () => {
    for (const code of REGISTRATIONS) {
      for (const path of ['src-main/main/desktop-app.ts', 'src-main/main/some-new-module.ts', 'src-main/trainer/index.ts']) {
        expect(await brokenRules(code, path), `${code} in ${path}`).toContain('no-restricted-properties');
      }
    }
  });

  it('allows them in src-main/main/ipc-handlers.ts, the wrapper itself', async () => {
    for (const code of REGISTRATIONS) expect(await brokenRules(code, 'src-main/main/ipc-handlers.ts')).not.toContain('no-restricted-properties');
  });
});
