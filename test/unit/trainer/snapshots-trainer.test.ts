/**
 * The app's trainer keeps snapshots as the schedule says, reports them with the state, and a model continued
 * from one (the timeline's "Continue from here") is a new run whose parent is the original, from that epoch,
 * training on to the same bits the original run had.
 */
import { describe, expect, it } from 'vitest';
import { modelAtSnapshot } from '../../../src-shared/model/snapshots';
import { planTrainerUpdate } from '../../../src-renderer/shared/trainer/trainer-plan';
import { example, startTrainer } from '../../support/trainer-harness';

describe('snapshots in the trainer', () => {
  it('keeps the schedule’s snapshots; a load of one continued names the run as parent and goes on with the same bits', async () => {
    const trainer = startTrainer();
    const model = example('xor', { snapshots: { kind: 'every', epochs: 5 }, stopWhenAllCorrect: false });
    await trainer.request({ type: 'load', model }, 'result');
    const straight = await trainer.request({ type: 'step', epochs: 20 }, 'result');
    expect(straight.state.snapshots!.map((s) => s.epoch)).toEqual([0, 5, 10, 15, 20]);
    const [original] = trainer.events('run');

    const continued = modelAtSnapshot({ ...model, state: straight.state }, 10);
    await trainer.request({ type: 'load', model: continued, parentRunId: original.runId }, 'result');
    const run = trainer.events('run')[1];
    expect(run).toMatchObject({ parentRunId: original.runId, startEpoch: 10, from: 'state' });
    const again = await trainer.request({ type: 'step', epochs: 10 }, 'result');
    expect(again.state).toEqual(straight.state);
  });

  it('a schedule removed from the document is removed in the trainer: no more snapshots are kept', async () => {
    const trainer = startTrainer();
    const model = example('xor', { snapshots: { kind: 'every', epochs: 5 }, stopWhenAllCorrect: false });
    const { snapshots: _removed, ...without } = model.training;
    const plan = planTrainerUpdate(model, { ...model, training: without });
    expect(plan.kind).toBe('configure');
    expect(plan.kind === 'configure' && 'snapshots' in plan.changes && plan.changes.snapshots === undefined).toBe(true);
    await trainer.request({ type: 'load', model }, 'result');
    await trainer.request({ type: 'step', epochs: 5 }, 'result');
    if (plan.kind === 'configure') trainer.command({ type: 'configure', training: plan.changes });
    const after = await trainer.request({ type: 'step', epochs: 10 }, 'result');
    expect(after.state.snapshots!.map((s) => s.epoch)).toEqual([0, 5]);
  });
});
