/**
 * Step through for a recurrent network (temporal XOR: input 0, hidden 1, context 2, output 3): the copy
 * phase (context ← hidden) comes before the forward pass, shows the context's values — the hidden layer's
 * at the event before, as training presents the event — and names the copy in its title, equation and a
 * context unit's numbers.
 */
import { describe, expect, it } from 'vitest';
import { temporalXor } from '../../../src-shared/data/recurrent-examples';
import { RecurrentRun } from '../../../src-shared/engine/recurrent/recurrent-run';
import { inspectNextEvent } from '../../../src-shared/trainer/recurrent-inspection';
import { phaseEquation } from '../../../src-renderer/step-through/phase-equations';
import { inspectedNetwork, phaseTitle, phaseView, stepPhases, unitDetails, type Phase } from '../../../src-renderer/step-through/step-phases';

describe('a recurrent network’s phases', () => {
  const model = temporalXor(30);
  const run = new RecurrentRun(model);
  run.advance(7);
  // The hidden layer's activations at event 6, which event 7's context holds.
  const previousHidden = Array.from(run.network.act[1]);
  const p = run.nextPattern();
  const inspection = inspectNextEvent(run, model.patterns, p);
  const copies = model.links!.map((link) => ({ from: link.from, to: link.to }));
  const network = inspectedNetwork(inspection, copies);
  const names = model.layers.map((layer) => layer.name);
  const copy: Phase = { kind: 'copy', layer: 2, from: 1 };

  it('copy the hidden layer into the context first; the context is filled, never computed forward', () => {
    const phases = stepPhases(network);
    expect(phases.slice(0, 3)).toEqual([copy, { kind: 'forward', layer: 1 }, { kind: 'forward', layer: 3 }]);
    expect(phases.filter((phase) => phase.kind === 'forward').map((phase) => phase.layer)).toEqual([1, 3]);
    // One weight change per projection, the context's into the hidden layer among them.
    expect(phases.filter((phase) => phase.kind === 'weight-change').map((phase) => phase.projection).sort()).toEqual([0, 1, 2]);
    // Without the links, the same network has no copy phase (a feed-forward reading of it).
    expect(stepPhases(inspectedNetwork(inspection)).some((phase) => phase.kind === 'copy')).toBe(false);
  });

  it('show the previous event’s hidden activations in the context, and nothing computed yet', () => {
    const view = phaseView(inspection, copy);
    expect(view.unitValues[2]).toEqual(previousHidden);
    expect(view.unitValues[0]).toEqual(inspection.layers[0].activation);
    expect(view.unitValues[1]).toBeNull();
    expect(view.unitValues[3]).toBeNull();
    expect(view.pending).toEqual([false, true, false, true]);
    expect(view.showsTarget).toBe(false);
    // The hidden layer's forward pass then sums the input's and the context's terms.
    expect(phaseView(inspection, { kind: 'forward', layer: 1 }).activeProjections).toEqual([0, 1]);
  });

  it('say what the copy is in the title, the equation and a context unit’s numbers', () => {
    expect(phaseTitle(copy, names)).toBe('Copy back: context ← hidden (layer 2 ← layer 1), the previous event\'s activations');
    const graph = { names, kinds: model.layers.map((layer) => layer.kind), projections: model.projections! };
    const equation = phaseEquation(copy, { depth: 3, activations: model.layers.map((l) => l.activation), loss: 'squared-error', rule: 'backprop', learningRate: 1, momentum: 0, weightDecay: 0, graph });
    expect(equation[0].math).toBe('h_{context}(t) = h_{hidden}(t − 1)');
    const rows = unitDetails(inspection, copy, 2, 1, (g, k) => `${names[g]} ${k + 1}`, copies).rows;
    expect(rows).toEqual([{ label: 'copy of hidden, previous event', symbol: 'h₂[2] = h₁[2](t − 1)', value: previousHidden[1] }]);
    // In the copy phase the hidden unit shows nothing yet; in its forward phase its net input's terms.
    expect(unitDetails(inspection, copy, 1, 0, () => 'h', copies).rows).toEqual([]);
    const forward = unitDetails(inspection, { kind: 'forward', layer: 1 }, 1, 0, () => 'h', copies).rows.map((row) => row.label);
    expect(forward).toEqual(['net input', '  from input', '  from context', '  bias', 'activation']);
  });
});
