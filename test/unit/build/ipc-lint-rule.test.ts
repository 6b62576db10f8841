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

  it('refuses the ways around it: an alias on import or destructuring, a copy, electron.ipcMain.handle', async () => {
    const evasions = [
      `import { ipcMain as main } from 'electron';\nmain.handle('backprop-lab:x', () => null);\n`,
      `import * as electron from 'electron';\nconst { ipcMain: main } = electron;\nmain.on('backprop-lab:x', () => null);\n`,
      `import { ipcMain } from 'electron';\nconst main = ipcMain;\nmain.handle('backprop-lab:x', () => null);\n`,
      `import * as electron from 'electron';\nelectron.ipcMain.handle('backprop-lab:x', () => null);\n`,
    ];
    for (const code of evasions) expect(await brokenRules(code, 'src-main/main/desktop-app.ts'), code).toContain('no-restricted-syntax');
    // Passing ipcMain itself to the wrapper (what desktop-app.ts does) is fine.
    expect(await brokenRules(`import { ipcMain } from 'electron';\nregister(ipcMain);\ndeclare function register(x: unknown): void;\n`, 'src-main/main/desktop-app.ts')).toEqual([]);
  });

  it('allows them in src-main/main/ipc-handlers.ts, the wrapper itself', async () => {
    for (const code of REGISTRATIONS) expect(await brokenRules(code, 'src-main/main/ipc-handlers.ts')).not.toContain('no-restricted-properties');
  });
});
