/**
 * The renderer's one curve store: runs keyed by the trainer's ids, each with its parent and start epoch
 * and its own series; the current run and the earlier ones drawn behind it both come from it. Driven by
 * hand (the store's rules) and by a real trainer through a TrainerSession (what the page sees).
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src-shared/engine/simulation';
import type { MessageEndpoint, RunStart, TrainerCommand, TrainerEvent, TrainerEventOf } from '../../../src-shared/ipc/trainer-protocol';
import type { ModelDocument, TrainingSettings } from '../../../src-shared/model/schema';
import { serveTrainer } from '../../../src-shared/trainer/serve-trainer';
import { lesionUnits } from '../../../src-shared/engine/lesions/lesion-units';
import { scaleUnits } from '../../../src-shared/engine/lesions/perturb-units';
import type { Host } from '../../../src-renderer/hosts/host';
import { MAX_EARLIER_RUNS, RunCurves } from '../../../src-renderer/shared/trainer/run-curves.svelte';
import { TrainerSession } from '../../../src-renderer/shared/trainer/trainer-session.svelte';
import { example } from '../../support/trainer-harness';

const xor = example('xor');

function start(runId: string, training: TrainingSettings = xor.training, from: Partial<RunStart> = {}): RunStart {
  return { runId, parentRunId: null, startEpoch: 0, from: 'initial', training, ...from };
}

function metrics(runId: string, firstEpoch: number, tss: number[]): TrainerEventOf<'metrics'> {
  return { type: 'metrics', runId, latest: null, historyStride: 1, firstEpoch, tss, fractionCorrect: tss.map(() => 0), testTss: null, patternsIntoEpoch: 0 };
}

const epochsOf = (curves: RunCurves, id: string) => Array.from(curves.get(id)!.tss.data()[0]);

describe('the curve store', () => {
  it('grows each run’s curve from the metrics that name it, and only that run’s version moves', () => {
    const curves = new RunCurves();
    const a = curves.begin(start('t-1'), 'net');
    curves.metrics(metrics('t-1', 1, [4, 3]));
    const b = curves.begin(start('t-2'), 'net');
    // Several runs live at once: a late batch of the first still goes to the first.
    curves.metrics(metrics('t-1', 3, [2]));
    curves.metrics(metrics('t-2', 1, [5]));
    expect(epochsOf(curves, 't-1')).toEqual([1, 2, 3]);
    expect(epochsOf(curves, 't-2')).toEqual([1]);
    expect([a.version, b.version]).toEqual([2, 1]);
    expect(curves.current).toBe(b);
    // A run the store no longer holds (cleared) is no error.
    curves.metrics(metrics('gone', 1, [1]));
  });

  it('a reset is a new run: the old one is an earlier run labelled by its seed and “reset”; a new seed by its seed', () => {
    const curves = new RunCurves();
    curves.begin(start('t-1'), 'net');
    curves.metrics(metrics('t-1', 1, [4, 3, 2]));
    curves.begin(start('t-2'), 'net');
    curves.metrics(metrics('t-2', 1, [4]));
    curves.begin(start('t-3', { ...xor.training, seed: 8, learningRate: 0.3 }), 'net');
    // Reset before any epoch, then a new seed: the run reset is labelled by what replaced it then.
    curves.metrics(metrics('t-3', 1, [4]));
    curves.begin(start('t-4', { ...xor.training, seed: 8, learningRate: 0.3 }), 'net');
    curves.begin(start('t-5', { ...xor.training, seed: 9, learningRate: 0.3 }), 'net');
    expect(curves.earlier.map(({ run, label }) => [run.id, label])).toEqual([
      ['t-1', `seed ${xor.training.seed} · reset`],
      ['t-2', `seed ${xor.training.seed} · λ ${xor.training.learningRate} → 0.3`],
      ['t-3', 'seed 8 · reset'],
    ]);
  });

  it('a run continued from another where it stood hides it (its curve is the start of the new one’s); from earlier, shows it', () => {
    const curves = new RunCurves();
    curves.begin(start('t-1'), 'net');
    curves.metrics(metrics('t-1', 1, [4, 3, 2, 1]));
    // The network edited with the weights kept: a load of the state at epoch 4, from run t-1.
    curves.begin(start('t-2', xor.training, { from: 'state', parentRunId: 't-1', startEpoch: 4 }), 'net');
    curves.metrics(metrics('t-2', 1, [4, 3, 2, 1, 0.5]));
    expect(curves.current?.parentId).toBe('t-1');
    expect(curves.current?.startEpoch).toBe(4);
    expect(curves.earlier).toEqual([]);
    // Undo back to epoch 2 of t-2: t-2 went further, so it is an earlier run now, and so is nothing else.
    curves.begin(start('t-3', xor.training, { from: 'state', parentRunId: 't-2', startEpoch: 2 }), 'net');
    curves.metrics(metrics('t-3', 1, [4, 3]));
    expect(curves.earlier.map(({ run, label }) => [run.id, label])).toEqual([['t-2', `seed ${xor.training.seed} · continued from epoch 2`]]);
  });

  it('a trained model from a file is a new run at its epoch with no parent; another network is said so', () => {
    const curves = new RunCurves();
    curves.begin(start('t-1'), 'net');
    curves.metrics(metrics('t-1', 1, [4, 3]));
    curves.leave();
    expect(curves.current).toBeNull();
    curves.begin(start('u-1', xor.training, { from: 'state', startEpoch: 30 }), 'other net');
    expect(curves.current).toMatchObject({ id: 'u-1', parentId: null, startEpoch: 30, from: 'state' });
    expect(curves.earlier.map(({ label }) => label)).toEqual([`seed ${xor.training.seed} · network changed`]);
  });

  it('keeps at most MAX_EARLIER_RUNS runs besides the current one, drops runs with no curve, hides and clears', () => {
    const curves = new RunCurves();
    for (let i = 1; i <= MAX_EARLIER_RUNS + 3; i++) {
      curves.begin(start(`t-${i}`), 'net');
      curves.metrics(metrics(`t-${i}`, 1, [i]));
      // A reset before any epoch: a run with no curve, never shown, not kept.
      curves.begin(start(`e-${i}`), 'net');
    }
    curves.begin(start('last'), 'net');
    expect(curves.runs).toHaveLength(MAX_EARLIER_RUNS + 1);
    expect(curves.earlier.map(({ run }) => run.id)).toEqual(Array.from({ length: MAX_EARLIER_RUNS }, (_, i) => `t-${i + 4}`));
    curves.setHidden('t-5', true);
    expect(curves.get('t-5')!.hidden).toBe(true);
    curves.clear();
    expect(curves.runs.map((run) => run.id)).toEqual(['last']);
  });

  it('is read fine-grained: a derived of the current run recomputes when that run grows, not when another does', () => {
    const curves = new RunCurves();
    curves.begin(start('t-1'), 'net');
    curves.metrics(metrics('t-1', 1, [1]));
    curves.begin(start('t-2'), 'net');
    const chart = new CurrentCurve(curves);
    expect(chart.shown).toBe('t-2@0');
    curves.metrics(metrics('t-1', 2, [1]));
    expect(chart.shown).toBe('t-2@0');
    expect(chart.computed).toBe(1);
    curves.metrics(metrics('t-2', 1, [1]));
    expect(chart.shown).toBe('t-2@1');
    expect(chart.computed).toBe(2);
  });
});

/** What a chart of the current run derives from the store, counting how often it is computed. */
class CurrentCurve {
  computed = 0;
  readonly shown = $derived.by(() => {
    this.computed++;
    const run = this.curves.current;
    return run ? `${run.id}@${run.version}` : null;
  });
  constructor(private readonly curves: RunCurves) {}
}

/** A host whose trainer is the trainer loop in this process, each message cloned as a port would. */
function inProcessHost(): Host {
  let toTrainer: (data: unknown) => void = () => undefined;
  let toPage: (data: unknown) => void = () => undefined;
  serveTrainer(
    {
      postMessage: (event: TrainerEvent) => setImmediate(() => toPage(structuredClone(event))),
      onMessage: (handler) => (toTrainer = handler),
    },
    { defer: setImmediate },
  );
  const endpoint: MessageEndpoint<TrainerCommand> = {
    postMessage: (command) => setImmediate(() => toTrainer(structuredClone(command))),
    onMessage: (handler) => (toPage = handler),
  };
  return { trainerPort: () => Promise.resolve(endpoint) } as unknown as Host;
}

async function until(test: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000 && !test(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
  if (!test()) throw new Error(`timed out waiting for ${what}`);
}

/** Steps `epochs` epochs and waits for the result that settles them. */
async function step(session: TrainerSession, epochs: number): Promise<void> {
  const to = session.epoch + epochs;
  for (let i = 0; i < epochs; i++) {
    session.step();
    await until(() => session.epoch === to - epochs + i + 1 && session.tssFromTestPass, `epoch ${to - epochs + i + 1}`);
  }
}

describe('the store as a trainer session fills it', () => {
  it('reset → new run, a setting change → same run, a trained model → new run at its epoch, its parent the run it came from', async () => {
    const session = new TrainerSession(inProcessHost());
    const states: NonNullable<ModelDocument['state']>[] = [];
    session.onState = (state) => states.push(state);
    session.load(xor);
    await until(() => session.curves.current !== null && session.status === 'ready', 'the first run');
    const first = session.curves.current!;
    expect(first).toMatchObject({ parentId: null, startEpoch: 0, from: 'initial' });

    await step(session, 3);
    session.configure({ learningRate: 0.25 });
    await step(session, 2);
    expect(session.curves.current).toBe(first);
    expect(Array.from(first.tss.data()[1])).toEqual(engineTss(xor, 5, { learningRate: 0.25 }, 3));
    expect(first.settingChanges).toEqual([{ epoch: 3, pattern: 0, changes: { learningRate: 0.25 } }]);

    session.reset();
    await until(() => session.curves.current !== first && session.status === 'ready', 'the run after the reset');
    const second = session.curves.current!;
    expect(second).toMatchObject({ parentId: null, startEpoch: 0, from: 'initial' });
    expect(second.tss.length).toBe(0);
    expect(session.curves.earlier.map(({ run }) => run)).toEqual([first]);

    // The first run's last state, loaded again (an edit that keeps the weights): a run continuing it at epoch 5.
    const kept = states.filter((state) => state.epoch === 5).at(-1)!;
    session.load({ ...xor, training: { ...xor.training, learningRate: 0.25 }, state: kept });
    await until(() => session.curves.current !== null && session.curves.current !== second && session.status === 'paused', 'the continued run');
    const third = session.curves.current!;
    expect(third).toMatchObject({ parentId: first.id, startEpoch: 5, from: 'state' });
    await until(() => third.tss.length === 5, 'the loaded history');
    expect(Array.from(third.tss.data()[1])).toEqual(kept.tssHistory);
    // The first run ends where the third starts: drawn in it already. The second was trained not at all.
    expect(session.curves.earlier).toEqual([]);

    // The same model from a file: no known parent.
    session.load({ ...xor, state: structuredClone(kept) });
    await until(() => session.curves.current !== null && session.curves.current !== third, 'the run from the file');
    expect(session.curves.current).toMatchObject({ parentId: null, startEpoch: 5, from: 'state' });
  });
});

describe('the damage a run’s chart marks', () => {
  it('a lesion continues the damaged run; a Reset or a new seed starts after every record so far; undo and a file as their runs say', async () => {
    const session = new TrainerSession(inProcessHost());
    const states: NonNullable<ModelDocument['state']>[] = [];
    session.onState = (state) => states.push(state);
    session.load(xor);
    await until(() => session.curves.current !== null && session.status === 'ready', 'the first run');
    const first = session.curves.current!;
    expect(first.damageFrom).toBe(0);
    await step(session, 3);

    // A lesion as the workspace does it (damagesRun): the state it gives continues the run it damaged.
    const trainedModel = { ...xor, state: states.at(-1)! };
    const lesioned = lesionUnits(trainedModel, 1, [0]);
    session.continuesRun(lesioned.state!, first.id);
    session.load(lesioned);
    await until(() => session.curves.current !== null && session.curves.current !== first && session.status === 'paused', 'the lesioned run');
    const second = session.curves.current!;
    expect(second).toMatchObject({ parentId: first.id, startEpoch: 3, from: 'state', damageFrom: 0 });
    await step(session, 2);

    // Reset: the seed's weights, the lesion kept in the network but not in this run's epochs.
    session.reset();
    await until(() => session.curves.current !== second && session.status === 'ready', 'the run after the reset');
    const third = session.curves.current!;
    expect(third).toMatchObject({ from: 'initial', damageFrom: 1 });
    await step(session, 2);
    // Damaged again: the new record is this run's, the first one still not.
    const again = scaleUnits({ ...lesioned, state: states.at(-1)! }, 1, [0], 0.5);
    session.continuesRun(again.state!, third.id);
    session.load(again);
    await until(() => session.curves.current !== third && session.status === 'paused', 'the run damaged again');
    expect(session.curves.current).toMatchObject({ parentId: third.id, damageFrom: 1 });
    // A new seed: after both.
    session.configure({ seed: 77 });
    await until(() => session.curves.current?.from === 'initial', 'the run of the new seed');
    expect(session.curves.current!.damageFrom).toBe(2);

    // Undo back to the lesioned run's state: that run goes on, its lesion marked.
    session.load(lesioned);
    await until(() => session.curves.current?.parentId === first.id && session.curves.current.startEpoch === 3, 'the run undone to');
    expect(session.curves.current!.damageFrom).toBe(0);
    // A file: its whole record.
    session.load(structuredClone(again));
    await until(() => session.curves.current?.parentId === null && session.curves.current.from === 'state', 'the run from a file');
    expect(session.curves.current!.damageFrom).toBe(0);
  });
});

function engineTss(model: ModelDocument, epochs: number, change: Partial<TrainingSettings>, at: number): number[] {
  const simulation = new Simulation(model);
  simulation.advance(Number.MAX_SAFE_INTEGER, at);
  simulation.configure(change);
  simulation.advance(Number.MAX_SAFE_INTEGER, epochs);
  return simulation.tssHistory;
}
