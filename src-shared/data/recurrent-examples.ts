/**
 * Elman's (1990, "Finding structure in time", Cognitive Science 14) simple recurrent networks: temporal
 * XOR and the letter task. Their streams are drawn from a fixed data seed (the same for every training
 * seed), so a run's seed changes only the weights and nothing else.
 */
import { createModel, type ModelParts } from '../model/create';
import type { LayerSpec, ModelDocument, Pattern, TrainingSettings } from '../model/schema';
import type { ExampleInfo } from './example-info';

/** A small deterministic generator for the examples' data (mulberry32): uniform in [0, 1). */
export function dataStream(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const unit = (kind: LayerSpec['kind'], name: string, units: number, activation: LayerSpec['activation'], bias: boolean, unitNames?: string[]): LayerSpec => ({
  kind, name, units, activation, bias, ...(unitNames ? { unitNames } : {}),
});

/**
 * The temporal XOR stream: `bits` bits in triples (a, b, a XOR b), a and b random. Event t's input is bit t
 * and its target bit t + 1; the target is predictable when (t + 1) mod 3 = 2, that is at t mod 3 = 1.
 */
export function temporalXorPatterns(bits: number, seed = 1990): Pattern[] {
  const next = dataStream(seed);
  const stream: number[] = [];
  while (stream.length < bits + 1) {
    const a = next() < 0.5 ? 0 : 1;
    const b = next() < 0.5 ? 0 : 1;
    stream.push(a, b, a ^ b);
  }
  return Array.from({ length: bits }, (_, t) => ({ name: `${t} (phase ${t % 3})`, input: [stream[t]], target: [stream[t + 1]] }));
}

/** Elman's (1990, Table 2) six phonetic features: consonantal, vocalic, interrupted, high, back, voiced. */
export const LETTER_FEATURES: Readonly<Record<string, readonly number[]>> = {
  b: [1, 0, 1, 0, 0, 1],
  d: [1, 0, 1, 1, 0, 1],
  g: [1, 0, 1, 0, 1, 1],
  a: [0, 1, 0, 0, 1, 1],
  i: [0, 1, 0, 1, 0, 1],
  u: [0, 1, 0, 1, 1, 1],
};
export const FEATURE_NAMES = ['consonantal', 'vocalic', 'interrupted', 'high', 'back', 'voiced'];
const SYLLABLES: Readonly<Record<string, string>> = { b: 'ba', d: 'dii', g: 'guuu' };

/**
 * The letter stream: `consonants` random consonants (b, d, g), each followed by its vowels (b → ba,
 * d → dii, g → guuu). Event t's input is letter t, its target letter t + 1; each pattern is named
 * "x→y" for the letter seen and the letter to predict.
 */
export function letterPatterns(consonants: number, seed = 1990): Pattern[] {
  const next = dataStream(seed);
  const consonant = () => 'bdg'[Math.min(2, Math.floor(next() * 3))];
  let used = '';
  for (let i = 0; i < consonants; i++) used += SYLLABLES[consonant()];
  // One more consonant: the last vowel's target.
  used += consonant();
  return Array.from({ length: used.length - 1 }, (_, t) => ({
    name: `${used[t]}→${used[t + 1]}`,
    input: [...LETTER_FEATURES[used[t]]],
    target: [...LETTER_FEATURES[used[t + 1]]],
  }));
}

/**
 * Elman's simple recurrent network: input → hidden, and a context layer holding the hidden layer's previous
 * activations (starting at 0.5, as Lens) fed back into it; hidden → output, logistic units with biases; trained
 * on the stream in order, from uniform weights in [−0.5, 0.5], seed 1, until `maxEpochs`.
 */
function elmanNetwork(parts: Pick<ModelParts, 'name' | 'description' | 'recurrence' | 'patterns'> & {
  input: LayerSpec; hiddenUnits: number; output: LayerSpec; training: Pick<TrainingSettings, 'learningRate' | 'momentum' | 'maxEpochs'>;
}): ModelDocument {
  return createModel({
    name: parts.name,
    description: parts.description,
    layers: [parts.input, unit('hidden', 'hidden', parts.hiddenUnits, 'logistic', true), unit('hidden', 'context', parts.hiddenUnits, 'linear', false), parts.output],
    projections: [{ from: 0, to: 1 }, { from: 2, to: 1 }, { from: 1, to: 3 }],
    links: [{ kind: 'copy', from: 1, to: 2, delay: 1, initial: 0.5 }],
    ...(parts.recurrence ? { recurrence: parts.recurrence } : {}),
    patterns: parts.patterns,
    training: { order: 'sequential', ...parts.training, seed: 1, errorCriterion: 0, init: { kind: 'uniform', range: 1 } },
  });
}

export function temporalXor(bits = 3000): ModelDocument {
  return elmanNetwork({
    name: 'Temporal XOR (Elman 1990)',
    description:
      'Elman (1990, "Finding structure in time") trained a simple recurrent network on a stream of 3,000 bits in which ' +
      'every third bit is the XOR of the two before it; at each step the input is one bit and the target the next. ' +
      '1 input, 2 hidden units, 2 context units holding the hidden layer\'s previous activations, 1 output. The first two ' +
      'bits of each triple are random and cannot be predicted; the third can, once the network remembers the two before ' +
      'it. Elman reports that after 600 passes the error, averaged by position, is lowest where the next bit is ' +
      'predictable (every third bit) and high elsewhere — the net has found the temporal structure. Elman trained with the ' +
      'one-step gradient (the context as an extra input); with only two hidden units that finds the structure on few ' +
      'seeds, so this example trains with backpropagation through time to depth 3 (the two bits before the XOR and the ' +
      'XOR itself), which finds it within 100 passes. The stream has no ' +
      'resets: the context carries on from one event to the next and from one pass to the next. Test shows the error by ' +
      'position (phase = event number mod 3; the predictable phase is 1, whose target is the XOR).',
    input: unit('input', 'input', 1, 'linear', false),
    hiddenUnits: 2,
    output: unit('output', 'output', 1, 'logistic', true),
    recurrence: { gradient: 'bptt', depth: 3 },
    patterns: temporalXorPatterns(bits),
    training: { learningRate: 1, momentum: 0, maxEpochs: 600 },
  });
}

export function letterTask(consonants = 1000): ModelDocument {
  return elmanNetwork({
    name: 'Letter prediction (Elman 1990)',
    description:
      'Elman (1990, "Finding structure in time"): three consonants, each always followed by its own vowels — b by a, d by ' +
      'ii, g by uuu — in a stream of 1,000 random consonants with their vowels. Each letter is six phonetic features ' +
      '(consonantal, vocalic, interrupted, high, back, voiced); the input is a letter and the target the next one. 6 ' +
      'inputs, 20 hidden units, 20 context units, 6 outputs. Elman reports that after 200 passes the error is high when ' +
      'the next letter is a consonant (which consonant comes is random) and low at the vowels that follow it: once the ' +
      'consonant is seen, how many vowels come and which is determined, and the net predicts them. The consonantal ' +
      'feature itself becomes predictable: the net knows when a consonant is due, though not which.',
    input: unit('input', 'letter', 6, 'linear', false, FEATURE_NAMES),
    hiddenUnits: 20,
    output: unit('output', 'next letter', 6, 'logistic', true, FEATURE_NAMES),
    patterns: letterPatterns(consonants),
    training: { learningRate: 0.1, momentum: 0.5, maxEpochs: 200 },
  });
}

/** The recurrent examples, listed by the command line beside the graph examples. */
export const recurrentExamples: readonly ExampleInfo[] = [
  {
    id: 'temporal-xor',
    title: 'Temporal XOR (simple recurrent network)',
    summary: 'A stream of bits in which every third is the XOR of the two before: the network\'s error falls only where the next bit can be predicted (Elman, 1990).',
    build: () => temporalXor(),
  },
  {
    id: 'letters-elman',
    title: 'Letter prediction (simple recurrent network)',
    summary: 'b → ba, d → dii, g → guuu in a random stream: the error is high at each consonant and low at the vowels after it (Elman, 1990).',
    build: () => letterTask(),
  },
];
