import { describe, expect, it } from 'vitest';
import { examples } from '../../../src-shared/data/examples';
import { Simulation } from '../../../src-shared/engine/simulation';
import { parseModel, parseModelText } from '../../../src-shared/model/parse';

const xor = () => examples.find((e) => e.id === 'xor')!.build();

function problemsOf(data: unknown) {
  const result = parseModel(data);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.problems;
}

describe('reading a model document', () => {
  it('accepts every built-in example, untrained and trained', () => {
    for (const example of examples) {
      const model = example.build();
      expect(parseModel(model), example.id).toMatchObject({ ok: true });
      const simulation = new Simulation(model);
      simulation.advance(50 * model.patterns.length);
      const trained = JSON.parse(JSON.stringify(simulation.toModel()));
      expect(parseModel(trained), example.id).toMatchObject({ ok: true });
    }
  });

  it('says the text is not JSON', () => {
    const result = parseModelText('{"format": ');
    expect(result).toMatchObject({ ok: false, problems: [{ path: '(file)', message: expect.stringMatching(/not valid JSON/) }] });
  });

  it('names another format and an unknown version before anything else', () => {
    expect(problemsOf({ format: 'tlearn', version: 1 })).toEqual([{ path: 'format', message: expect.stringMatching(/not a Backprop Lab model/) }]);
    expect(problemsOf({ ...xor(), version: 99 })).toEqual([{ path: 'version', message: expect.stringMatching(/is 99: the file was written by a newer Backprop Lab \(this one reads versions up to 6\); update the app/) }]);
    expect(problemsOf([1, 2])[0].message).toMatch(/expected a JSON object/);
  });

  it('names missing, extra and mistyped fields by their path', () => {
    const { training: _training, ...noTraining } = xor();
    expect(problemsOf(noTraining)).toContainEqual({ path: 'training', message: 'is missing (expected object)' });
    expect(problemsOf({ ...xor(), colour: 'blue' })[0].message).toMatch(/colour/);
    const wrongType = xor();
    (wrongType.layers[1] as { units: unknown }).units = 'two';
    expect(problemsOf(wrongType)[0].path).toBe('layers[1].units');
  });

  it('refuses NaN, Infinity and absurd sizes', () => {
    const nan = xor();
    nan.patterns[0].input[1] = Number.NaN;
    expect(problemsOf(nan)[0]).toMatchObject({ path: 'patterns[0].input[1]', message: expect.stringMatching(/finite/) });
    const huge = xor();
    huge.layers[1].units = 1e7;
    expect(problemsOf(huge)[0].path).toBe('layers[1].units');
    const infiniteRate = xor();
    infiniteRate.training.learningRate = Number.POSITIVE_INFINITY;
    expect(problemsOf(infiniteRate)[0].path).toBe('training.learningRate');
  });

  it('lists every problem of a file with hundreds of thousands of them, without running out of stack', () => {
    const model = xor();
    model.patterns = Array.from({ length: 100_000 }, (_, i) => ({ name: `p${i}`, input: [0], target: [0, 1] }));
    model.testPatterns = model.patterns.slice(0, 100_000);
    const problems = problemsOf(model);
    expect(problems).toHaveLength(400_000);
    expect(problems[0]).toEqual({ path: 'patterns[0].input', message: 'has 1 values but the input layer has 2 units' });
  });

  it('refuses patterns that do not fit the layers, and layers in the wrong roles', () => {
    const model = xor();
    model.patterns[3].target = [1, 0];
    expect(problemsOf(model)).toEqual([{ path: 'patterns[3].target', message: 'has 2 values but the output layer has 1 units' }]);
    const roles = xor();
    roles.layers[1].kind = 'output';
    expect(problemsOf(roles)[0]).toEqual({ path: 'layers[1].kind', message: 'must be "hidden" (layer 1 of 3)' });
  });

  it('refuses saved weights of the wrong shape', () => {
    const simulation = new Simulation(xor());
    const model = simulation.toModel();
    model.state!.weights[0] = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]];
    expect(problemsOf(model)).toContainEqual({ path: 'state.weights[0][0]', message: 'has 3 columns but layer 0 has 2 units' });
    const rows = simulation.toModel();
    rows.state!.weights[1] = [];
    expect(problemsOf(rows)).toContainEqual({ path: 'state.weights[1]', message: 'has 0 rows but layer 2 has 1 units' });
  });
});
