/**
 * The kernel arena sizes itself (arena-layout.ts): it is exactly as large as what the run allocates in it,
 * every buffer the WebAssembly kernels read is in it, and nothing a later setting needs (a batch block, the
 * feedback matrices' copies, the test block) is allocated after it was made.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src-shared/engine/simulation';
import type { KernelArena } from '../../../src-shared/engine/wasm/kernel-arena';
import type { ModelDocument, TrainingSettings } from '../../../src-shared/model/schema';
import { buildModel, checked, randomPatterns, type NetSpec } from './helpers';

function model(spec: NetSpec, training: Partial<TrainingSettings>, testSet: boolean): ModelDocument {
  const inUnits = spec.sizes[0];
  const outUnits = spec.sizes[spec.sizes.length - 1];
  const m = buildModel(spec, randomPatterns(inUnits, outUnits, { count: 11, seed: 3, targets: 'binary' }),
    { learningRate: 0.3, momentum: 0.8, seed: 9, ...training });
  if (testSet) m.testPatterns = randomPatterns(inUnits, outUnits, { count: 130, seed: 4, targets: 'binary' });
  return checked(m);
}

interface Inside {
  arena: KernelArena;
  block: { net: Float64Array[]; act: Float64Array[]; delta: Float64Array[]; pss: Float64Array; correct: Uint8Array };
  testBlock: { net: Float64Array[] } | null;
  lastEpochPss: Float64Array;
}

describe('the kernel arena sizes itself', () => {
  const cases: [string, NetSpec, Partial<TrainingSettings>, boolean][] = [
    ['online, then batch, then feedback alignment, with a test set', { sizes: [6, 8, 5, 4], activation: 'logistic' }, { update: 'online' }, true],
    ['the classic network online, no test set', { sizes: [2, 2, 1], activation: 'logistic' }, { update: 'online' }, false],
    ['feedback alignment from the start, minibatch', { sizes: [5, 9, 7, 3], activation: ['tanh', 'relu', 'logistic'] }, { update: 'minibatch', batchSize: 4, rule: 'feedback-alignment' }, true],
  ];
  for (const [name, spec, training, testSet] of cases) {
    it(name, () => {
      const simulation = new Simulation(model(spec, training, testSet));
      const inside = simulation as unknown as Inside;
      const arena = inside.arena;
      expect(simulation.usesWasmKernels).toBe(true);
      expect(arena.bytesHandedOut).toBe(arena.bytesReserved);
      const net = simulation.network;
      const buffers = [net.params, ...net.net, ...net.act, ...net.delta, simulation.momentum, simulation.data.inputs, simulation.data.targets,
        simulation.cursor.order, simulation.cursor.pss, inside.lastEpochPss, ...inside.block.net, ...inside.block.act, ...inside.block.delta,
        inside.block.pss, inside.block.correct, ...(simulation.testData ? [simulation.testData.inputs, simulation.testData.targets] : []),
        ...(inside.testBlock ? inside.testBlock.net : [])];
      for (const buffer of buffers) expect(arena.holds(buffer)).toBe(true);
      expect(simulation.testData !== null).toBe(testSet);
      const reserved = arena.bytesReserved;
      simulation.advance(Number.MAX_SAFE_INTEGER, 3);
      simulation.configure({ update: 'batch' });
      simulation.advance(Number.MAX_SAFE_INTEGER, 6);
      simulation.configure({ rule: 'feedback-alignment' });
      simulation.advance(Number.MAX_SAFE_INTEGER, 9);
      expect(simulation.epoch).toBe(9);
      for (let j = 1; j < net.depth; j++) expect(arena.holds(simulation.backwardMatrix(j))).toBe(true);
      expect(arena.bytesHandedOut).toBe(reserved);
    });
  }
});
