/**
 * The recurrent path's gradient (engine/recurrent): Elman's one-step gradient with the context held fixed,
 * and truncated BPTT(k) on a fixed window — the weights shared across its k events, the state before the
 * window held fixed — against central finite differences (1e-6 relative) and against an independent float64
 * implementation written here (1e-9), for Elman (copy of the hidden layer) and Jordan (copy of the output)
 * networks, across a sequence's reset.
 */
import { describe, expect, it } from 'vitest';
import { useGraphReferencePasses } from '../../../src-shared/engine/fast/plan';
import { RecurrentRun } from '../../../src-shared/engine/recurrent/recurrent-run';
import { createModel } from '../../../src-shared/model/create';
import type { ActivationName, ModelDocument, Pattern } from '../../../src-shared/model/schema';
import { checked, testRandom } from './helpers';

type Kind = 'elman' | 'jordan';

interface Params {
  W: number[][]; // hidden × input
  U: number[][]; // hidden × context
  V: number[][]; // output × hidden
  bh: number[];
  bo: number[];
}

const sizes = { input: 2, hidden: 3, output: 2 };

function network(kind: Kind, hiddenActivation: ActivationName, depth: number, patterns: Pattern[], initial: number): ModelDocument {
  const contextUnits = kind === 'elman' ? sizes.hidden : sizes.output;
  return checked(createModel({
    name: `${kind} net`, description: '',
    layers: [
      { kind: 'input', name: 'in', units: sizes.input, activation: 'linear', bias: false },
      { kind: 'hidden', name: 'hidden', units: sizes.hidden, activation: hiddenActivation, bias: true },
      { kind: 'hidden', name: 'context', units: contextUnits, activation: 'linear', bias: false },
      { kind: 'output', name: 'out', units: sizes.output, activation: 'logistic', bias: true },
    ],
    projections: [{ from: 0, to: 1 }, { from: 2, to: 1 }, { from: 1, to: 3 }],
    links: [{ kind: 'copy', from: kind === 'elman' ? 1 : 3, to: 2, delay: 1, initial }],
    recurrence: depth === 1 ? { gradient: 'one-step' } : { gradient: 'bptt', depth },
    patterns,
    training: { learningRate: 0, momentum: 0, order: 'sequential', update: 'online', init: { kind: 'uniform', range: 2 }, seed: 7, errorCriterion: 0 },
  }));
}

function sequence(seed: number, count: number, resets: number[]): Pattern[] {
  const rand = testRandom(seed);
  return Array.from({ length: count }, (_, t) => ({
    name: `e${t}`,
    input: Array.from({ length: sizes.input }, () => 2 * rand() - 1),
    target: Array.from({ length: sizes.output }, () => rand()),
    ...(resets.includes(t) ? { reset: true } : {}),
  }));
}

const f = (activation: ActivationName, n: number) => (activation === 'tanh' ? Math.tanh(n) : activation === 'linear' ? n : 1 / (1 + Math.exp(-n)));
const df = (activation: ActivationName, n: number, h: number) => (activation === 'tanh' ? 1 - h * h : activation === 'linear' ? 1 : h * (1 - h));
const matVec = (M: number[][], v: number[]) => M.map((row) => row.reduce((sum, w, j) => sum + w * v[j], 0));
const transposeVec = (M: number[][], d: number[]) => M[0].map((_, j) => M.reduce((sum, row, i) => sum + row[j] * d[i], 0));

interface Event { x: number[]; c: number[]; nh: number[]; h: number[]; no: number[]; o: number[] }

/** The forward pass over events from..to (inclusive) from context c0: each event's values, written independently of the engine. */
function forward(kind: Kind, act: ActivationName, P: Params, patterns: Pattern[], from: number, to: number, c0: number[]): Event[] {
  const events: Event[] = [];
  let c = c0;
  for (let t = from; t <= to; t++) {
    const x = patterns[t].input;
    const Wx = matVec(P.W, x);
    const Uc = matVec(P.U, c);
    const nh = P.bh.map((b, i) => b + Wx[i] + Uc[i]);
    const h = nh.map((n) => f(act, n));
    const no = P.bo.map((b, i) => b + matVec(P.V, h)[i]);
    const o = no.map((n) => f('logistic', n));
    events.push({ x, c, nh, h, no, o });
    c = kind === 'elman' ? h : o;
  }
  return events;
}

/** ½ Σ (t − o)² at the last event of the window. */
function windowLoss(events: Event[], target: number[]): number {
  const o = events[events.length - 1].o;
  return target.reduce((sum, t, k) => sum + 0.5 * (t - o[k]) ** 2, 0);
}

/** BPTT of the last event's error through the window's events, written independently: ∂L/∂θ per parameter. */
function bptt(kind: Kind, act: ActivationName, P: Params, events: Event[], target: number[]): Params {
  const zero = (M: number[][]) => M.map((row) => row.map(() => 0));
  const g: Params = { W: zero(P.W), U: zero(P.U), V: zero(P.V), bh: P.bh.map(() => 0), bo: P.bo.map(() => 0) };
  const outer = (G: number[][], d: number[], v: number[]) => d.forEach((di, i) => v.forEach((vj, j) => { G[i][j] += di * vj; }));
  let injected: number[] | null = null; // δ reaching the copied layer from the event after
  for (let e = events.length - 1; e >= 0; e--) {
    const ev = events[e];
    let dOut: number[];
    if (e === events.length - 1) dOut = ev.o.map((o, k) => (o - target[k]) * o * (1 - o));
    else if (kind === 'jordan') dOut = ev.o.map((o, k) => injected![k] * o * (1 - o));
    else dOut = ev.o.map(() => 0);
    outer(g.V, dOut, ev.h);
    dOut.forEach((d, k) => { g.bo[k] += d; });
    const back = transposeVec(P.V, dOut);
    const dh = ev.h.map((h, i) => (back[i] + (kind === 'elman' && e < events.length - 1 ? injected![i] : 0)) * df(act, ev.nh[i], h));
    outer(g.W, dh, ev.x);
    outer(g.U, dh, ev.c);
    dh.forEach((d, i) => { g.bh[i] += d; });
    injected = transposeVec(P.U, dh);
  }
  return g;
}

function paramsOf(model: ModelDocument): Params {
  const s = model.state!;
  return { W: s.weights[0], U: s.weights[1], V: s.weights[2], bh: s.biases[0], bo: s.biases[2] };
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-8, Math.abs(a), Math.abs(b));

/**
 * Trains (with learning rate 0) up to event t and checks the gradient the engine summed for event t against
 * the independent BPTT and against finite differences of the window's loss, the state before it held fixed.
 */
function checkEvent(kind: Kind, act: ActivationName, depth: number, patterns: Pattern[], t: number, initial: number): void {
  const model = network(kind, act, depth, patterns, initial);
  // The gradient buffer holds event t's gradient after an online step only on GraphNetwork's reference passes:
  // the fast path fuses the one-step gradient into the update and stores none (graph-fast.test.ts holds
  // its bits to the reference's).
  useGraphReferencePasses(true);
  const run = new RecurrentRun(model);
  try {
    run.advance(t + 1);
  } finally {
    useGraphReferencePasses(false);
  }
  const engine = run.network.views(run.gradient);
  const P = paramsOf(run.toModel());
  // Where the window starts: k events back, but never before the sequence's start.
  let sequenceStart = 0;
  for (let p = 0; p <= t; p++) if (patterns[p].reset) sequenceStart = p;
  const from = Math.max(sequenceStart, t - depth + 1);
  const initialContext = Array<number>(kind === 'elman' ? sizes.hidden : sizes.output).fill(initial);
  const before = forward(kind, act, P, patterns, sequenceStart, t, initialContext);
  const c0 = before[from - sequenceStart].c; // the state before the window, held fixed
  const events = forward(kind, act, P, patterns, from, t, c0);
  const independent = bptt(kind, act, P, events, patterns[t].target as number[]);
  const lossAt = () => windowLoss(forward(kind, act, P, patterns, from, t, c0), patterns[t].target as number[]);
  const check = (engineValues: Float64Array, matrix: number[][] | number[], expected: number[][] | number[], label: string) => {
    const rows = (Array.isArray(matrix[0]) ? matrix : [matrix]) as number[][];
    const want = (Array.isArray(expected[0]) ? expected : [expected]) as number[][];
    let i = 0;
    rows.forEach((row, r) => row.forEach((value, c) => {
      expect(relative(engineValues[i], want[r][c]), `${label}[${i}] independent`).toBeLessThan(1e-9);
      const h = 1e-5 * Math.max(1, Math.abs(value));
      row[c] = value + h;
      const up = lossAt();
      row[c] = value - h;
      const down = lossAt();
      row[c] = value;
      expect(relative(engineValues[i], (up - down) / (2 * h)), `${label}[${i}] finite differences`).toBeLessThan(1e-6);
      i++;
    }));
  };
  const label = `${kind} ${act} k=${depth} t=${t}`;
  check(engine.weights[0], P.W, independent.W, `${label} W`);
  check(engine.weights[1], P.U, independent.U, `${label} U`);
  check(engine.weights[2], P.V, independent.V, `${label} V`);
  check(engine.biases[0], P.bh, independent.bh, `${label} b_hidden`);
  check(engine.biases[2], P.bo, independent.bo, `${label} b_out`);
  expect(Array.from(engine.biases[1]).every((v) => v === 0), 'the context layer has no bias').toBe(true);
}

describe('the recurrent gradient', () => {
  for (const kind of ['elman', 'jordan'] as const) {
    for (const act of ['logistic', 'tanh'] as const) {
      it(`${kind}, ${act}: the one-step gradient with the context held fixed`, () => {
        const patterns = sequence(3, 7, [0]);
        for (const t of [0, 1, 6]) checkEvent(kind, act, 1, patterns, t, 0);
      });

      it(`${kind}, ${act}: BPTT(k) on a fixed window, weights shared, the state before the window fixed`, () => {
        const patterns = sequence(5, 8, [0]);
        checkEvent(kind, act, 3, patterns, 7, 0.5); // window 5–7, state h(4) fixed
        checkEvent(kind, act, 4, patterns, 6, 0.5); // window 3–6
        checkEvent(kind, act, 20, patterns, 4, 0.5); // the whole sequence so far: back to its initial context
      });
    }
  }

  it('stops at a sequence\'s start: BPTT never carries the error back past a reset', () => {
    const patterns = sequence(9, 9, [0, 4]);
    checkEvent('elman', 'logistic', 6, patterns, 6, 0.5); // window 4–6, not 1–6
    checkEvent('elman', 'tanh', 3, patterns, 8, 0); // window 6–8
  });

  it('BPTT(1) is exactly the one-step gradient', () => {
    const patterns = sequence(11, 6, [0]);
    const oneStep = new RecurrentRun(network('elman', 'logistic', 1, patterns, 0));
    const depthOne = new RecurrentRun(checked({ ...network('elman', 'logistic', 1, patterns, 0), recurrence: { gradient: 'bptt', depth: 1 } }));
    expect(depthOne.recurrence.depth).toBe(1);
    oneStep.advance(5);
    depthOne.advance(5);
    expect(Array.from(depthOne.gradient)).toEqual(Array.from(oneStep.gradient));
    const deeper = new RecurrentRun(network('elman', 'logistic', 3, patterns, 0));
    deeper.advance(5);
    expect(Array.from(deeper.gradient)).not.toEqual(Array.from(oneStep.gradient));
  });
});
