/**
 * docs/exports.md's Python snippets run, in a directory holding XOR's exports, temporal XOR's (a recurrent
 * network) and a small experiment's results.npz under the names the page uses. A snippet fenced `python
 * needs-X` runs only where python3 can import X, and the test says when it skips one; without numpy none can
 * run, and that is said too. The `needs-torch` snippets also run on the numpy stand-in for torch
 * (test/support/python/torch_standin.py), which these machines have where torch cannot be installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportFileContent, exportModel, type ModelExportFormat } from '../../../../src-shared/data/export';
import { experimentExamples } from '../../../../src-shared/data/experiment-examples';
import { planExperiment } from '../../../../src-shared/experiment/plan';
import { resultsNpzBytes } from '../../../../src-shared/experiment/results-arrays';
import { runExperimentRun } from '../../../../src-shared/experiment/run-one';
import { hasNumpy } from '../../../support/python';
import { trainedXor } from './models';
import { shortTemporalXor } from './recurrent-models';

const DOC = fileURLToPath(new URL('../../../../docs/exports.md', import.meta.url));
const SUPPORT = fileURLToPath(new URL('../../../support/python', import.meta.url));

interface Snippet {
  code: string;
  needs: string | null;
  line: number;
}

function pythonSnippets(markdown: string): Snippet[] {
  const snippets: Snippet[] = [];
  const pattern = /^```python(?: needs-([\w-]+))?\n([\s\S]*?)^```$/gm;
  for (let match; (match = pattern.exec(markdown)); ) {
    snippets.push({ code: match[2], needs: match[1] ?? null, line: markdown.slice(0, match.index).split('\n').length });
  }
  return snippets;
}

const importable = (module: string) => spawnSync('python3', ['-c', `import ${module}`]).status === 0;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bplab-doc-'));
  const model = trainedXor();
  const recurrent = shortTemporalXor();
  const write = async (format: ModelExportFormat, base: string, exported = model) => {
    for (const file of exportModel(exported, format, undefined, { appVersion: 'doc-test' }).files) await writeFile(join(dir, `${base}.${file.extension}`), exportFileContent(file));
  };
  await write('npz', 'xor');
  await write('safetensors', 'xor');
  await write('onnx', 'xor');
  await write('mat', 'xor');
  for (const format of ['npz', 'safetensors', 'onnx'] as const) await write(format, 'temporal_xor', recurrent);
  // results.npz: the hidden-units experiment made small (3 conditions × 2 runs of 50 epochs), as `experiment export` writes it.
  const example = experimentExamples.find((e) => e.id === 'experiment-xor-hidden')!.build();
  const experiment = { ...example, experiment: { ...example.experiment!, replications: 2, epochs: 50 } };
  const plan = planExperiment(experiment);
  const runs = Array.from({ length: plan.total }, (_, index) => runExperimentRun(experiment, plan, index));
  await writeFile(join(dir, 'results.npz'), resultsNpzBytes(plan, runs, { experiment: experiment.name }));
});

describe('docs/exports.md', async () => {
  const snippets = pythonSnippets(await readFile(DOC, 'utf8'));

  it('has Python snippets to run, the numpy ones unmarked', () => {
    expect(snippets.filter((s) => s.needs === null).length).toBeGreaterThanOrEqual(2);
  });

  if (!hasNumpy) console.warn('docs/exports.md: python3 with numpy is not installed, so its Python snippets are not run');
  for (const snippet of snippets) {
    const module = snippet.needs ?? 'numpy';
    const runs = hasNumpy && importable(module);
    if (!runs && snippet.needs) console.warn(`docs/exports.md, line ${snippet.line}: skipped, python3 cannot import ${module}`);
    it.skipIf(!runs)(`runs the snippet at line ${snippet.line}${snippet.needs ? ` (needs ${snippet.needs})` : ''}`, () => {
      const result = spawnSync('python3', ['-c', snippet.code], { cwd: dir, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).not.toBe('');
    });
  }

  for (const snippet of snippets.filter((s) => s.needs === 'torch')) {
    it.skipIf(!hasNumpy)(`runs the snippet at line ${snippet.line} on the numpy stand-in for torch`, () => {
      const result = spawnSync('python3', ['-c', 'import sys; sys.path.insert(0, sys.argv[1]); import torch_standin; exec(sys.argv[2])', SUPPORT, snippet.code], { cwd: dir, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).not.toBe('');
    });
  }
});
