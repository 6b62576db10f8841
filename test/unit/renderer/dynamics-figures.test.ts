/**
 * The learning-dynamics view's geometry and record: the analytic curve's half-time marker sits where the
 * formula reaches s/2, the measured half-time interpolates the records, and a restarted run's history
 * starts again from its epoch.
 */
import { describe, expect, it } from 'vitest';
import { halfTime } from '../../../src-shared/analysis/dynamics/saxe-theory';
import { predictedStrength } from '../../../src-shared/engine/modes';
import { learnedBy, measuredHalfTime, niceTicks, spreadLabels, strengthChartLayout } from '../../../src-renderer/inside/dynamics-figures';
import { MAX_RECORDS, ModeHistory } from '../../../src-renderer/inside/mode-history';

const box = { width: 600, height: 300, left: 50, right: 50, top: 10, bottom: 40 };

describe('the mode-strength chart', () => {
  it('marks each half-time where the analytic curve reaches s/2, and runs to where every mode is learned', () => {
    const theory = { a0: [[0.003], [0.002, 0.001]], learningRate: 1e-4 };
    const chart = strengthChartLayout([], [2, 1], theory, box, 1e9);
    expect(chart.xMax).toBeCloseTo(1.1 * learnedBy(1, 0.001, 1e-4)!, 6);
    expect(predictedStrength(1, 0.001, learnedBy(1, 0.001, 1e-4)!, 1e-4)).toBeCloseTo(0.99, 10);
    const pair = chart.curves.filter((c) => c.subspace === 1);
    expect(pair).toHaveLength(2);
    const t = halfTime(1, 0.001, 1e-4)!;
    expect(pair[1].half!.epoch).toBeCloseTo(t, 9);
    expect(pair[1].half!.x).toBeCloseTo(box.left + (t / chart.xMax) * (box.width - box.left - box.right), 9);
    // s/2 = 0.5 on an axis from 0 to 2 · 1.08.
    expect(pair[1].half!.y).toBeCloseTo(box.top + ((2.16 - 0.5) / 2.16) * (box.height - box.top - box.bottom), 9);
    expect(chart.curves.every((c) => c.analytic !== null)).toBe(true);
  });

  it('draws no analytic curve without the theory, and the recorded points as they are', () => {
    const records = [{ epoch: 0, perSubspace: [[-0.1]] }, { epoch: 50, perSubspace: [[1]] }];
    const chart = strengthChartLayout(records, [1], null, box, 1000);
    expect(chart.xMax).toBe(50);
    expect(chart.yMin).toBe(-0.1);
    expect(chart.curves[0].analytic).toBeNull();
    expect(chart.curves[0].recorded.split(' ')).toHaveLength(2);
  });

  it('reads a measured half-time between the records around s/2', () => {
    const records = [{ epoch: 0, perSubspace: [[0.1]] }, { epoch: 100, perSubspace: [[0.3]] }, { epoch: 200, perSubspace: [[0.7]] }];
    expect(measuredHalfTime(records, 0, 0, 1)).toBeCloseTo(150, 12);
    expect(measuredHalfTime(records, 0, 0, 2)).toBeNull();
  });

  it('moves the singular values’ labels apart when their heights are close, each as near its own as that allows', () => {
    expect(spreadLabels([100, 300, 305, 200, 302], 14)).toEqual([100, 300, 328, 200, 314]);
    expect(spreadLabels([10, 50], 14)).toEqual([10, 50]);
  });

  it('puts ticks on round numbers', () => {
    expect(niceTicks(0, 47_538, 5)).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
    expect(niceTicks(0, 2.86, 4)).toEqual([0, 1, 2]);
  });
});

describe('the mode history', () => {
  it('starts again from an earlier epoch (a reset), replaces the same epoch, and thins a long run keeping its ends', () => {
    const history = new ModeHistory('x');
    for (const epoch of [0, 10, 20, 30]) history.record({ epoch, perSubspace: [[epoch]] });
    history.record({ epoch: 20, perSubspace: [[99]] });
    expect(history.records.map((r) => r.epoch)).toEqual([0, 10, 20]);
    expect(history.records.at(-1)!.perSubspace[0][0]).toBe(99);
    history.record({ epoch: 0, perSubspace: [[0]] });
    expect(history.records.map((r) => r.epoch)).toEqual([0]);
    for (let epoch = 1; epoch <= MAX_RECORDS + 5; epoch++) history.record({ epoch, perSubspace: [[epoch]] });
    expect(history.records.length).toBeLessThanOrEqual(MAX_RECORDS);
    expect(history.records[0].epoch).toBe(0);
    expect(history.records.at(-1)!.epoch).toBe(MAX_RECORDS + 5);
    expect(history.start()?.epoch).toBe(0);
  });
});
