/**
 * The same networks trained by @tensorflow/tfjs, driven the fast way: variables and pre-built input
 * tensors, one optimizer.minimize() per update (not model.fit, which adds callbacks and data copies).
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from './cases';
import type { GraphShape } from './graph-cases';

export type TfjsBackend = 'cpu' | 'wasm';

let wasmReady = false;

/** Loads only the SIMD build of the wasm backend: were tfjs to pick another binary, loading would fail. */
async function useWasmSimd(): Promise<void> {
  if (wasmReady) return;
  const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '../node_modules/@tensorflow/tfjs-backend-wasm/dist/');
  setWasmPaths({
    'tfjs-backend-wasm-simd.wasm': `${dist}tfjs-backend-wasm-simd.wasm`,
    'tfjs-backend-wasm.wasm': '/not-loaded/tfjs-backend-wasm.wasm',
    'tfjs-backend-wasm-threaded-simd.wasm': '/not-loaded/tfjs-backend-wasm-threaded-simd.wasm',
  });
  wasmReady = true;
}

export async function selectBackend(backend: TfjsBackend): Promise<string> {
  if (backend === 'wasm') await useWasmSimd();
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs could not start its ${backend} backend`);
  await tf.ready();
  if (backend !== 'wasm') return backend;
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  if (!simd) throw new Error('the tfjs wasm backend reports no SIMD support');
  return `wasm (tfjs-backend-wasm-simd.wasm${threads ? ', threads' : ', 1 thread'})`;
}

/** A trainer for one case on the current backend: `step()` runs one update; `dispose()` frees its tensors. */
export function tfjsTrainer(c: BenchCase): { step: () => void; examplesPerStep: number; dispose: () => void } {
  const { sizes, data } = c;
  const { vars, forward } = c.graph ? graphNetwork(c.graph) : chainNetwork(c);
  const m = c.patternsPerUpdate;
  const inUnits = sizes[0];
  const outUnits = sizes[sizes.length - 1];
  // Pre-built batches, cycled through: the data is in tensors before timing starts.
  const batches: { x: tf.Tensor2D; t: tf.Tensor2D }[] = [];
  const count = Math.min(data.count, Math.max(m, 8 * m));
  for (let start = 0; start + m <= count; start += m) {
    batches.push({
      x: tf.tensor2d(Float32Array.from(data.inputs.subarray(start * inUnits, (start + m) * inUnits)), [m, inUnits]),
      t: tf.tensor2d(Float32Array.from(data.targets.subarray(start * outUnits, (start + m) * outUnits)), [m, outUnits]),
    });
  }
  const optimizer = tf.train.momentum(c.learningRate, c.momentum);
  let next = 0;
  const loss = (x: tf.Tensor2D, t: tf.Tensor2D) => (): tf.Scalar => {
    const { n, h } = forward(x);
    if (c.output === 'softmax') return tf.losses.softmaxCrossEntropy(t, n, undefined, 0, tf.Reduction.SUM) as tf.Scalar;
    return tf.mul(0.5, tf.sum(tf.square(tf.sub(t, h))));
  };
  const objectives = batches.map(({ x, t }) => loss(x, t));
  return {
    examplesPerStep: m,
    step: () => {
      optimizer.minimize(objectives[next], false, vars);
      next = (next + 1) % objectives.length;
    },
    dispose: () => {
      optimizer.dispose();
      tf.dispose([...vars, ...batches.flatMap((batch) => [batch.x, batch.t])]);
    },
  };
}

type Forward = (x: tf.Tensor2D) => { n: tf.Tensor2D; h: tf.Tensor2D };

const activate = (activation: string, n: tf.Tensor2D): tf.Tensor2D =>
  activation === 'relu' ? tf.relu(n) : activation === 'tanh' ? tf.tanh(n) : activation === 'softmax' ? n : tf.sigmoid(n);

/** A chain's variables and forward pass: the output layer's net input and activation. */
function chainNetwork(c: BenchCase): { vars: tf.Variable[]; forward: Forward } {
  const { sizes } = c;
  const W = sizes.slice(1).map((units, j) => tf.variable(tf.randomUniform([sizes[j], units], -0.5 / Math.sqrt(sizes[j]), 0.5 / Math.sqrt(sizes[j]))));
  const b = sizes.slice(1).map((units) => tf.variable(tf.zeros([units])));
  return {
    vars: [...W, ...b],
    forward: (x) => {
      let h: tf.Tensor2D = x;
      let n: tf.Tensor2D = x;
      for (let j = 0; j < W.length; j++) {
        n = tf.add(tf.matMul(h, W[j]), b[j]);
        h = activate(j === W.length - 1 ? c.output : c.hidden, n);
      }
      return { n, h };
    },
  };
}

/**
 * A graph's variables (one W per projection, one b per non-input layer) and forward pass, layers in index
 * order (the benchmark's graphs list each layer after those feeding it): the input layers are column blocks
 * of x, the output layers' activations are concatenated in layer order.
 */
function graphNetwork(graph: GraphShape): { vars: tf.Variable[]; forward: Forward } {
  const { layers, projections } = graph;
  const W = projections.map((p) => {
    const fanIn = layers[p.from].units;
    return tf.variable(tf.randomUniform([fanIn, layers[p.to].units], -0.5 / Math.sqrt(fanIn), 0.5 / Math.sqrt(fanIn)));
  });
  const b = layers.map((layer) => (layer.kind === 'input' ? null : tf.variable(tf.zeros([layer.units]))));
  return {
    vars: [...W, ...b.filter((v): v is tf.Variable => v !== null)],
    forward: (x) => {
      const h: tf.Tensor2D[] = [];
      const outputs: tf.Tensor2D[] = [];
      let column = 0;
      layers.forEach((layer, g) => {
        if (layer.kind === 'input') {
          h[g] = tf.slice(x, [0, column], [-1, layer.units]);
          column += layer.units;
          return;
        }
        let n = b[g] as tf.Tensor as tf.Tensor2D;
        projections.forEach((p, q) => {
          if (p.to === g) n = tf.add(n, tf.matMul(h[p.from], W[q]));
        });
        h[g] = activate(layer.activation, n);
        if (layer.kind === 'output') outputs.push(h[g]);
      });
      const out = outputs.length === 1 ? outputs[0] : tf.concat(outputs, 1);
      return { n: out, h: out };
    },
  };
}

/** Makes sure queued work is done (the wasm and cpu backends are synchronous; this reads one value back). */
export function settle(): void {
  tf.tidy(() => tf.scalar(0).dataSync());
}

export const tfjsVersion = tf.version.tfjs;
