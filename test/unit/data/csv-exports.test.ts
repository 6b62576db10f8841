import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../src-shared/data/export/export-error';
import { hiddenActivationsCsv } from '../../../src-shared/data/export/hidden-csv';
import { learningCurveCsv, modelLearningCurve } from '../../../src-shared/data/export/learning-curve-csv';
import { outputsCsv } from '../../../src-shared/data/export/outputs-csv';
import { weightsCsv } from '../../../src-shared/data/export/weights-csv';
import { Simulation } from '../../../src-shared/engine/simulation';
import { logistic, trainedXor, xorPatterns } from './models';

const table = (csv: string) => Papa.parse<string[]>(csv.trimEnd()).data;

/** The hidden and output activations, computed here independently of the engine. */
function reference(input: number[]) {
  const h = [logistic(6 * input[0] + 6 * input[1] - 3), logistic(4 * input[0] + 4 * input[1] - 6)];
  return { h, o: logistic(8 * h[0] - 8 * h[1] - 4) };
}

describe('CSV exports', () => {
  it('writes patterns with targets, outputs and pss, named by unit names or layer and number', () => {
    const [header, ...rows] = table(outputsCsv(trainedXor()));
    expect(header).toEqual(['pattern', 'a', 'b', 'target_output_1', 'output_output_1', 'pss']);
    rows.forEach((row, p) => {
      const { input, target, name } = xorPatterns[p];
      const { o } = reference(input);
      expect(row.slice(0, 4)).toEqual([name, ...input.map(String), target[0] === null ? '' : String(target[0])]);
      expect(Number(row[4])).toBeCloseTo(o, 12);
      expect(Number(row[5])).toBeCloseTo(target[0] === null ? 0 : (target[0] - o) ** 2, 12);
    });
  });

  it('writes hidden-unit activations, rows patterns and columns units, for R', () => {
    const [header, ...rows] = table(hiddenActivationsCsv(trainedXor()));
    expect(header).toEqual(['pattern', 'hidden_1', 'hidden_2']);
    rows.forEach((row, p) => {
      const { h } = reference(xorPatterns[p].input);
      expect(row[0]).toBe(xorPatterns[p].name);
      expect(row.slice(1).map(Number)).toEqual([expect.closeTo(h[0], 12), expect.closeTo(h[1], 12)]);
    });
    expect(() => hiddenActivationsCsv(trainedXor(), { layer: 2 })).toThrow(ExportError);
  });

  it('writes a layer of weights with receiving units as rows, sending units as columns and biases last', () => {
    expect(weightsCsv(trainedXor(), 0)).toBe('unit,a,b,bias\nhidden_1,6,6,-3\nhidden_2,4,4,-6\n');
    expect(weightsCsv(trainedXor(), 1)).toBe('unit,hidden_1,hidden_2,bias\noutput_1,8,-8,-4\n');
    expect(() => weightsCsv(trainedXor(), 2)).toThrow(/no weight layer 2/);
    // Untrained: the initial weights its seed fixes, the ones a trainer starts from.
    const untrained = { ...trainedXor(), state: null };
    expect(weightsCsv(untrained, 1)).toBe(weightsCsv(new Simulation(untrained).toModel(), 1));
  });

  it('keeps every digit of a weight', () => {
    const model = trainedXor();
    model.state!.weights[1][0][0] = 0.1 + 0.2;
    model.state!.biases[1][0] = -Math.PI * 1e-300;
    const row = table(weightsCsv(model, 1))[1];
    expect(Number(row[1])).toBe(0.1 + 0.2);
    expect(Number(row[3])).toBe(-Math.PI * 1e-300);
  });

  it('writes the learning curve, with the test tss when the model has one', () => {
    expect(learningCurveCsv(modelLearningCurve(trainedXor()))).toBe('epoch,tss,fraction_correct\n1,1.5,0.25\n2,1.25,0.5\n3,0.5,1\n');
    expect(learningCurveCsv({ tss: [2, 1], testTss: [3, 2.5], fractionCorrect: [0, 0.5] })).toBe('epoch,tss,test_tss,fraction_correct\n1,2,3,0\n2,1,2.5,0.5\n');
    expect(learningCurveCsv(modelLearningCurve({ ...trainedXor(), state: null }))).toBe('epoch\n');
    // A long run's history keeps every stride-th epoch: the rows say which.
    expect(learningCurveCsv({ tss: [2, 1], fractionCorrect: [0, 0.5], stride: 4 })).toBe('epoch,tss,fraction_correct\n4,2,0\n8,1,0.5\n');
  });

  it('exports an untrained model at the initial weights its seed gives', () => {
    const untrained = { ...trainedXor(), state: null };
    expect(outputsCsv(untrained)).toBe(outputsCsv(untrained));
    expect(table(outputsCsv(untrained))).toHaveLength(5);
  });

  it('quotes names that hold commas and quotes, and makes column names unique', () => {
    const model = trainedXor();
    model.patterns = [{ name: 'one, "two"', input: [0, 1], target: [1] }];
    model.layers[0].unitNames = ['x', 'x'];
    const [header, row] = table(outputsCsv(model));
    expect(header.slice(0, 3)).toEqual(['pattern', 'x', 'x.2']);
    expect(row[0]).toBe('one, "two"');
  });
});
