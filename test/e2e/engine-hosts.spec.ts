/**
 * The engine gives the same bits in every host: a full-batch run trained by the web build's trainer (a Web
 * Worker in Chromium, whose block passes run in WebAssembly) equals the run in Node with the WebAssembly
 * kernels and with the TypeScript ones — weights, momentum terms and curve, bit for bit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { findExample } from '../../src-shared/data/examples';
import { Simulation } from '../../src-shared/engine/simulation';
import { useWasmKernels } from '../../src-shared/engine/wasm/kernel-arena';
import type { ModelDocument } from '../../src-shared/model/schema';
import { expect, openThroughPicker, saveByDownload, test, withoutFileAccess } from './app';

const EPOCHS = 400;

function rumelhartFullBatch(): ModelDocument {
  const model = findExample('rumelhart')!.build();
  return { ...model, training: { ...model.training, update: 'batch', learningRate: 0.02, maxEpochs: EPOCHS, errorCriterion: 0, stopWhenAllCorrect: false } };
}

function trainedInNode(wasm: boolean): Simulation {
  useWasmKernels(wasm);
  try {
    const simulation = new Simulation(rumelhartFullBatch());
    expect(simulation.usesWasmKernels).toBe(wasm);
    simulation.advance(Number.MAX_SAFE_INTEGER);
    return simulation;
  } finally {
    useWasmKernels(true);
  }
}

test('a full-batch run in the browser’s worker equals the run in Node, WebAssembly or TypeScript kernels, bit for bit', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  await page.goto('/');
  const file = testInfo.outputPath('rumelhart-batch.bplab');
  writeFileSync(file, JSON.stringify(rumelhartFullBatch()));
  await openThroughPicker(page, file);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Stopped');
  await expect(page.getByTestId('epoch')).toHaveText(String(EPOCHS));

  // The worker can compile WebAssembly (no policy forbids it), so the run above used the fast kernels.
  expect(page.workers()).toHaveLength(1);
  const compiles = await page.workers()[0].evaluate(() => {
    try {
      return new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])) instanceof WebAssembly.Module;
    } catch {
      return false;
    }
  });
  expect(compiles).toBe(true);

  const saved = testInfo.outputPath('saved.bplab');
  await saveByDownload(page, saved);
  const state = JSON.parse(readFileSync(saved, 'utf8')).state;
  for (const node of [trainedInNode(true), trainedInNode(false)]) {
    const expected = node.state();
    expect(state.epoch).toBe(EPOCHS);
    expect(state.weights).toEqual(expected.weights);
    expect(state.biases).toEqual(expected.biases);
    expect(state.weightMomentum).toEqual(expected.weightMomentum);
    expect(state.tssHistory).toEqual(expected.tssHistory);
  }
});
