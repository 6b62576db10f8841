/** The builder's edits of a graph's projections: each gives a document the validator accepts, saved and read back as it was. */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { checkConsistency } from '../../../src-shared/model/consistency';
import { parseModelText } from '../../../src-shared/model/parse';
import { serializeModel } from '../../../src-shared/model/serialize';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { insertLayer, moveLayer, newLayer, patternBlock, removeLayer, resizePatterns } from '../../../src-renderer/network/layer-edits';
import { addProjection, connectableTargets, connectionProblem, removeProjection } from '../../../src-renderer/network/projection-edits';
import { settleEdit, weightsCarryOver } from '../../../src-renderer/shared/trainer/weights-fit';

const xor = () => findExample('xor')!.build();
const xor211 = () => findExample('xor-2-1-1')!.build();
const rumelhart = () => findExample('rumelhart-graph')!.build();
const pairs = (model: ModelDocument) => model.projections?.map((p) => `${p.from}>${p.to}`) ?? null;

function roundTrip(model: ModelDocument): ModelDocument {
  const read = parseModelText(serializeModel(model));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.model;
}

/** The 2-2-1 XOR chain with its hidden layer cut to one unit: the start of the 2-1-1 built by hand. */
function oneHiddenUnit(): ModelDocument {
  const model = xor();
  return { ...model, layers: model.layers.map((layer, i) => (i === 1 ? { ...layer, units: 1 } : layer)) };
}

describe('projections drawn in the builder', () => {
  it('a skip projection turns the chain into the 2-1-1 XOR graph, valid, and a save reads back the same topology', () => {
    const built = addProjection(oneHiddenUnit(), 0, 2);
    expect(pairs(built)).toEqual(['0>1', '1>2', '0>2']);
    expect(checkConsistency(built)).toEqual([]);
    const read = roundTrip(built);
    const example = xor211();
    const sorted = (m: ModelDocument) => [...pairs(m)!].sort();
    expect(sorted(read)).toEqual(sorted(example));
    expect(read.layers.map((l) => [l.kind, l.units])).toEqual(example.layers.map((l) => [l.kind, l.units]));
  });

  it('removing the skip again gives back the chain, stored without projections as before', () => {
    const chain = oneHiddenUnit();
    const back = removeProjection(addProjection(chain, 0, 2), 0, 2);
    expect('projections' in back).toBe(false);
    expect(back).toEqual(chain);
  });

  it('removing a projection of a chain makes it a graph whose loose layers the validator names', () => {
    const cut = removeProjection(xor(), 1, 2);
    expect(pairs(cut)).toEqual(['0>1']);
    const problems = checkConsistency(cut).map((p) => `${p.path}: ${p.message}`);
    expect(problems).toContain('layers[1]: layer 1 (hidden) feeds no other layer: connect it to a layer, or remove it');
    expect(problems).toContain('layers[2]: layer 2 (output) is fed by no projection: connect a layer to it, or remove it');
  });

  it('a projection back from the output closes a cycle, which the validator names', () => {
    const cyclic = addProjection(xor211(), 2, 1);
    const problem = checkConsistency(cyclic).find((p) => p.path === 'projections');
    expect(problem?.message).toContain('hidden → output → hidden');
  });

  it('offers only the layers a projection may enter, and says why not the others', () => {
    const model = rumelhart();
    expect(connectableTargets(model, 0)).toEqual([3, 4]);
    expect(connectionProblem(model, 0, 1)).toContain('input layer');
    expect(connectionProblem(model, 0, 2)).toContain('already projects');
    expect(connectionProblem(model, 3, 3)).toContain('into itself');
  });

  it('a new projection discards trained weights: the run starts again from the seed for every projection', () => {
    const before = { ...xor211(), state: { epoch: 10 } } as unknown as ModelDocument;
    const after = addProjection(before, 0, 2) === before ? removeProjection(before, 0, 2) : before;
    expect(weightsCarryOver(before, after)).toBe(false);
    expect(settleEdit(before, after).state).toBeNull();
    expect(weightsCarryOver(before, { ...before })).toBe(true);
  });
});

describe('layers added, moved and removed in a graph', () => {
  it('a second input layer from the palette makes a chain a graph, the new layer unconnected until joined', () => {
    const model = xor();
    const added = insertLayer(model, 0, newLayer(model.layers, 'input', 'logistic'));
    expect(added.layers.map((l) => l.name)).toEqual(['input 2', 'input', 'hidden', 'output']);
    expect(pairs(added)).toEqual(['1>2', '2>3']);
    expect(checkConsistency(added).map((p) => p.path)).toContain('layers[0]');
    const joined = addProjection(added, 0, 2);
    expect(checkConsistency(joined).filter((p) => p.path.startsWith('layers['))).toEqual([]);
  });

  it('a hidden layer inserted into a chain is joined in, as before graphs', () => {
    const model = xor();
    const inserted = insertLayer(model, 2, newLayer(model.layers, 'hidden', 'tanh'));
    expect('projections' in inserted).toBe(false);
    expect(checkConsistency(inserted)).toEqual([]);
  });

  it('projections follow their layers when a layer is moved or removed', () => {
    const model = rumelhart();
    const moved = moveLayer(model, 1, 3); // relation after hidden: item, representation, hidden, relation, attributes
    expect(moved.layers.map((l) => l.name)).toEqual(['item', 'representation', 'hidden', 'relation', 'attributes']);
    expect(pairs(moved)).toEqual(['0>1', '1>2', '3>2', '2>4']);
    expect(checkConsistency(moved)).toEqual([]);
    const removed = removeLayer(model, 2);
    expect(removed.layers.map((l) => l.name)).toEqual(['item', 'relation', 'hidden', 'attributes']);
    expect(pairs(removed)).toEqual(['1>2', '2>3']);
  });

  it('an input layer among several resizes only its own block of the patterns', () => {
    const model = rumelhart();
    const relation = patternBlock(model, 1)!;
    expect(relation).toEqual({ side: 'input', offset: 8 });
    const wider = resizePatterns(model, 'input', 5, { offset: relation.offset, from: 4 });
    model.patterns.forEach((pattern, p) => {
      expect(wider.patterns[p].input).toEqual([...pattern.input, 0]);
    });
    const item = patternBlock(model, 0)!;
    const narrower = resizePatterns(model, 'input', 7, { offset: item.offset, from: 8 });
    model.patterns.forEach((pattern, p) => {
      expect(narrower.patterns[p].input).toEqual([...pattern.input.slice(0, 7), ...pattern.input.slice(8)]);
    });
    expect(patternBlock(model, 3)).toBeNull();
    expect(patternBlock(model, 4)).toEqual({ side: 'target', offset: 0 });
  });
});

describe('graph problems in the builder’s words', () => {
  it('names loose layers and a cycle as the builder mends them', async () => {
    const { describeProblem } = await import('../../../src-renderer/shared/problem-paths');
    const cut = removeProjection(xor(), 1, 2);
    const words = checkConsistency(cut).map((p) => describeProblem(p, cut));
    expect(words).toContainEqual({ subject: 'Layer 1 (hidden)', message: expect.stringMatching(/^this layer feeds no other layer: connect it to one/), place: 'Network tab' });
    expect(words).toContainEqual({ subject: 'Layer 2 (output)', message: expect.stringMatching(/^nothing feeds this layer: connect another layer to it/), place: 'Network tab' });
    const cyclic = addProjection(xor211(), 2, 1);
    const cycle = checkConsistency(cyclic).map((p) => describeProblem(p, cyclic)).find((w) => w.subject === 'The projections');
    expect(cycle?.message).toBe('form a cycle, hidden → output → hidden: remove one of its projections (a loop needs a time-delayed copy: drop a context layer from the palette onto the layer to copy)');
  });
});

describe('the gallery', () => {
  it('offers the 2-1-1 XOR and Rumelhart\'s graph in place of the chain approximation, which stays findable by id', async () => {
    const { galleryExamples } = await import('../../../src-shared/data/examples');
    const ids = galleryExamples.map((e) => e.id);
    expect(ids).toContain('xor-2-1-1');
    expect(ids).toContain('rumelhart-graph');
    expect(ids).not.toContain('rumelhart');
    expect(ids.indexOf('xor-2-1-1')).toBe(ids.indexOf('xor') + 1);
    expect(findExample('rumelhart')!.build().projections).toBeUndefined();
  });
});
