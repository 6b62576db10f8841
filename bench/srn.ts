/**
 * `npx tsx bench/srn.ts`: the simple recurrent network's training speed, events per second, the engine
 * (RecurrentRun, Float64) beside a hand-written @tensorflow/tfjs loop (cpu backend, Float32) of the same
 * network and the same gradient, in the same run: temporal XOR (1-2-1, 2 context, online, one-step gradient)
 * and the letter task (6-20-6, 20 context, online, one-step and BPTT(4)). tfjs has no SRN layer that trains
 * with tlearn's one-step gradient or stored-activation BPTT(k), so its loop computes the gradient by hand:
 * δo = (o − t) ⊙ o(1 − o), δh = Vᵀδo ⊙ h(1 − h), carried back k − 1 events through Uᵀ with their stored h.
 */
import * as tf from '@tensorflow/tfjs';
import { letterTask, temporalXor } from '../src-shared/data/recurrent-examples';
import { RecurrentRun } from '../src-shared/engine/recurrent/recurrent-run';
import type { ModelDocument } from '../src-shared/model/schema';
import { clock, now } from './support';

const seconds = Number(process.env.BENCH_SECONDS ?? 2);
/** Rounds, each measuring the engine then tfjs on every case; the best of each side is kept. */
const rounds = Number(process.env.BENCH_ROUNDS ?? 1);

interface SrnCase {
  name: string;
  model: ModelDocument;
  depth: number;
}

function withDepth(model: ModelDocument, depth: number): ModelDocument {
  return {
    ...model,
    recurrence: depth === 1 ? { gradient: 'one-step' } : { gradient: 'bptt', depth },
    training: { ...model.training, momentum: 0, learningRate: 0.1, order: 'sequential', errorCriterion: 0, maxEpochs: 1e9 },
  };
}

const cases: SrnCase[] = [
  { name: 'temporal XOR 1-2-1, one-step', model: withDepth(temporalXor(), 1), depth: 1 },
  { name: 'letters 6-20-6, one-step', model: withDepth(letterTask(), 1), depth: 1 },
  { name: 'letters 6-20-6, BPTT(4)', model: withDepth(letterTask(), 4), depth: 4 },
];

function engineSpeed(c: SrnCase): number {
  const run = new RecurrentRun(c.model);
  const warm = performance.now();
  while (performance.now() - warm < 500) run.advance(1000);
  let events = 0;
  const start = now();
  while (now() - start < seconds * 1000) events += run.advance(1000).presented;
  return (events / (now() - start)) * 1000;
}

/** The same SRN in tfjs, online, the gradient written out (see the header). */
function tfjsSpeed(c: SrnCase): number {
  const [inputs, hidden, outputs] = [c.model.layers[0].units, c.model.layers[1].units, c.model.layers[3].units];
  const lr = c.model.training.learningRate;
  const W = tf.variable(tf.randomUniform([hidden, inputs], -0.5, 0.5));
  const U = tf.variable(tf.randomUniform([hidden, hidden], -0.5, 0.5));
  const V = tf.variable(tf.randomUniform([outputs, hidden], -0.5, 0.5));
  const bh = tf.variable(tf.zeros([hidden, 1]));
  const bo = tf.variable(tf.zeros([outputs, 1]));
  const xs = c.model.patterns.map((p) => tf.tensor2d(p.input, [inputs, 1]));
  const ts = c.model.patterns.map((p) => tf.tensor2d(p.target as number[], [outputs, 1]));
  let context: tf.Tensor2D = tf.keep(tf.fill([hidden, 1], 0.5) as tf.Tensor2D);
  const stored: { x: tf.Tensor2D; c: tf.Tensor2D; h: tf.Tensor2D }[] = [];
  let t = 0;
  const event = () => {
    const x = xs[t % xs.length];
    const target = ts[t % ts.length];
    t++;
    const h = tf.tidy(() => tf.sigmoid(tf.add(tf.add(tf.matMul(W, x), tf.matMul(U, context)), bh)) as tf.Tensor2D);
    tf.tidy(() => {
      const o = tf.sigmoid(tf.add(tf.matMul(V, h), bo));
      const dOut = tf.mul(tf.sub(o, target), tf.mul(o, tf.sub(1, o)));
      let dh = tf.mul(tf.matMul(V, dOut, true, false), tf.mul(h, tf.sub(1, h)));
      let gW = tf.matMul(dh, x, false, true);
      let gU = tf.matMul(dh, context, false, true);
      let gb = dh;
      for (let s = stored.length - 1; s >= 0 && s >= stored.length - (c.depth - 1); s--) {
        const e = stored[s];
        dh = tf.mul(tf.matMul(U, dh, true, false), tf.mul(e.h, tf.sub(1, e.h)));
        gW = tf.add(gW, tf.matMul(dh, e.x, false, true));
        gU = tf.add(gU, tf.matMul(dh, e.c, false, true));
        gb = tf.add(gb, dh);
      }
      V.assign(tf.sub(V, tf.mul(lr, tf.matMul(dOut, h, false, true))));
      bo.assign(tf.sub(bo, tf.mul(lr, dOut)));
      W.assign(tf.sub(W, tf.mul(lr, gW)));
      U.assign(tf.sub(U, tf.mul(lr, gU)));
      bh.assign(tf.sub(bh, tf.mul(lr, gb)));
    });
    if (c.depth > 1) {
      stored.push({ x, c: context, h: tf.keep(h.clone()) });
      while (stored.length > c.depth - 1) {
        const old = stored.shift()!;
        old.c.dispose();
        old.h.dispose();
      }
    } else {
      context.dispose();
    }
    context = h;
  };
  // Warm up (tfjs compiles its kernels on first use): half a second of events before timing.
  const warm = performance.now();
  while (performance.now() - warm < 500) for (let i = 0; i < 50; i++) event();
  let events = 0;
  const start = now();
  while (now() - start < seconds * 1000) {
    for (let i = 0; i < 100; i++) event();
    events += 100;
  }
  const speed = (events / (now() - start)) * 1000;
  tf.dispose([W, U, V, bh, bo, ...xs, ...ts, context, ...stored.flatMap((e) => [e.c, e.h])]);
  return speed;
}

await tf.setBackend('cpu');
await tf.ready();
console.log(`Node ${process.version}; tfjs ${tf.version.tfjs} (cpu); best of ${rounds} × ${seconds} s of ${clock === 'cpu' ? 'CPU time' : 'wall-clock time'} each`);
const best = cases.map(() => ({ engine: 0, tfjs: 0 }));
for (let round = 0; round < rounds; round++) {
  cases.forEach((c, i) => {
    best[i].engine = Math.max(best[i].engine, engineSpeed(c));
    best[i].tfjs = Math.max(best[i].tfjs, tfjsSpeed(c));
  });
}
console.log(`${'case'.padEnd(32)} ${'engine ev/s'.padStart(12)} ${'tfjs ev/s'.padStart(12)}  ratio`);
cases.forEach((c, i) => {
  const { engine, tfjs: reference } = best[i];
  console.log(`${c.name.padEnd(32)} ${Math.round(engine).toLocaleString('en').padStart(12)} ${Math.round(reference).toLocaleString('en').padStart(12)}  ${(engine / reference).toFixed(0)}×`);
});
