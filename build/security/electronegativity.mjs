/**
 * `npm run test:security`: Electronegativity (Doyensec's checker for Electron security anti-patterns) over
 * the app's sources, for the Electron version the app ships, and fails on any finding of MEDIUM severity or
 * above that electronegativity-allow.json does not list. Every entry there names the check, the file, the
 * text of the flagged line (trimmed, so an edit above it does not break it) and the code that mitigates it;
 * an entry that matches no finding fails too, so the list never outlives the code it speaks for.
 *
 * Offline by default: AvailableSecurityFixesGlobalCheck asks GitHub for Electron's releases (about 10 s of
 * retries without a network), so it runs only with `--online`, as the release workflow does; there it reads
 * Electron's version from package.json, fails the release when a newer Electron has security fixes, and
 * fails it too when the release list could not be fetched (the check would otherwise pass having checked nothing).
 *
 * Deterministic: the scanner's command line writes its CSV with two unordered asynchronous writes (the
 * header truncating, the findings appending; util/file.js writeIssues), so a run could read a file whose
 * header had overwritten the start of the findings, one quote short, and see 1 finding instead of 10 with
 * nothing on stderr. This calls the scanner's runner instead and takes its findings from memory. And as the
 * runner skips without a word a file its parser gives no data for, every file it lists is parsed here the
 * way it parses it, and any it could not parse fails the check, named.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ALLOW_LIST = fileURLToPath(new URL('./electronegativity-allow.json', import.meta.url));
/** The app's sources; scanned together, because some checks look across the whole app. */
const SOURCES = ['src-main', 'src-renderer', 'src-shared'];
const FAILING = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);
/** The one check that needs the network. */
const ONLINE_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
/**
 * Failing whatever their severity: the scanner rates an Electron with security fixes released since
 * INFORMATIONAL when Electron is a devDependency (as electron-builder wants it), but it is what ships.
 */
const ALWAYS_FAILING = new Set(['AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK']);

/** What is copied into the scan: online also package.json, where the security-fix check reads Electron's version. */
export function scannedPaths({ online }) {
  return online ? [...SOURCES, 'package.json'] : [...SOURCES];
}

const require = createRequire(import.meta.url);
const SCANNER = join(ROOT, 'node_modules/@doyensec/electronegativity/dist');

/** The allow-list, refusing entries that do not say what they allow and why that is safe. */
export function readAllowList(text) {
  const entries = JSON.parse(text);
  if (!Array.isArray(entries)) throw new Error('electronegativity-allow.json must be a list');
  for (const [i, entry] of entries.entries()) {
    for (const key of ['check', 'file', 'text', 'mitigation']) {
      if (typeof entry[key] !== 'string' || entry[key].trim() === '' || (key === 'mitigation' && entry[key].length < 20)) {
        throw new Error(`electronegativity-allow.json entry ${i} needs "${key}" (the check, the file, the text of the flagged line, and the code that mitigates it)`);
      }
    }
    if ('line' in entry) throw new Error(`electronegativity-allow.json entry ${i} has a "line": name the flagged line by its "text" instead, so that an edit above it does not break the entry`);
  }
  return entries;
}

/** Failing findings not allowed, and allow-list entries that match no finding. */
export function judge(findings, allowList) {
  const matches = (entry, finding) => entry.check === finding.check && entry.file === finding.file && entry.text.trim() === finding.text.trim();
  const serious = findings.filter((f) => FAILING.has(f.severity.toUpperCase()) || ALWAYS_FAILING.has(f.check));
  return {
    unexplained: serious.filter((finding) => !allowList.some((entry) => matches(entry, finding))),
    stale: allowList.filter((entry) => !serious.some((finding) => matches(entry, finding))),
  };
}

/** The files of `files` that `parse` (the scanner's parser) gives no data for or fails on, with why. */
export function unparsedFiles(files, parse) {
  const unparsed = [];
  for (const file of files) {
    try {
      if (parse(file) === null) unparsed.push({ file, reason: 'the parser returned no data' });
    } catch (error) {
      unparsed.push({ file, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return unparsed;
}

/** The runner's options for a scan of `input`. */
export function scanOptions(input, { online }) {
  return {
    input,
    electronVersionOverride: electronVersion(),
    isRelative: true,
    excludeFromScan: online ? [] : [...ONLINE_CHECKS],
  };
}

/**
 * Scans the folder `input`: its findings (file paths relative to it) and the files the scanner lists but
 * did not parse, or whose checks failed.
 */
export async function scan(input, { online }) {
  const run = require(join(SCANNER, 'runner.js'));
  const { Parser } = require(join(SCANNER, 'parser/parser.js'));
  const { list_files: listFiles, read_file: readFile } = require(join(SCANNER, 'util/file.js'));
  const result = await run(scanOptions(input, { online }), false);
  // The runner's own parser settings (runner.js: new Parser(false, true)).
  const parser = new Parser(false, true);
  const files = (await listFiles(input)) ?? [];
  const unparsed = [
    ...unparsedFiles(files, (file) => parser.parse(file, readFile(file))[1]),
    ...result.errors.filter((error) => !error.tolerable).map((error) => ({ file: error.file, reason: error.message })),
  ].map(({ file, reason }) => ({ file: relative(input, file).split('\\').join('/'), reason }));
  const findings = result.issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    file: issue.file.split('\\').join('/'),
    line: issue.location.line,
    column: issue.location.column,
    text: (issue.sample ?? '').trim(),
    description: issue.description,
    url: `https://github.com/doyensec/electronegativity/wiki/${issue.id}`,
  }));
  return { findings, unparsed: unparsed.filter((u, i) => unparsed.findIndex((v) => v.file === u.file) === i), releaseList: online ? hasReleaseList() : null };
}

/**
 * Whether the security-fix check had Electron's release list: it says "No connectivity?" and checks
 * nothing when it could not fetch it, and keeps the list it fetched in the temporary folder (releases.ETAG.json).
 */
function hasReleaseList() {
  const folder = createRequire(join(SCANNER, 'index.js'))('temp-dir');
  return readdirSync(folder).some((name) => name.startsWith('releases.'));
}

function electronVersion() {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
}

/** Scans a copy of the app's sources, so that nothing else in the repository is read. */
async function scanApp({ online }) {
  const work = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  try {
    const input = join(work, 'app');
    for (const source of scannedPaths({ online })) cpSync(join(ROOT, source), join(input, source), { recursive: true });
    return await scan(input, { online });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const online = process.argv.includes('--online');
  const { findings, unparsed, releaseList } = await scanApp({ online });
  const { unexplained, stale } = judge(findings, readAllowList(readFileSync(ALLOW_LIST, 'utf8')));
  const describe = (f) => `  ${f.check} (${f.severity}) at ${f.file}:${f.line}:${f.column}\n    ${f.text}\n    ${f.description} — ${f.url}`;
  console.log(`electronegativity (Electron ${electronVersion()}${online ? '' : `, offline: without ${ONLINE_CHECKS.join(', ')}`}): ${findings.length} findings, ${findings.length - unexplained.length} allowed or below MEDIUM.`);
  for (const f of findings.filter((finding) => ALWAYS_FAILING.has(finding.check))) console.error(`${f.description} (${f.url}): update Electron before releasing.`);
  if (unparsed.length > 0) console.error(`Files the scanner could not parse, so their findings are unknown:\n${unparsed.map((u) => `  ${u.file}: ${u.reason}`).join('\n')}`);
  if (unexplained.length > 0) console.error(`Findings of MEDIUM severity or above that electronegativity-allow.json does not explain:\n${unexplained.map(describe).join('\n')}`);
  if (stale.length > 0) console.error(`Allow-list entries that match no finding (the code changed; update or remove them):\n${stale.map((e) => `  ${e.check} at ${e.file}: ${e.text}`).join('\n')}`);
  // Online is the release's scan: a security-fix check that could not run must not pass as one that found nothing.
  if (online && !releaseList) console.error("Electron's release list could not be fetched (raw.githubusercontent.com/electron/releases), so whether this Electron has security fixes released since is unknown.");
  process.exitCode = unparsed.length > 0 || unexplained.length > 0 || stale.length > 0 || (online && !releaseList) ? 1 : 0;
}
