/**
 * The trainer names its runs: a new id when a run starts from the seed's weights (a load of an untrained
 * model, a reset, a new seed or initialization) or from a loaded state (with its parent when the sender
 * knows it, and its start epoch); the same id while the run goes on (pause, resume, step, settings that
 * keep the weights). Every event about a run carries its id, and a run's metrics are its whole curve.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src-shared/engine/simulation';
import type { TrainerEvent } from '../../../src-shared/ipc/trainer-protocol';
import { example, startTrainer, type TrainerRecorder } from '../../support/trainer-harness';

/** The run events so far, and the id every other event carries (error events carry none). */
function runs(trainer: TrainerRecorder) {
  return trainer.events('run');
}

function idsOf(events: TrainerEvent[]): Array<string | undefined> {
  return events.filter((event) => event.type !== 'run' && event.type !== 'error').map((event) => ('runId' in event ? event.runId : undefined));
}

/** The tss history the metrics of one run draw, replayed as the page does. */
function curveOf(trainer: TrainerRecorder, runId: string): number[] {
  const tss: number[] = [];
  for (const m of trainer.events('metrics').filter((event) => event.runId === runId)) {
    expect(m.historyStride).toBe(1);
    tss.length = m.firstEpoch - 1;
    tss.push(...m.tss);
  }
  return tss;
}

describe('run identity', () => {
  it('a load of an untrained model begins a run from the seed’s weights, announced before anything else of it', async () => {
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model: example('xor') }, 'result');
    const [run] = runs(trainer);
    expect(run).toEqual({ type: 'run', runId: run.runId, parentRunId: null, startEpoch: 0, from: 'initial', training: example('xor').training });
    expect(trainer.received[0].event.type).toBe('run');
    expect(idsOf(trainer.received.map((r) => r.event))).toEqual(trainer.received.slice(1).map(() => run.runId));
  });

  it('keeps the id through steps, training, pauses, settings that keep the weights, looks inside and snapshots', async () => {
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model: example('xor') }, 'result');
    await trainer.request({ type: 'step', epochs: 3 }, 'result');
    trainer.command({ type: 'configure', training: { learningRate: 0.2, momentum: 0.5 } });
    await trainer.request({ type: 'stepPattern' }, 'result');
    trainer.command({ type: 'watch', intervalMs: 20 });
    trainer.command({ type: 'train' });
    await trainer.next('metrics', (m) => m.latest !== null && m.latest.epoch > 40);
    await trainer.request({ type: 'pause' }, 'result');
    await trainer.request({ type: 'inspect', probe: { set: 'train', pattern: 1 } }, 'inspection');
    await trainer.request({ type: 'snapshot' }, 'snapshot');

    expect(runs(trainer)).toHaveLength(1);
    const kinds = new Set(trainer.received.map((r) => r.event.type));
    for (const kind of ['status', 'metrics', 'result', 'stepped', 'view', 'inspection', 'snapshot']) expect(kinds).toContain(kind);
    expect(new Set(idsOf(trainer.received.map((r) => r.event)))).toEqual(new Set([runs(trainer)[0].runId]));
  });

  it('a reset, a new seed and a new initialization each begin a new run; the ended run’s curve reaches where it stood', async () => {
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model: example('xor') }, 'result');
    await trainer.request({ type: 'step', epochs: 6 }, 'result');
    const first = runs(trainer)[0].runId;
    const reset = await trainer.request({ type: 'reset' }, 'result');
    await trainer.request({ type: 'step', epochs: 2 }, 'result');
    await trainer.request({ type: 'configure', training: { seed: 9 } }, 'result');
    await trainer.request({ type: 'step', epochs: 1 }, 'result');
    await trainer.request({ type: 'configure', training: { init: { kind: 'gaussian', sd: 0.3 } } }, 'result');

    const all = runs(trainer);
    expect(all.map((run) => [run.from, run.parentRunId, run.startEpoch])).toEqual([
      ['initial', null, 0],
      ['initial', null, 0],
      ['initial', null, 0],
      ['initial', null, 0],
    ]);
    expect(new Set(all.map((run) => run.runId)).size).toBe(4);
    expect(all[2].training.seed).toBe(9);
    expect(all[3].training.init).toEqual({ kind: 'gaussian', sd: 0.3 });
    expect(reset.runId).toBe(all[1].runId);
    // Each run's curve is its own: the first's six epochs, the second's two, the third's one, the engine's.
    expect(curveOf(trainer, first)).toEqual(engineTss(example('xor'), 6));
    expect(curveOf(trainer, all[1].runId)).toEqual(engineTss(example('xor'), 2));
    expect(curveOf(trainer, all[2].runId)).toEqual(engineTss(example('xor', { seed: 9 }), 1));
    expect(curveOf(trainer, all[3].runId)).toEqual([]);
  });

  it('a load of a trained model begins a run from its state, at its epoch, whose first metrics are the state’s history', async () => {
    const trained = new Simulation(example('xor'));
    trained.advance(Number.MAX_SAFE_INTEGER, 25);
    const model = trained.toModel();
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model }, 'result');
    await trainer.request({ type: 'load', model, parentRunId: 'elsewhere-4' }, 'result');
    const [fromFile, fromRun] = runs(trainer);
    expect(fromFile).toMatchObject({ from: 'state', parentRunId: null, startEpoch: 25 });
    expect(fromRun).toMatchObject({ from: 'state', parentRunId: 'elsewhere-4', startEpoch: 25 });
    expect(fromRun.runId).not.toBe(fromFile.runId);

    await trainer.request({ type: 'step', epochs: 5 }, 'result');
    const saved = await trainer.request({ type: 'snapshot' }, 'snapshot');
    // The run's curve, as streamed, is the engine's history that a save writes: the loaded 25 epochs and 5 more.
    expect(curveOf(trainer, fromRun.runId)).toEqual(saved.model.state!.tssHistory);
    expect(saved.model.state!.tssHistory).toHaveLength(30);
  });

  it('an untrained model is a run from the seed’s weights whatever parent the sender names', async () => {
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model: example('xor'), parentRunId: 'other-1' }, 'result');
    expect(runs(trainer)[0]).toMatchObject({ from: 'initial', parentRunId: null, startEpoch: 0 });
  });

  it('ids are not reused by another trainer (one restarted after a crash)', async () => {
    const [a, b] = [startTrainer(), startTrainer()];
    await a.request({ type: 'load', model: example('xor') }, 'result');
    await b.request({ type: 'load', model: example('xor') }, 'result');
    expect(runs(a)[0].runId).not.toBe(runs(b)[0].runId);
  });

  it('refuses a load naming a parent that is no id, saying where', async () => {
    const trainer = startTrainer();
    const refused = await trainer.request({ type: 'load', model: example('xor'), parentRunId: '' }, 'error');
    expect(refused.message).toMatch(/parentRunId/);
    expect(runs(trainer)).toHaveLength(0);
  });
});

function engineTss(model: ReturnType<typeof example>, epochs: number): number[] {
  const simulation = new Simulation(model);
  simulation.advance(Number.MAX_SAFE_INTEGER, epochs);
  return simulation.tssHistory;
}
