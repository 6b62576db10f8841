import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { lesionUnits } from '../../../src-shared/engine/lesions/lesion-units';
import type { ModelDocument, NetworkState } from '../../../src-shared/model/schema';
import { DocumentHistory } from '../../../src-renderer/shared/document/document-history';
import { settleEdit } from '../../../src-renderer/shared/trainer/weights-fit';

function xor(): ModelDocument {
  return findExample('xor')!.build();
}

function trained(model: ModelDocument, epoch: number): NetworkState {
  const [input, hidden, output] = model.layers.map((layer) => layer.units);
  const matrix = (rows: number, cols: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, () => epoch / 10));
  return {
    epoch,
    weights: [matrix(hidden, input), matrix(output, hidden)],
    biases: [Array(hidden).fill(0), Array(output).fill(0)],
    weightMomentum: [matrix(hidden, input), matrix(output, hidden)],
    biasMomentum: [Array(hidden).fill(0), Array(output).fill(0)],
    orderStream: [1, 2, 3, 4],
    cursor: null,
    tssHistory: Array(epoch).fill(1),
    correctHistory: Array(epoch).fill(0),
  };
}

/** Commits an edit the way the app does: settled against the present document. */
function edit(history: DocumentHistory, change: (model: ModelDocument) => ModelDocument, label = 'edit'): void {
  const before = history.present.document;
  history.commit(settleEdit(before, change(before)), label);
}

describe('document history', () => {
  it('undoes and redoes each committed edit, one step each, back to the same document', () => {
    const original = xor();
    const history = new DocumentHistory(original);
    edit(history, (m) => ({ ...m, training: { ...m.training, learningRate: 0.1 } }), 'Change learning rate');
    edit(history, (m) => ({ ...m, name: 'Mine' }), 'Rename');
    expect(history.undoLabel).toBe('Rename');
    history.undo();
    expect(history.present.document.name).toBe('XOR');
    expect(history.redoLabel).toBe('Rename');
    history.undo();
    expect(JSON.stringify(history.present.document)).toBe(JSON.stringify(original));
    expect(history.canUndo).toBe(false);
    history.redo();
    history.redo();
    expect(history.present.document.name).toBe('Mine');
    expect(history.present.document.training.learningRate).toBe(0.1);
    expect(history.canRedo).toBe(false);
  });

  it('does not undo training: a settings edit undone keeps the weights trained since', () => {
    const history = new DocumentHistory(xor());
    edit(history, (m) => ({ ...m, training: { ...m.training, momentum: 0.5 } }));
    const state = trained(history.present.document, 40);
    history.replaceState(state);
    history.undo();
    expect(history.present.document.training.momentum).toBe(0.9);
    expect(history.present.document.state).toBe(state);
    history.redo();
    expect(history.present.document.state).toBe(state);
  });

  it('brings back the weights an architecture change discarded, and the new network’s on redo', () => {
    const history = new DocumentHistory(xor());
    const before = trained(history.present.document, 100);
    history.replaceState(before);
    edit(history, (m) => ({ ...m, layers: m.layers.map((l, j) => (j === 1 ? { ...l, units: 3 } : l)) }), 'Change units');
    expect(history.present.document.state).toBeNull();
    const after = trained(history.present.document, 7);
    history.replaceState(after);

    history.undo();
    expect(history.present.document.layers[1].units).toBe(2);
    expect(history.present.document.state).toBe(before);
    history.redo();
    expect(history.present.document.layers[1].units).toBe(3);
    expect(history.present.document.state).toBe(after);
  });

  it('treats a new seed as discarding the weights', () => {
    const history = new DocumentHistory(xor());
    const before = trained(history.present.document, 10);
    history.replaceState(before);
    edit(history, (m) => ({ ...m, training: { ...m.training, seed: 2 } }));
    expect(history.present.document.state).toBeNull();
    history.undo();
    expect(history.present.document.state).toBe(before);
  });

  it('keeps the revision of the edit, whatever the trained state', () => {
    const history = new DocumentHistory(xor());
    const saved = history.present.revision;
    edit(history, (m) => ({ ...m, name: 'x' }));
    expect(history.present.revision).not.toBe(saved);
    history.replaceState(trained(history.present.document, 3));
    history.undo();
    expect(history.present.revision).toBe(saved);
  });

  it('drops an epoch in progress when the number of patterns changes', () => {
    const history = new DocumentHistory(xor());
    const state: NetworkState = { ...trained(history.present.document, 5), cursor: { order: [0, 1, 2, 3], position: 2, tss: 0.5, correct: 1 } };
    history.replaceState(state);
    edit(history, (m) => ({ ...m, patterns: m.patterns.slice(0, 3) }));
    expect(history.present.document.state?.cursor).toBeNull();
    expect(history.present.document.state?.weights).toBe(state.weights);
    history.undo();
    expect(history.present.document.patterns).toHaveLength(4);
  });

  it('forgets the redo steps when a new edit is committed', () => {
    const history = new DocumentHistory(xor());
    edit(history, (m) => ({ ...m, name: 'a' }));
    history.undo();
    edit(history, (m) => ({ ...m, name: 'b' }));
    expect(history.canRedo).toBe(false);
    expect(history.redo()).toBeNull();
  });
});

describe('an edit that discards weights that would still fit', () => {
  it('never carries weights across it, undoing or redoing', () => {
    const history = new DocumentHistory(xor());
    const before = trained(history.present.document, 12);
    history.replaceState(before);
    const model = history.present.document;
    history.commit({ ...model, layers: [...model.layers].reverse(), state: null }, 'Move layer', true);
    const after = trained(history.present.document, 3);
    history.replaceState(after);
    history.undo();
    expect(history.present.document.state).toBe(before);
    history.redo();
    expect(history.present.document.state).toBe(after);
  });
});

describe('a lesion: an edit that puts weights in place, splitting a layer', () => {
  it('undo brings back the weights as they were at the lesion; redo the lesioned ones trained on', () => {
    const run = new GraphRun(findExample('rumelhart-graph')!.build());
    run.advance(Number.MAX_SAFE_INTEGER, 20);
    const history = new DocumentHistory(run.toModel());
    const before = history.present.document.state!;
    // As Workspace.edit commits a replacesWeights edit: the change's state kept, the step marked as replacing.
    history.commit(lesionUnits(history.present.document, 2, [0, 1, 2, 3]), 'Lesion 4 units of “representation”', true);
    const lesioned = history.present.document;
    const relearning = new GraphRun(lesioned);
    relearning.advance(Number.MAX_SAFE_INTEGER, 25);
    const after = relearning.toModel().state!;
    history.replaceState(after);
    history.undo();
    expect(history.present.document.layers).toHaveLength(5);
    expect(history.present.document.state).toBe(before);
    expect(history.present.document.damage).toBeUndefined();
    history.redo();
    expect(history.present.document.layers).toHaveLength(6);
    expect(history.present.document.state).toBe(after);
    expect(history.present.document.damage).toEqual(lesioned.damage);
  });
});
