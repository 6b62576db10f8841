/** The per-condition summary: diverged runs counted apart and never averaged in; censored criterion. */
import { describe, expect, it } from 'vitest';
import { experimentExamples } from '../../../src-shared/data/experiment-examples';
import { summarizeConditions } from '../../../src-shared/experiment/condition-summary';
import { planExperiment } from '../../../src-shared/experiment/plan';
import type { RunResult, RunStatus } from '../../../src-shared/experiment/run-one';
import { curvesHeader, curvesRows, runsRow } from '../../../src-shared/experiment/tables';

function run(index: number, condition: number, finalTss: number, epochsToCriterion: number | null, status: RunStatus = 'finished'): RunResult {
  return {
    index, condition, replication: 0, seed: 1, status, epochs: 100, epochsToCriterion,
    final: { tss: finalTss, fractionCorrect: 1, testTss: null }, curve: { epoch: [100], tss: [finalTss], correct: [1] }, message: null,
  };
}

describe('the per-condition summary', () => {
  it('gives n, mean and SD of the final tss over runs that did not diverge, the censored median, and the counts', () => {
    const plan = planExperiment(experimentExamples.find((e) => e.id === 'experiment-xor-hidden')!.build());
    const rows = summarizeConditions(plan, [
      run(0, 0, 0.5, null), run(3, 0, 0.1, 40), run(6, 0, 0.3, 20), run(9, 0, 1e6, 10, 'diverged'),
      run(1, 1, 0.2, null),
    ], [{ condition: 2 }]);
    expect(rows[0]).toMatchObject({ condition: 0, label: 'units_hidden=2', levels: { units_hidden: '2' }, n: 3, reached: 2, neverReached: 1, medianEpochsToCriterion: 40, diverged: 1, failed: 0 });
    expect(rows[0].meanFinalTss).toBeCloseTo(0.3, 15);
    expect(rows[0].sdFinalTss).toBeCloseTo(0.2, 15); // deviations ±0.2 and 0: √(0.08 / 2)
    expect(rows[1]).toMatchObject({ n: 1, meanFinalTss: 0.2, sdFinalTss: null, medianEpochsToCriterion: null, reached: 0 });
    expect(rows[2]).toMatchObject({ n: 0, meanFinalTss: null, failed: 1 });
  });

  it('writes rows with the levels and NA where a value is missing', () => {
    const plan = planExperiment(experimentExamples.find((e) => e.id === 'experiment-xor-hidden')!.build());
    expect(curvesHeader(plan)).toBe('run,condition,units_hidden,seed,epoch,measure,value,status\n');
    expect(curvesRows(plan, run(4, 1, 0.25, null))).toBe('4,1,4,1,100,tss,0.25,finished\n4,1,4,1,100,correct,1,finished\n');
    expect(runsRow(plan, run(4, 1, 1e-7, null, 'diverged'))).toBe('4,1,4,1,100,NA,1e-7,1,NA,diverged\n');
  });
});
