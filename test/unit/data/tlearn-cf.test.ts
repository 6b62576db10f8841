import { describe, expect, it } from 'vitest';
import { importTlearnConfig } from '../../../src-shared/data/import/tlearn-cf';
import { expectImportError, fixture } from './fixtures';

const read = (name: string) => () => importTlearnConfig(fixture(`tlearn/${name}`), { file: name });

describe('tlearn .cf import', () => {
  it('builds the 2-2-1 XOR network with bias from node 0 and weight_limit as the initial range', () => {
    const network = read('xor.cf')();
    expect(network.layers).toEqual([
      { kind: 'input', name: 'input', units: 2, activation: 'linear', bias: false },
      { kind: 'hidden', name: 'hidden', units: 2, activation: 'logistic', bias: true },
      { kind: 'output', name: 'output', units: 1, activation: 'logistic', bias: true },
    ]);
    expect(network.training).toEqual({ init: { kind: 'uniform', range: 2 } });
    expect(network.unitNames).toEqual([['i1', 'i2'], ['node1', 'node2'], ['node3']]);
    expect(network.warnings).toEqual([]);
  });

  it('reads `nodes=6` without spaces, comma node lists and linear units', () => {
    const network = read('encoder.cf')();
    expect(network.layers.map((l) => [l.kind, l.units, l.activation, l.bias])).toEqual([
      ['input', 4, 'linear', false],
      ['hidden', 2, 'linear', true],
      ['output', 4, 'logistic', true],
    ]);
    expect(network.training).toEqual({ init: { kind: 'uniform', range: 1 } });
  });

  it('finds two hidden layers, and an output layer without bias', () => {
    const network = read('deep.cf')();
    expect(network.layers.map((l) => [l.name, l.units, l.bias])).toEqual([
      ['input', 3, false],
      ['hidden 1', 3, true],
      ['hidden 2', 2, true],
      ['output', 1, false],
    ]);
    // No weight_limit: the model keeps the app's default initial range.
    expect(network.training).toEqual({});
  });

  it('builds copy-back context units as a context layer and a copy link (a simple recurrent network)', () => {
    const network = read('srn.cf')();
    expect(network.layers.map((l) => [l.kind, l.name, l.units, l.activation, l.bias])).toEqual([
      ['input', 'input', 4, 'linear', false],
      ['hidden', 'context', 3, 'linear', false],
      ['hidden', 'hidden', 3, 'logistic', true],
      ['output', 'output', 4, 'logistic', true],
    ]);
    expect(network.projections).toEqual([{ from: 0, to: 2 }, { from: 1, to: 2 }, { from: 2, to: 3 }]);
    expect(network.links).toEqual([{ kind: 'copy', from: 2, to: 1, delay: 1 }]);
    expect(network.unitNames[1]).toEqual(['node8', 'node9', 'node10']);
  });

  it('refuses a copy-back it cannot build, naming the line', () => {
    const srn = fixture('tlearn/srn.cf');
    const config = (text: string) => () => importTlearnConfig(text);
    expectImportError(config(srn.replace('= 1. & 1. fixed', '= 0.5 & 0.5 fixed')), { line: 11, column: 1 }, /weight is not exactly 1 .*line 11 `8-10 from 1-3 = 0\.5 & 0\.5 fixed one-to-one`/);
    expectImportError(config(srn.replace('linear = 8-10', 'linear = 8-9')), { line: 11, column: 1 }, /context node 10 is not linear: line 11/);
    expectImportError(config(srn.replace('1-7 from 0', '1-10 from 0')), { line: 12, column: 1 }, /a bias into context node 8: line 12 `1-10 from 0`.*never trains a bias into a context node.*write `1-7 from 0`/);
    // A line that biases only context nodes is to be removed; a bias beside other sources is a connection into the context.
    expectImportError(config(srn.replace('1-7 from 0', '1-7 from 0\n8-10 from 0')), { line: 13, column: 1 }, /a bias into context node 8: line 13 `8-10 from 0`.*remove this line/);
    expectImportError(config(srn.replace('1-3 from 8-10', '1-3 from 8-10\n9 from 0,i1')), { line: 10, column: 1 }, /a bias into context node 9: line 10 `9 from 0,i1`.*receives nothing else/);
    expectImportError(config(srn.replace('8-10 from 1-3 = 1.', '8-10 from 1-2,4 = 1.')), { line: 11, column: 1 }, /copied nodes 1, 2, 4 are not one whole layer/);
  });

  it('refuses a connection from a later node (tlearn reads it as recurrent)', () => {
    expectImportError(read('recurrent.cf'), { line: 9, column: 1 }, /recurrent connections .* line 9 `1 from 2-3`/);
  });

  it('builds skip connections as projections (it refused them before networks were graphs), and refuses bipolar units', () => {
    const skip = read('skip.cf')();
    expect(skip.layers.map((layer) => [layer.kind, layer.units])).toEqual([['input', 2], ['hidden', 2], ['output', 1]]);
    expect(skip.projections).toEqual([{ from: 0, to: 1 }, { from: 0, to: 2 }, { from: 1, to: 2 }]);
    expectImportError(read('bipolar.cf'), { line: 12, column: 1 }, /bipolar units .* line 12 `bipolar = 1-2`/);
  });

  it('groups input ranges into input layers by the nodes they feed, and nodes into layers by what feeds them', () => {
    // Item (i1-i3) → representation (1-2); representation and relation (i4-i5) → hidden (3-4); hidden → attributes (5-6).
    const network = importTlearnConfig([
      'NODES:', 'nodes = 6', 'inputs = 5', 'outputs = 2', 'output nodes are 5-6',
      'CONNECTIONS:', 'groups = 0', '1-2 from i1-i3', '3-4 from 1-2', '3-4 from i4-i5', '5-6 from 3-4', '1-6 from 0',
      'SPECIAL:', 'selected = 1-6',
    ].join('\n'));
    expect(network.layers.map((layer) => [layer.name, layer.kind, layer.units, layer.bias])).toEqual([
      ['input 1', 'input', 3, false], ['input 2', 'input', 2, false], ['hidden 1', 'hidden', 2, true], ['hidden 2', 'hidden', 2, true], ['output', 'output', 2, true],
    ]);
    expect(network.projections).toEqual([{ from: 0, to: 2 }, { from: 1, to: 3 }, { from: 2, to: 3 }, { from: 3, to: 4 }]);
    expect(network.unitNames).toEqual([['i1', 'i2', 'i3'], ['i4', 'i5'], ['node1', 'node2'], ['node3', 'node4'], ['node5', 'node6']]);
  });

  it('splits inputs that feed different nodes into their own input layers', () => {
    // i1 feeds nodes 1-3, i2 only nodes 1-2: two input layers, each projection whole.
    const network = importTlearnConfig(fixture('tlearn/skip.cf').replace('3 from i1-i2', '3 from i1'));
    expect(network.layers.map((layer) => [layer.name, layer.units])).toEqual([['input 1', 1], ['input 2', 1], ['hidden', 2], ['output', 1]]);
    expect(network.projections).toEqual([{ from: 0, to: 2 }, { from: 1, to: 2 }, { from: 0, to: 3 }, { from: 2, to: 3 }]);
  });

  const xor = fixture('tlearn/xor.cf');
  const variant = (from: string, to: string) => () => importTlearnConfig(xor.replace(from, to));

  it('refuses weight groups, fixed weights and one-to-one connections', () => {
    expectImportError(variant('groups = 0', 'groups = 1'), { line: 7, column: 1 }, /weight groups/);
    expectImportError(variant('3 from 1-2', '3 from 1-2 = 1. & 1. fixed'), { line: 10, column: 1 }, /fixed \(untrainable\) weights/);
    expectImportError(variant('1-2 from i1-i2', '1-2 from i1-i2 one-to-one'), { line: 9, column: 1 }, /one-to-one/);
  });

  it('refuses partial connections and layers mixing linear and logistic units', () => {
    expectImportError(variant('3 from 1-2', '3 from 1'), { line: 10, column: 1 }, /node 3 is not connected from node 2/);
    expectImportError(variant('1-3 from 0', '1-2 from 0\n3 from 0\n1 from 0'), { line: 10, column: 1 }, /declared twice.*line 8/);
    // A partial bias is no longer refused: the biased and unbiased nodes form layers of their own (tlearn-bias-ranges.test.ts).
    expect(variant('1-3 from 0', '1,3 from 0')().layers.map((l) => [l.units, l.bias])).toEqual([[2, false], [1, true], [1, false], [1, true]]);
    expectImportError(variant('selected = 1-3', 'linear = 1'), { line: 12, column: 1 }, /mixes linear and logistic/);
  });

  it('says what was expected, where, on bad syntax', () => {
    expectImportError(variant('nodes = 3', 'nodes = three'), { line: 2, column: 9 }, /whole number/);
    expectImportError(variant('1-2 from i1-i2', '1-2 from i1-i5'), { line: 9, column: 10 }, /no input i3: `inputs = 2`/);
    expectImportError(variant('3 from 1-2', '3 from 1-2 = 1 &'), { line: 10, column: 14 }, /= min & max/);
    expectImportError(variant('3 from 1-2', '3 to 1-2'), { line: 10, column: 1 }, /1-3 from i1-i2/);
    expectImportError(variant('output node is 3', 'output node is 3-4'), { line: 5, column: 16 }, /no node 4/);
    expectImportError(variant('weight_limit = 1.00', 'weight_limit = -1'), { line: 13, column: 16 }, /zero or more/);
    expectImportError(variant('SPECIAL:', 'SPECIAL:\nlinaer = 1-2'), { line: 12, column: 1 }, /linear =/);
    expectImportError(() => importTlearnConfig('CONNECTIONS:\n1 from i1\n'), { line: 1, column: 1 }, /NODES: section must come first/);
    expectImportError(() => importTlearnConfig('NODES:\nnodes = 1\ninputs = 1\noutputs = 1\n'), { line: 5, column: 1 }, /output nodes are/);
  });

  it('warns when connections carry their own initial weight ranges', () => {
    const network = variant('3 from 1-2', '3 from 1-2 = -0.5 & 0.5')();
    expect(network.warnings).toEqual([expect.stringMatching(/line 10 `3 from 1-2 = -0\.5 & 0\.5` gives its connections their own initial weight range/)]);
    expect(network.training).toEqual({ init: { kind: 'uniform', range: 2 } });
  });
});

/**
 * Written after `.cf` files that tlearn's users published (test/fixtures/tlearn/published/README.md says
 * which, and what the importer made of the originals): each keeps the original's constructs and layout.
 */
describe('tlearn .cf files as tlearn course material and projects write them', () => {
  const published = (name: string) => () => importTlearnConfig(fixture(`tlearn/published/${name}`), { file: name });

  it('a workshop network: inputs straight to one logistic output with bias, `output node is`, weight_limit 0.5', () => {
    const network = published('single-output.cf')();
    expect(network.layers).toEqual([
      { kind: 'input', name: 'input', units: 3, activation: 'linear', bias: false },
      { kind: 'output', name: 'output', units: 1, activation: 'logistic', bias: true },
    ]);
    // weight_limit = 0.50: initial weights in [−0.5, 0.5], the model's full range 1.
    expect(network.training).toEqual({ init: { kind: 'uniform', range: 1 } });
    expect(network.unitNames).toEqual([['i1', 'i2', 'i3'], ['node1']]);
    expect(network.warnings).toEqual([]);
  });

  it('an Elman network whose context units also take a bias is refused at the bias line, not built as something else', () => {
    expectImportError(published('elman.cf'), { file: 'elman.cf', line: 8, column: 1 }, /a bias into context node 8: line 8 `1-12 from 0`.*fixed random offset.*write `1-7 from 0`/);
    // Written as the advice says (the bias to hidden and output nodes only, as the tlearn manual's Elman networks do),
    // the next refusal is the file's own: `nodes = 17` but nodes 13-17 are connected to nothing. With that fixed too, it imports.
    const advised = fixture('tlearn/published/elman.cf').replace('1-12 from 0', '1-7 from 0');
    expectImportError(() => importTlearnConfig(advised, { file: 'elman.cf' }), { line: 2, column: 1 }, /node 13 receives no connections/);
    const network = importTlearnConfig(advised.replace('nodes = 17', 'nodes = 12').replace('selected = 1-17', 'selected = 1-12'), { file: 'elman.cf' });
    expect(network.layers.map((l) => [l.kind, l.name, l.units, l.bias])).toEqual([
      ['input', 'input', 9, false], ['hidden', 'context', 5, false], ['hidden', 'hidden', 5, true], ['output', 'output', 2, true],
    ]);
    expect(network.links).toEqual([{ kind: 'copy', from: 2, to: 1, delay: 1 }]);
  });

  it('an attractor network of bipolar units with fixed input copies is refused at its fixed line', () => {
    expectImportError(published('attractor.cf'), { file: 'attractor.cf', line: 8, column: 1 }, /fixed \(untrainable\) weights are not supported yet: line 8 `1-4 from i1-i4/);
  });
});
