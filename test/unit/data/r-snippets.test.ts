/**
 * The R snippets of docs/exports.md and docs/experiments.md run with Rscript, in a directory holding what
 * they read under the names the pages use: XOR's .npz and .mat exports, and the results folder of the
 * backprop-vs-feedback-alignment experiment made small (2 runs per rule, 1,000 epochs) by the command
 * line's `experiment run`. A snippet fenced `r needs-PKG` runs only where R has the package PKG; the test
 * says when it skips one, and says so when Rscript is not installed at all (none can run then).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportFileContent, exportModel } from '../../../src-shared/data/export';
import { experimentExamples } from '../../../src-shared/data/experiment-examples';
import { cli } from '../../support/cli-harness';
import { trainedXor } from './models';

const DOCS = ['exports.md', 'experiments.md'];

interface Snippet {
  doc: string;
  code: string;
  needs: string | null;
  line: number;
}

function rSnippets(doc: string, markdown: string): Snippet[] {
  const snippets: Snippet[] = [];
  const pattern = /^```r(?: needs-([\w.]+))?\n([\s\S]*?)^```$/gm;
  for (let match; (match = pattern.exec(markdown)); ) {
    snippets.push({ doc, code: match[2], needs: match[1] ?? null, line: markdown.slice(0, match.index).split('\n').length });
  }
  return snippets;
}

const hasR = spawnSync('Rscript', ['--version']).status === 0;
const hasPackage = (name: string) => hasR && spawnSync('Rscript', ['-e', `library(${name})`]).status === 0;
if (!hasR) console.warn('Rscript is not installed: the R snippets of docs/exports.md and docs/experiments.md are not run');

let dir: string;
beforeAll(async () => {
  if (!hasR) return;
  dir = await mkdtemp(join(tmpdir(), 'bplab-r-'));
  for (const format of ['npz', 'mat'] as const) {
    for (const file of exportModel(trainedXor(), format, undefined, { appVersion: 'doc-test' }).files) await writeFile(join(dir, `xor.${file.extension}`), exportFileContent(file));
  }
  const example = experimentExamples.find((e) => e.id === 'experiment-encoder-fa')!.build();
  const small = { ...example, experiment: { ...example.experiment!, replications: 2, epochs: 1000 } };
  await writeFile(join(dir, 'encoder-fa.bplab'), JSON.stringify(small));
  const ran = await cli('experiment', 'run', join(dir, 'encoder-fa.bplab'), '--jobs', '1');
  if (ran.code !== 0) throw new Error(`experiment run failed: ${ran.err}`);
}, 120_000);

describe('the R snippets in the docs', async () => {
  const snippets = (await Promise.all(DOCS.map(async (doc) => rSnippets(doc, await readFile(fileURLToPath(new URL(`../../../docs/${doc}`, import.meta.url)), 'utf8'))))).flat();

  it('finds R snippets in both pages, most of them needing nothing R cannot install from Debian', () => {
    for (const doc of DOCS) expect(snippets.filter((s) => s.doc === doc).length, doc).toBeGreaterThanOrEqual(1);
    expect(snippets.filter((s) => s.needs === null || s.needs === 'reticulate').length).toBeGreaterThanOrEqual(3);
  });

  for (const snippet of snippets) {
    const runs = hasR && (snippet.needs === null || hasPackage(snippet.needs));
    if (hasR && !runs) console.warn(`docs/${snippet.doc}, line ${snippet.line}: skipped, R has no package ${snippet.needs}`);
    it.skipIf(!runs)(`runs docs/${snippet.doc}'s snippet at line ${snippet.line}${snippet.needs ? ` (needs ${snippet.needs})` : ''}`, async () => {
      const file = join(dir, `snippet-${snippet.doc}-${snippet.line}.R`);
      await writeFile(file, snippet.code);
      const result = spawnSync('Rscript', ['--vanilla', file], { cwd: dir, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).not.toBe('');
    }, 60_000);
  }
});
