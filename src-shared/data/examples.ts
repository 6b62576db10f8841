/** The built-in example models: the classic first networks of the PDP tradition. */
import { createModel } from '../model/create';
import type { LayerSpec, Pattern } from '../model/schema';
import { chainExample } from './chain-example';
import { recurrentExamples } from './recurrent-examples';
import type { ExampleInfo } from './example-info';
import { eightLivingThings, fourItems } from './semantic-items';

export type { ExampleInfo } from './example-info';

function layer(
  kind: LayerSpec['kind'], name: string, units: number, activation: LayerSpec['activation'] = 'logistic',
  extra: Partial<LayerSpec> = {},
): LayerSpec {
  // An input layer's activity is the pattern itself: it has no activation function to apply.
  return { kind, name, units, activation: kind === 'input' ? 'linear' : activation, bias: kind !== 'input', ...extra };
}

function truthTable(fn: (a: number, b: number) => number): Pattern[] {
  return [[0, 0], [0, 1], [1, 0], [1, 1]].map(([a, b]) => ({ name: `${a}${b}`, input: [a, b], target: [fn(a, b)] }));
}

function oneHot(size: number, index: number): number[] {
  return Array.from({ length: size }, (_, i) => (i === index ? 1 : 0));
}

export const examples: readonly ExampleInfo[] = [
  {
    id: 'xor',
    title: 'XOR',
    summary: 'Exclusive or: no single layer can learn it. Two logistic hidden units and backpropagation solve it — the problem that made hidden layers necessary.',
    displayPace: 50,
    build: () => createModel({
      name: 'XOR',
      description: 'Exclusive or with two hidden units (2-2-1, logistic).',
      layers: [layer('input', 'input', 2), layer('hidden', 'hidden', 2), layer('output', 'output', 1)],
      patterns: truthTable((a, b) => a ^ b),
      // Two hidden units can settle in a local minimum; a small step in a fixed order avoids it for most
      // seeds (46 of 1–50), and the run stops only when every output is within the margin of its target.
      training: {
        learningRate: 0.2, momentum: 0.9, order: 'sequential', seed: 1, maxEpochs: 5000, errorCriterion: 0, stopWhenAllCorrect: true,
      },
    }),
  },
  {
    id: 'encoder-8-3-8',
    title: '8-3-8 encoder',
    summary: 'Eight one-hot patterns squeezed through three hidden units and reproduced: the hidden layer discovers a binary code.',
    displayPace: 50,
    build: () => createModel({
      name: '8-3-8 encoder',
      description: 'Auto-encoder: each one-hot input must reappear at the output through three hidden units.',
      layers: [layer('input', 'input', 8), layer('hidden', 'code', 3), layer('output', 'output', 8)],
      patterns: Array.from({ length: 8 }, (_, i) => ({ name: `p${i + 1}`, input: oneHot(8, i), target: oneHot(8, i) })),
      training: { learningRate: 0.3, momentum: 0.9, seed: 1, maxEpochs: 10000, errorCriterion: 0.04 },
    }),
  },
  {
    id: 'and',
    title: 'AND',
    summary: 'Logical and: linearly separable, so a single layer of weights (no hidden units) learns it.',
    displayPace: 10,
    build: () => createModel({
      name: 'AND',
      description: 'Logical and with one weight layer (2-1, logistic).',
      layers: [layer('input', 'input', 2), layer('output', 'output', 1)],
      patterns: truthTable((a, b) => a & b),
      // A tss below 0.04 can still leave one pattern outside the margin: stop when every one is inside it.
      training: { learningRate: 0.5, momentum: 0.9, seed: 1, maxEpochs: 5000, errorCriterion: 0, stopWhenAllCorrect: true },
    }),
  },
  {
    id: 'or',
    title: 'OR',
    summary: 'Logical or: linearly separable, learned by one layer of weights.',
    displayPace: 5,
    build: () => createModel({
      name: 'OR',
      description: 'Logical or with one weight layer (2-1, logistic).',
      layers: [layer('input', 'input', 2), layer('output', 'output', 1)],
      patterns: truthTable((a, b) => a | b),
      // A tss below 0.04 can still leave one pattern outside the margin: stop when every one is inside it.
      training: { learningRate: 0.5, momentum: 0.9, seed: 1, maxEpochs: 5000, errorCriterion: 0, stopWhenAllCorrect: true },
    }),
  },
  {
    id: 'pattern-associator',
    title: 'Pattern associator',
    summary: 'One layer of linear units trained with the delta rule learns to map four orthogonal input patterns onto their targets exactly — the pattern associator of the PDP tradition (PDPTool’s pa program).',
    displayPace: 2,
    build: () => createModel({
      name: 'Pattern associator',
      description: 'Eight linear input units, eight linear output units, one layer of weights and no biases, trained online with the delta rule ΔW = λ e iᵀ. The inputs are four mutually orthogonal ±1 patterns (rows of a Hadamard matrix), so the associator can learn every association perfectly.',
      layers: [layer('input', 'input', 8, 'linear'), layer('output', 'output', 8, 'linear', { bias: false })],
      patterns: associatorPatterns(),
      training: { rule: 'delta', learningRate: 0.02, momentum: 0, init: { kind: 'uniform', range: 0.2 }, seed: 1, maxEpochs: 500, errorCriterion: 0.01 },
    }),
  },
  {
    id: 'semantic',
    title: 'Semantic development (four items)',
    summary: 'A linear network learns what canaries, salmon, oaks and roses can do and have, from small random weights: strong, general distinctions (animal or plant) are learned first, in stage-like transitions — the learning dynamics Saxe, McClelland and Ganguli solved exactly.',
    opensOn: 'dynamics',
    build: () => {
      const items = fourItems();
      return createModel({
        name: 'Semantic development (four items)',
        // λ s_max = 10⁻⁴ · √7 ≈ 2.6·10⁻⁴ keeps the discrete updates on the continuous theory's curves (science.md:
        // λ s_max ≲ 5·10⁻⁴); 64 hidden units keep the modes' hidden directions from interfering (half-times
        // within 3% of the formula, learning-dynamics.test.ts). The weakest modes reach half strength near epoch
        // 30 000 and are learned by about 55 000.
        description: 'One-hot items (canary, salmon, oak, rose) → 64 linear hidden units → 7 linear attribute units (grow, move, roots, fly, swim, leaves, petals); no biases, small Gaussian initial weights (σ = 0.01), full-batch updates, squared error, a small learning rate (λ = 0.0001): the setting of Saxe, McClelland & Ganguli’s (2014) exact solution. The input-output correlation Σ31 has singular values √7 (what all four items share), √3 (animal or plant) and 1, 1 (each item apart from its sibling). Saxe et al. show that each such mode is learned on its own sigmoid: a plateau, then a rapid, stage-like rise to its full strength s, taking about (τ/s) ln(s/a_0) epochs (τ = 1/λ) — so broad distinctions are learned before fine ones, in the order of their singular values. The Representations tab’s learning dynamics draws each mode’s strength beside that formula.',
        layers: [
          layer('input', 'items', 4, 'linear', { unitNames: items.itemNames }),
          layer('hidden', 'hidden', 64, 'linear', { bias: false }),
          layer('output', 'attributes', 7, 'linear', { bias: false, unitNames: items.attributeNames }),
        ],
        patterns: items.patterns,
        training: {
          update: 'batch', order: 'sequential', learningRate: 0.0001, momentum: 0,
          init: { kind: 'gaussian', sd: 0.01 }, seed: 1, maxEpochs: 60000, errorCriterion: 0.001,
        },
      });
    },
  },
  {
    id: 'rumelhart',
    title: 'Rumelhart & Todd: living things',
    summary: 'Eight living things (pine, oak, rose, daisy, robin, canary, sunfish, salmon) and four relations (isa, is, can, has): the network learns which attributes hold, and its hidden layer comes to represent the items’ hierarchy — animals apart from plants first, then birds from fish and trees from flowers.',
    build: () => {
      const data = eightLivingThings();
      return createModel({
        name: 'Rumelhart & Todd: living things',
        description: 'After Rumelhart & Todd (1993), as reproduced by McClelland & Rogers (2003): an item (one of eight, one-hot) and a relation (isa, is, can, has; one-hot) → which of 26 attributes hold. Layered approximation: in the original network the item alone feeds an 8-unit representation layer and the relation joins at the hidden layer; here item and relation are two groups of one input layer feeding an 8-unit representation layer, then a 15-unit hidden layer. Logistic units, online backpropagation with momentum, small initial weights (±0.15); training stops when every attribute of every pattern is within 0.1 of its target.',
        layers: [
          layer('input', 'item + relation', 12, 'linear', { unitNames: [...data.itemNames, ...data.relationNames] }),
          layer('hidden', 'representation', 8),
          layer('hidden', 'hidden', 15),
          layer('output', 'attributes', 26, 'logistic', { unitNames: data.attributeNames }),
        ],
        patterns: data.patterns,
        training: {
          learningRate: 0.1, momentum: 0.9, init: { kind: 'uniform', range: 0.3 }, seed: 1, maxEpochs: 3000,
          errorCriterion: 0, stopWhenAllCorrect: true, margin: 0.1,
        },
      });
    },
  },
  {
    id: 'deep-linear',
    title: 'Deep linear network: a hierarchy in stages',
    opensOn: 'dynamics',
    summary: 'A linear network with two hidden layers learns the attributes of eight living things. Although every unit is linear, learning is nonlinear in time: it picks up the hierarchy from the top down — plant or animal, then tree, flower, bird or fish, then each item — in distinct stages.',
    build: () => {
      const data = eightLivingThings();
      return createModel({
        name: 'Deep linear network',
        description: 'Each of eight items (one-hot) → 16 linear units → 16 linear units → the 26 attributes it has under any relation. No biases, small Gaussian initial weights (σ = 0.05), full-batch updates, squared error: the setting of Saxe, McClelland & Ganguli’s theory of semantic development, with one more layer.',
        layers: [
          layer('input', 'items', 8, 'linear', { unitNames: data.itemNames }),
          layer('hidden', 'hidden 1', 16, 'linear', { bias: false }),
          layer('hidden', 'hidden 2', 16, 'linear', { bias: false }),
          layer('output', 'attributes', 26, 'linear', { bias: false, unitNames: data.attributeNames }),
        ],
        patterns: data.itemAttributes,
        training: {
          update: 'batch', order: 'sequential', learningRate: 0.01, momentum: 0,
          init: { kind: 'gaussian', sd: 0.05 }, seed: 1, maxEpochs: 2000, errorCriterion: 0.01,
        },
      });
    },
  },
  chainExample,
];

/** Four orthogonal ±1 patterns (Hadamard rows) → four ±1 targets. */
function associatorPatterns(): Pattern[] {
  const hadamard = (i: number, k: number) => (popcount(i & k) % 2 === 0 ? 1 : -1);
  const targets = [[1, 1, -1, -1, 1, -1, 1, -1], [-1, 1, 1, -1, -1, 1, 1, -1], [1, -1, -1, 1, 1, 1, -1, -1], [-1, -1, 1, 1, -1, -1, 1, 1]];
  return [1, 2, 4, 7].map((row, p) => ({
    name: `pattern ${p + 1}`,
    input: Array.from({ length: 8 }, (_, k) => hadamard(row, k)),
    target: targets[p],
  }));
}

function popcount(n: number): number {
  let count = 0;
  for (let v = n; v; v >>= 1) count += v & 1;
  return count;
}

export function findExample(id: string): ExampleInfo | undefined {
  return examples.find((example) => example.id === id) ?? graphExamples.find((example) => example.id === id)
    ?? recurrentExamples.find((example) => example.id === id);
}

/**
 * Examples whose network is a graph, not a chain. The command line lists and trains them; the app's gallery
 * shows them (galleryExamples) and its builder draws them.
 */
export const graphExamples: readonly ExampleInfo[] = [
  {
    id: 'xor-2-1-1',
    title: 'XOR with one hidden unit',
    displayPace: 50,
    summary: 'Exclusive or learned by a single hidden unit, because the inputs also reach the output directly (Rumelhart, Hinton & Williams, 1986).',
    build: () => createModel({
      name: 'XOR with one hidden unit (2-1-1)',
      description:
        'Rumelhart, Hinton & Williams (1986, "Learning internal representations by error propagation", PDP volume 1, chapter 8) ' +
        'show that XOR needs only one hidden unit when the two inputs also project straight to the output. In the solution they ' +
        'report, the direct connections make the output an OR of the inputs, and the hidden unit, which comes on only when both ' +
        'inputs are on, inhibits the output strongly enough to turn that OR into XOR. Projections: input → hidden, input → ' +
        'output (the skip) and hidden → output, all logistic with biases.',
      layers: [layer('input', 'input', 2), layer('hidden', 'hidden', 1), layer('output', 'output', 1)],
      projections: [{ from: 0, to: 1 }, { from: 0, to: 2 }, { from: 1, to: 2 }],
      patterns: truthTable((a, b) => a ^ b),
      training: { learningRate: 0.5, momentum: 0.9, seed: 1, maxEpochs: 5000, errorCriterion: 0.04 },
    }),
  },
  {
    id: 'rumelhart-graph',
    title: 'Rumelhart network: living things',
    summary: 'Rumelhart\'s semantic network as he built it: the item alone feeds the representation layer, and the relation joins at the hidden layer; the items\' representations differentiate progressively — plants from animals first, then trees from flowers and birds from fish.',
    build: () => {
      const data = eightLivingThings();
      return createModel({
        name: 'Rumelhart network: living things',
        description:
          'Rumelhart & Todd (1993), as Rogers & McClelland (2004) describe it: Item (8 units, one-hot) → Representation (8); ' +
          'Representation and Relation (isa, is, can, has; 4 units, one-hot) → Hidden (15) → Attributes. Because the item alone ' +
          'feeds the representation layer, its activity is a representation of the item, whatever the relation. The papers report ' +
          'progressive differentiation: early in training all items have nearly the same representation; plants and animals ' +
          'separate first, and only later trees from flowers and birds from fish. The 26 attributes are those McClelland & Rogers ' +
          '(2003, Fig. 3) list, with "big" for "tall"; Rogers & McClelland (2004) also have the items\' own names among the isa ' +
          'outputs, which this version leaves out. Logistic units, online backpropagation with momentum, small initial weights ' +
          '(±0.15); training stops when every attribute of every pattern is within 0.1 of its target.',
        layers: [
          layer('input', 'item', 8, 'linear', { unitNames: data.itemNames }),
          layer('input', 'relation', 4, 'linear', { unitNames: data.relationNames }),
          layer('hidden', 'representation', 8),
          layer('hidden', 'hidden', 15),
          layer('output', 'attributes', 26, 'logistic', { unitNames: data.attributeNames }),
        ],
        projections: [{ from: 0, to: 2 }, { from: 2, to: 3 }, { from: 1, to: 3 }, { from: 3, to: 4 }],
        patterns: data.patterns,
        training: {
          learningRate: 0.1, momentum: 0.9, init: { kind: 'uniform', range: 0.3 }, seed: 1, maxEpochs: 3000,
          errorCriterion: 0, stopWhenAllCorrect: true, margin: 0.1,
        },
      });
    },
  },
];

/**
 * The app's gallery: the chain examples with the 2-1-1 XOR beside the 2-2-1, and Rumelhart's network as he
 * built it (a graph) in place of the chain approximation, which stays available by its id ('rumelhart') to
 * the command line and to tests; then Elman's simple recurrent networks (temporal XOR, letter prediction).
 */
export const galleryExamples: readonly ExampleInfo[] = [
  ...examples.flatMap((example) => {
    const graph = (id: string) => graphExamples.find((g) => g.id === id)!;
    if (example.id === 'xor') return [example, graph('xor-2-1-1')];
    if (example.id === 'rumelhart') return [graph('rumelhart-graph')];
    return [example];
  }),
  ...recurrentExamples,
];
