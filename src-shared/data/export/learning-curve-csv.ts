/** The learning curve, one row an epoch: tss, the test set's tss when there is one, and the fraction correct. */
import type { ModelDocument } from '../../model/schema';
import { toCsv } from './csv-table';

export interface LearningCurve {
  tss: number[];
  /** Fraction of patterns within the margin, per epoch. */
  fractionCorrect?: number[];
  testTss?: number[];
}

export function learningCurveCsv(curve: LearningCurve): string {
  const columns: [string, number[] | undefined][] = [['tss', curve.tss], ['test_tss', curve.testTss], ['fraction_correct', curve.fractionCorrect]];
  const present = columns.filter(([, values]) => values !== undefined && values.length > 0);
  const header = ['epoch', ...present.map(([name]) => name)];
  const rows = curve.tss.map((_, e) => [e + 1, ...present.map(([, values]) => values![e] ?? null)]);
  return toCsv(header, rows);
}

/** The curve a model file holds (empty when it has not trained). */
export function modelLearningCurve(model: ModelDocument): LearningCurve {
  const state = model.state;
  if (!state) return { tss: [] };
  return { tss: state.tssHistory, fractionCorrect: state.correctHistory, testTss: state.testTssHistory };
}
