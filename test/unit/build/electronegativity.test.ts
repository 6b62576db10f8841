/** How `npm run test:security` reads Electronegativity's CSV and judges it against the allow-list. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingsFrom, judge, parseCsv, readAllowList } from '../../../build/security/electronegativity.mjs';

const csv = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'CSP_GLOBAL_CHECK,"LOW","TENTATIVE","src-main/main/csp.ts","47:15",N/A,"Failed to parse CSP, it may not be valid.",https://x/CSP',
  'SANDBOX_JS_CHECK,"MEDIUM","FIRM","src-main/main/desktop-app.ts","112:19","new BrowserWindow(options(""a"", b));","Use sandbox",https://x/SANDBOX',
  'NODE_INTEGRATION_JS_CHECK,"INFORMATIONAL","FIRM","src-main/main/x.ts","3:1",N/A,"Review",https://x/NODE',
  '',
].join('\n');

const allowSandbox = { check: 'SANDBOX_JS_CHECK', file: 'src-main/main/desktop-app.ts', line: 112, mitigation: 'secureWebPreferences sets sandbox: true (window-options.ts)' };

describe('the security check', () => {
  it('reads quoted fields with commas and doubled quotes', () => {
    expect(parseCsv('a,"b, c","d ""e"""\n1,2,3\n')).toEqual([['a', 'b, c', 'd "e"'], ['1', '2', '3']]);
    const findings = findingsFrom(csv);
    expect(findings).toHaveLength(3);
    expect(findings[1]).toMatchObject({ issue: 'SANDBOX_JS_CHECK', severity: 'MEDIUM', location: '112:19', sample: 'new BrowserWindow(options("a", b));' });
  });

  it('fails on MEDIUM and above unless allowed at that check, file and line', () => {
    const findings = findingsFrom(csv);
    expect(judge(findings, []).unexplained.map((f) => f.issue)).toEqual(['SANDBOX_JS_CHECK']);
    expect(judge(findings, [allowSandbox])).toEqual({ unexplained: [], stale: [] });
    expect(judge(findings, [{ ...allowSandbox, line: 111 }]).unexplained).toHaveLength(1);
  });

  it('fails on allow-list entries that no longer match any finding', () => {
    expect(judge([], [allowSandbox]).stale).toEqual([allowSandbox]);
  });

  it('refuses allow-list entries without a check, file, line or a real mitigation', () => {
    expect(() => readAllowList(JSON.stringify([{ ...allowSandbox, mitigation: 'ok' }]))).toThrow(/mitigation/);
    expect(() => readAllowList(JSON.stringify([{ check: 'X', file: 'f', mitigation: 'long enough explanation here' }]))).toThrow(/line/);
    const real = readAllowList(readFileSync(new URL('../../../build/security/electronegativity-allow.json', import.meta.url), 'utf8'));
    expect(real.length).toBeGreaterThan(0);
  });
});
