/**
 * The engine's fingerprint: a short digest of the exact bits of a fixed small training (an XOR network,
 * online and batch, backprop and feedback alignment). Two hosts with the same fingerprint compute the same
 * bits, so a results folder filled by several machines (a cluster, a laptop) is one experiment.
 */
import { Simulation } from '../engine/simulation';
import { createModel } from '../model/create';
import type { LayerSpec, TrainingSettings } from '../model/schema';

const layers: LayerSpec[] = [
  { kind: 'input', name: 'input', units: 2, activation: 'linear', bias: false },
  { kind: 'hidden', name: 'hidden', units: 3, activation: 'logistic', bias: true },
  { kind: 'output', name: 'output', units: 1, activation: 'logistic', bias: true },
];
const patterns = [[0, 0], [0, 1], [1, 0], [1, 1]].map(([a, b]) => ({ name: `${a}${b}`, input: [a, b], target: [a ^ b] }));
const runs: Partial<TrainingSettings>[] = [
  { rule: 'backprop', update: 'online', order: 'permuted', learningRate: 0.5, momentum: 0.9, seed: 7 },
  { rule: 'feedback-alignment', update: 'batch', order: 'sequential', learningRate: 0.3, momentum: 0.5, weightDecay: 0.001, seed: 11, init: { kind: 'gaussian', sd: 0.5 } },
];

export function engineFingerprint(): string {
  let digest = fnv1a64Start();
  for (const training of runs) {
    const model = createModel({ name: 'fingerprint', description: '', layers, patterns, training: { ...training, maxEpochs: 1000, errorCriterion: 0 } });
    const simulation = new Simulation(model);
    simulation.advance(Number.POSITIVE_INFINITY, 200);
    const { weights, biases } = simulation.weightRows();
    digest = fnv1a64(digest, new Float64Array([...weights.flat(2), ...biases.flat(), ...simulation.tssHistory]));
  }
  return digest.map((half) => half.toString(16).padStart(8, '0')).join('');
}

/** FNV-1a over the bytes, in two 32-bit lanes with different offsets: a checksum, not a cryptographic hash. */
function fnv1a64Start(): [number, number] {
  return [0x811c9dc5, 0x01000193 ^ 0x5bd1e995];
}

function fnv1a64([a, b]: [number, number], values: Float64Array): [number, number] {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  // Doubles are read little-endian on every host JavaScript runs on (typed arrays use the platform's order,
  // and every platform the app ships for is little-endian).
  for (const byte of bytes) {
    a = Math.imul(a ^ byte, 0x01000193) >>> 0;
    b = Math.imul(b ^ byte, 0x01000193) >>> 0;
    b = (b ^ (b >>> 13)) >>> 0;
  }
  return [a, b];
}
