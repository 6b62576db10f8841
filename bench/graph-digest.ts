/**
 * `npx tsx bench/graph-digest.ts`: bench/digest.ts for the graph path — a fingerprint of the exact bits that
 * graph and recurrent runs end with (weights, momentum, pending gradient, tss history, the outputs after
 * training, a recurrent run's context and stored events), each run also done in odd slices of advance()
 * calls, which must agree. Diff its output before and after a change to the graph path: no bit may move.
 * `GRAPH_REFERENCE=1` runs GraphNetwork's reference passes instead of the fast kernels: the same output.
 */
import { graphExamples } from '../src-shared/data/examples';
import { letterTask, temporalXor } from '../src-shared/data/recurrent-examples';
import { createModel } from '../src-shared/model/create';
import type { ActivationName, LayerSpec, ModelDocument, ProjectionSpec, TrainingSettings } from '../src-shared/model/schema';
import { createRun } from '../src-shared/engine/training-run';
import type { GraphRun } from '../src-shared/engine/graph/graph-run';
import { useGraphReferencePasses } from '../src-shared/engine/fast/plan';
import { hashRun, lcg, printFingerprints } from './support';

useGraphReferencePasses(process.env.GRAPH_REFERENCE === '1');

/** Besides the run's parameters, momentum, gradient and curve: where it stands, a recurrent run's context and stored events, its outputs. */
function fingerprint(run: GraphRun): string {
  const recurrent = run.state().recurrent;
  const recurrentBits = recurrent ? JSON.stringify(recurrent).split('').map((c) => c.charCodeAt(0)) : [];
  return hashRun(run, [run.cursor.tss, run.cursor.position, run.epoch], recurrentBits, run.outputs('train').flat());
}

const rand = lcg(13);
const layer = (kind: LayerSpec['kind'], name: string, units: number, activation: ActivationName = 'logistic', bias = kind !== 'input'): LayerSpec =>
  ({ kind, name, units, activation: kind === 'input' ? 'linear' : activation, bias });

/**
 * Two input layers, three hidden (one fed by several, skips over others), two output layers of which the
 * first also feeds a hidden layer above it: most of what the graph path does, on a few dozen weights.
 */
function skipGraph(hidden: ActivationName, output: ActivationName, frozen: boolean, training: Partial<TrainingSettings>, units = 1): ModelDocument {
  const layers = [
    layer('input', 'a', 3 * units), layer('input', 'b', 2 * units), layer('hidden', 'h1', 4 * units, hidden), layer('output', 'o1', 2, output),
    layer('hidden', 'h2', 5 * units, hidden), layer('hidden', 'h3', 3 * units, hidden), layer('output', 'o2', 3, output),
  ];
  layers[5].bias = false;
  const projections: ProjectionSpec[] = [
    { from: 0, to: 2 }, { from: 1, to: 2 }, { from: 2, to: 3 }, { from: 3, to: 4 }, { from: 0, to: 4 }, { from: 2, to: 5 },
    { from: 4, to: 5 }, { from: 5, to: 6 }, { from: 1, to: 6, learn: !frozen }, { from: 4, to: 6 },
  ];
  const patterns = Array.from({ length: 11 }, (_, p) => ({
    name: `p${p}`,
    input: Array.from({ length: 5 * units }, () => (rand() < 0.25 ? 0 : rand() * 2 - 1)),
    target: Array.from({ length: 5 }, () => (rand() < 0.1 ? null : rand() < 0.5 ? 1 : 0)),
  }));
  return createModel({
    name: 'skip graph', description: '', layers, projections, patterns,
    training: { errorCriterion: 0, maxEpochs: 1e9, learningRate: 0.2, ...training },
  });
}

interface Case {
  name: string;
  model: ModelDocument;
  presentations: number;
}

const cases: Case[] = [];
const updates = [{ update: 'online' }, { update: 'batch' }, { update: 'minibatch', batchSize: 3 }, { update: 'minibatch', batchSize: 4 }] as const;
for (const u of updates) {
  const tag = `${u.update}${'batchSize' in u ? u.batchSize : ''}`;
  cases.push({ name: `skip ${tag}`, model: skipGraph('logistic', 'logistic', false, { ...u, momentum: 0.9 }), presentations: 880 });
  cases.push({ name: `skip decay seq ${tag}`, model: skipGraph('tanh', 'logistic', false, { ...u, weightDecay: 1e-3, order: 'sequential', momentum: 0 }), presentations: 880 });
  cases.push({ name: `skip fa ${tag}`, model: skipGraph('logistic', 'logistic', false, { ...u, rule: 'feedback-alignment' }), presentations: 880 });
  cases.push({ name: `skip frozen ce ${tag}`, model: skipGraph('relu', 'logistic', true, { ...u, loss: 'cross-entropy', learningRate: 0.05 }), presentations: 880 });
  cases.push({ name: `skip linear wide ${tag}`, model: skipGraph('tanh', 'linear', true, { ...u, learningRate: 0.01, momentum: 0.5 }, 3), presentations: 440 });
}
for (const example of graphExamples) {
  // No stopping criterion: a run that stops early, then is asked for more, is not a slicing of one run.
  const model = example.build();
  cases.push({ name: example.id, model: { ...model, training: { ...model.training, errorCriterion: 0, maxEpochs: 1e9 } }, presentations: 2000 });
}
const srn = (model: ModelDocument, recurrence: ModelDocument['recurrence'], training: Partial<TrainingSettings> = {}): ModelDocument =>
  ({ ...model, recurrence, training: { ...model.training, ...training } });
cases.push({ name: 'temporal XOR bptt3', model: temporalXor(300), presentations: 3000 });
cases.push({ name: 'temporal XOR one-step', model: srn(temporalXor(300), { gradient: 'one-step' }), presentations: 3000 });
cases.push({ name: 'letters one-step', model: srn(letterTask(100), { gradient: 'one-step' }), presentations: 1500 });
cases.push({ name: 'letters bptt4', model: srn(letterTask(100), { gradient: 'bptt', depth: 4 }), presentations: 1500 });
cases.push({ name: 'letters bptt4 minibatch fa', model: srn(letterTask(60), { gradient: 'bptt', depth: 4 }, { update: 'minibatch', batchSize: 5, rule: 'feedback-alignment' }), presentations: 900 });
cases.push({ name: 'letters one-step batch decay', model: srn(letterTask(60), { gradient: 'one-step' }, { update: 'batch', weightDecay: 1e-4 }), presentations: 900 });

printFingerprints(cases.map((c) => ({ name: c.name, make: () => createRun(c.model) as GraphRun, presentations: c.presentations })), fingerprint);
