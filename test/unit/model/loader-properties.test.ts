/**
 * Property-based tests of the loader: random and mutated documents never make it throw, and whatever it
 * accepts builds a network whose forward pass gives finite outputs of the declared sizes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { examples } from '../../../src-shared/data/examples';
import { Simulation } from '../../../src-shared/engine/simulation';
import { parseModel, parseModelText } from '../../../src-shared/model/parse';
import type { ModelDocument } from '../../../src-shared/model/schema';

type Json = unknown;
type Path = (string | number)[];

/** Small trained and untrained documents of every example that is cheap to build. */
const seeds: ModelDocument[] = examples
  .map((example) => example.build())
  .filter((model) => model.patterns.length <= 64)
  .flatMap((model) => {
    const simulation = new Simulation(model);
    simulation.advance(2 * model.patterns.length + 1);
    return [model, JSON.parse(JSON.stringify(simulation.toModel())) as ModelDocument];
  });

function paths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.slice(0, 6).forEach((item, i) => paths(item, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], out);
  return out;
}

type Mutation = { pick: number; kind: 'replace' | 'delete' | 'grow'; value: Json };

function mutate(document: Json, mutation: Mutation): Json {
  const all = paths(document).filter((p) => p.length > 0);
  const path = all[mutation.pick % all.length];
  const copy = structuredClone(document) as Record<string | number, Json>;
  let parent: Record<string | number, Json> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (mutation.kind === 'grow' && Array.isArray(parent[last])) {
    (parent[last] as Json[]).push(mutation.value);
  } else {
    parent[last] = mutation.value;
  }
  return copy;
}

const awkward = fc.constantFrom<Json>(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 0.5, 1, 2, 4096, 1e9, -0, null, '', 'softmax', 'input', 'output', [], {}, true);
const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom('replace', 'delete', 'grow'),
  value: fc.oneof(awkward, fc.jsonValue({ maxDepth: 2 })),
});

function expectUsable(model: ModelDocument): void {
  const simulation = new Simulation(model);
  const pass = simulation.testPass();
  const outputs = model.layers[model.layers.length - 1].units;
  expect(pass.patterns).toHaveLength(model.patterns.length);
  for (const pattern of pass.patterns) {
    expect(pattern.output).toHaveLength(outputs);
    expect(pattern.output.every(Number.isFinite)).toBe(true);
  }
}

describe('the loader, given anything', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      expect(parseModelText(text).ok).toBe(false);
    }), { numRuns: 300 });
  });

  it('never throws on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(parseModel(value).ok).toBe(false);
    }), { numRuns: 300 });
  });

  it('never throws on mutated documents, and every document it accepts is usable', () => {
    fc.assert(fc.property(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (index, mutations) => {
      const document = mutations.reduce<Json>((doc, m) => mutate(doc, m), seeds[index]);
      const result = parseModel(document);
      if (result.ok) expectUsable(result.model);
      else expect(result.problems.length).toBeGreaterThan(0);
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 400) });
  });

  it('refuses a network too large for memory before allocating it', () => {
    const model = examples[0].build();
    const huge = {
      ...model,
      layers: [
        { ...model.layers[0], units: 4096 },
        ...Array.from({ length: 3 }, (_, i) => ({ kind: 'hidden', name: `h${i}`, units: 4096, activation: 'logistic', bias: true })),
        { ...model.layers[2], units: 1 },
      ],
      patterns: [{ name: 'p', input: new Array(4096).fill(0), target: [0] }],
    };
    const result = parseModel(huge);
    expect(result).toMatchObject({ ok: false, problems: [{ path: 'layers', message: expect.stringMatching(/would need 50,348,033 weights; the app accepts at most 4,194,304/) }] });
  });
});
