/**
 * How `npm run test:security` runs Electronegativity and judges its findings against the allow-list:
 * findings come from the scanner's own result (not a CSV it writes behind our back), every file it lists
 * must have been parsed, and an allow-list entry names the check, the file and the flagged line's text.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { judge, readAllowList, scan, scannedPaths, scanOptions, unparsedFiles } from '../../../build/security/electronegativity.mjs';

const sandboxFinding = { check: 'SANDBOX_JS_CHECK', severity: 'MEDIUM', file: 'src-main/main/desktop-app.ts', line: 112, column: 19, text: 'const window = new BrowserWindow(options("a", b));' };
const findings = [
  { check: 'CSP_GLOBAL_CHECK', severity: 'LOW', file: 'src-main/main/csp.ts', line: 47, column: 15, text: '' },
  sandboxFinding,
  { check: 'NODE_INTEGRATION_JS_CHECK', severity: 'INFORMATIONAL', file: 'src-main/main/x.ts', line: 3, column: 1, text: 'x' },
];
const allowSandbox = { check: 'SANDBOX_JS_CHECK', file: 'src-main/main/desktop-app.ts', text: 'const window = new BrowserWindow(options("a", b));', mitigation: 'secureWebPreferences sets sandbox: true (window-options.ts)' };

const work = mkdtempSync(join(tmpdir(), 'electronegativity-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the security check', () => {
  it('fails on MEDIUM and above unless allowed at that check, file and line text, wherever the line moved', () => {
    expect(judge(findings, []).unexplained.map((f) => f.check)).toEqual(['SANDBOX_JS_CHECK']);
    expect(judge(findings, [allowSandbox])).toEqual({ unexplained: [], stale: [] });
    // An edit above the flagged line moves it; the entry still holds.
    expect(judge([{ ...sandboxFinding, line: 140 }], [allowSandbox])).toEqual({ unexplained: [], stale: [] });
    // Surrounding whitespace is not part of the text.
    expect(judge(findings, [{ ...allowSandbox, text: `  ${allowSandbox.text}  ` }]).unexplained).toEqual([]);
    expect(judge(findings, [{ ...allowSandbox, text: 'const window = new BrowserWindow(other);' }]).unexplained).toHaveLength(1);
    expect(judge(findings, [{ ...allowSandbox, file: 'src-main/main/other.ts' }]).unexplained).toHaveLength(1);
  });

  it('fails on allow-list entries that no longer match any finding', () => {
    expect(judge([], [allowSandbox]).stale).toEqual([allowSandbox]);
  });

  it('refuses allow-list entries without a check, file, line text or a real mitigation', () => {
    expect(() => readAllowList(JSON.stringify([{ ...allowSandbox, mitigation: 'ok' }]))).toThrow(/mitigation/);
    expect(() => readAllowList(JSON.stringify([{ check: 'X', file: 'f', mitigation: 'long enough explanation here' }]))).toThrow(/text/);
    // A line number would break at the next edit above it.
    expect(() => readAllowList(JSON.stringify([{ ...allowSandbox, line: 112 }]))).toThrow(/line/);
    const real = readAllowList(readFileSync(new URL('../../../build/security/electronegativity-allow.json', import.meta.url), 'utf8'));
    expect(real.length).toBeGreaterThan(0);
  });

  it('names every listed file the parser gave no data for or failed on', () => {
    const parse = (file: string) => {
      if (file.endsWith('broken.ts')) throw new Error('Unexpected token (3:4)');
      return file.endsWith('empty.ts') ? null : {};
    };
    expect(unparsedFiles(['/a/ok.ts', '/a/broken.ts', '/a/empty.ts'], parse)).toEqual([
      { file: '/a/broken.ts', reason: 'Unexpected token (3:4)' },
      { file: '/a/empty.ts', reason: 'the parser returned no data' },
    ]);
  });

  it('leaves the network check out offline and runs it online, where it fails the release', () => {
    expect(scanOptions('/in', { online: false }).excludeFromScan).toEqual(['AvailableSecurityFixesGlobalCheck']);
    expect(scanOptions('/in', { online: true }).excludeFromScan).toEqual([]);
    // The check reads the Electron version from package.json: without it, it would have nothing to check.
    expect(scannedPaths({ online: true })).toContain('package.json');
    expect(scannedPaths({ online: false })).not.toContain('package.json');
    // Electron is a devDependency (electron-builder wants it so), so the scanner rates the finding
    // INFORMATIONAL; but that Electron is what the installers ship.
    const outdated = { check: 'AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK', severity: 'INFORMATIONAL', file: 'package.json', line: 0, column: 0, text: '' };
    expect(judge([outdated], []).unexplained).toEqual([outdated]);
  });

  it('scans for real: a finding keyed to its line text, and a file that does not parse fails the scan', async () => {
    const app = join(work, 'app');
    mkdirSync(join(app, 'src-main'), { recursive: true });
    writeFileSync(join(app, 'src-main/window.ts'), "import { BrowserWindow } from 'electron';\n\n  const w = new BrowserWindow({ webPreferences: { sandbox: false } });\nexport default w;\n");
    const result = await scan(app, { online: false });
    expect(result.unparsed).toEqual([]);
    expect(result.findings).toContainEqual(expect.objectContaining({ check: 'SANDBOX_JS_CHECK', file: 'src-main/window.ts', line: 3, text: 'const w = new BrowserWindow({ webPreferences: { sandbox: false } });' }));
    writeFileSync(join(app, 'src-main/broken.ts'), 'const = ;\n');
    const broken = await scan(app, { online: false });
    expect(broken.unparsed.map((u: { file: string }) => u.file)).toEqual(['src-main/broken.ts']);
  }, 60_000);
});
