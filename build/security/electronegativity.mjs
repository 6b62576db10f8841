/**
 * `npm run test:security`: Electronegativity (Doyensec's checker for Electron security anti-patterns) over
 * the app's sources, offline, for the Electron version the app ships. It exits 0 whatever it finds, so this
 * reads its CSV and fails on any finding of MEDIUM severity or above that electronegativity-allow.json does
 * not list. Every entry there names the check, the file and line, and the code that mitigates it; an entry
 * that matches no finding fails too, so the list never outlives the code it speaks for.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ALLOW_LIST = fileURLToPath(new URL('./electronegativity-allow.json', import.meta.url));
/** The app's sources; scanned together, because some checks look across the whole app. */
const SOURCES = ['src-main', 'src-renderer', 'src-shared'];
const FAILING = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Findings as objects, keyed by the CSV's own header. */
export function findingsFrom(csv) {
  const [header, ...rows] = parseCsv(csv);
  const keys = header.map((h) => h.trim());
  return rows.map((row) => Object.fromEntries(keys.map((key, i) => [key, (row[i] ?? '').trim()])));
}

/** The allow-list, refusing entries that do not say what they allow and why that is safe. */
export function readAllowList(text) {
  const entries = JSON.parse(text);
  if (!Array.isArray(entries)) throw new Error('electronegativity-allow.json must be a list');
  for (const [i, entry] of entries.entries()) {
    for (const key of ['check', 'file', 'line', 'mitigation']) {
      if (entry[key] === undefined || entry[key] === '' || (key === 'mitigation' && String(entry[key]).length < 20)) {
        throw new Error(`electronegativity-allow.json entry ${i} needs "${key}" (the check, the file, the line, and the code that mitigates it)`);
      }
    }
  }
  return entries;
}

/** Failing findings not allowed, and allow-list entries that match no finding. */
export function judge(findings, allowList) {
  const line = (finding) => Number(finding.location.split(':')[0]);
  const matches = (entry, finding) => entry.check === finding.issue && entry.file === finding.filename && entry.line === line(finding);
  const serious = findings.filter((f) => FAILING.has(f.severity.toUpperCase()));
  return {
    unexplained: serious.filter((finding) => !allowList.some((entry) => matches(entry, finding))),
    stale: allowList.filter((entry) => !serious.some((finding) => matches(entry, finding))),
  };
}

function electronVersion() {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
}

/**
 * The scan's CSV. A file the scanner could not parse (it says so on stderr and carries on without that
 * file's findings) makes the scan incomplete: scanned once more, as this has been seen once in a while for
 * a file that parses the next time; twice incomplete, it fails, naming the files.
 */
function scan() {
  const first = scanOnce();
  if (first.parseErrors === '') return first.csv;
  console.error(`electronegativity could not parse some files; scanning again:\n${first.parseErrors}`);
  const second = scanOnce();
  if (second.parseErrors !== '') throw new Error(`electronegativity could not parse some files, twice:\n${second.parseErrors}`);
  return second.csv;
}

function scanOnce() {
  const work = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  try {
    const input = join(work, 'app');
    for (const source of SOURCES) cpSync(join(ROOT, source), join(input, source), { recursive: true });
    const output = join(work, 'findings.csv');
    const cli = join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js');
    const run = spawnSync(process.execPath, [cli, '-i', input, '-e', electronVersion(), '-r', '-v', 'false', '-o', output], { encoding: 'utf8', timeout: 300_000 });
    if (run.status !== 0) throw new Error(`electronegativity failed (${run.status ?? run.signal}):\n${run.stderr}`);
    return { csv: readFileSync(output, 'utf8'), parseErrors: run.stderr.trim() };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const findings = findingsFrom(scan());
  const { unexplained, stale } = judge(findings, readAllowList(readFileSync(ALLOW_LIST, 'utf8')));
  const describe = (f) => `  ${f.issue} (${f.severity}) at ${f.filename}:${f.location}\n    ${f.sample}\n    ${f.description} — ${f.url}`;
  console.log(`electronegativity (Electron ${electronVersion()}): ${findings.length} findings, ${findings.length - unexplained.length} allowed or below MEDIUM.`);
  if (unexplained.length > 0) console.error(`Findings of MEDIUM severity or above that electronegativity-allow.json does not explain:\n${unexplained.map(describe).join('\n')}`);
  if (stale.length > 0) console.error(`Allow-list entries that match no finding (the code moved or changed; update or remove them):\n${stale.map((e) => `  ${e.check} at ${e.file}:${e.line}`).join('\n')}`);
  process.exitCode = unexplained.length > 0 || stale.length > 0 ? 1 : 0;
}
