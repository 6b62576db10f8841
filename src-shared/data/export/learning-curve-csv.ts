/**
 * The learning curve, one row per recorded epoch (every epoch, or every stride-th of a long run: see
 * model/epoch-history.ts): tss, the test set's tss when there is one, and the fraction correct.
 */
import type { ModelDocument } from '../../model/schema';
import { historyEpoch } from '../../model/epoch-history';
import { toCsv } from './csv-table';

export interface LearningCurve {
  tss: number[];
  /** Fraction of patterns within the margin, per epoch. */
  fractionCorrect?: number[];
  testTss?: number[];
  /** Entry i is epoch (i + 1) · stride; absent: 1. */
  stride?: number;
}

export function learningCurveCsv(curve: LearningCurve): string {
  const columns: [string, number[] | undefined][] = [['tss', curve.tss], ['test_tss', curve.testTss], ['fraction_correct', curve.fractionCorrect]];
  const present = columns.filter(([, values]) => values !== undefined && values.length > 0);
  const header = ['epoch', ...present.map(([name]) => name)];
  const stride = curve.stride ?? 1;
  const rows = curve.tss.map((_, e) => [historyEpoch(e, stride), ...present.map(([, values]) => values![e] ?? null)]);
  return toCsv(header, rows);
}

/** The curve a model file holds (empty when it has not trained). */
export function modelLearningCurve(model: ModelDocument): LearningCurve {
  const state = model.state;
  if (!state) return { tss: [] };
  return { tss: state.tssHistory, fractionCorrect: state.correctHistory, testTss: state.testTssHistory, stride: state.historyStride ?? 1 };
}
