/**
 * Compare rules in the page: its runs on the experiment runner with the angles asked of every worker (the
 * request carries them, the shared worker side serves them), kept in memory only; the charts and CSV columns
 * made from the runs — one seed draws the run's own values, several their mean — and the angles' means.
 */
import { describe, expect, it } from 'vitest';
import { examples } from '../../../src-shared/data/examples';
import type { RunWorker } from '../../../src-shared/experiment/pool';
import { planExperiment } from '../../../src-shared/experiment/plan';
import type { RunExtras } from '../../../src-shared/experiment/run-angles';
import { runExperimentRun, type RunResult } from '../../../src-shared/experiment/run-one';
import { planRuleComparison } from '../../../src-shared/experiment/rule-comparison';
import { serveRuns, type RunRequest } from '../../../src-shared/experiment/serve-runs';
import { workerConversation } from '../../../src-shared/experiment/worker-conversation';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { plainRunnerView } from '../../../src-renderer/experiment/experiment-runner';
import type { ExperimentHost } from '../../../src-renderer/hosts/host';
import { webWorkerStarter, type WorkerLike } from '../../../src-renderer/hosts/experiments/web-experiment-pool';
import { angleChart, angleCsvColumns, angleSeries, tssChart, tssCsvColumns } from '../../../src-renderer/train/rule-comparison-charts';
import { comparisonRunner, memoryStorage } from '../../../src-renderer/train/rule-comparison-runner';

const encoder = (): ModelDocument => examples.find((e) => e.id === 'encoder-8-3-8')!.build();

/** A worker in this process, speaking through the shared worker side (serve-runs.ts) as a Web Worker does. */
function inProcessWorker(model: ModelDocument, extras: RunExtras | undefined): RunWorker {
  const conversation = workerConversation('an in-process worker could not start');
  let handler: (request: RunRequest) => void = () => {};
  serveRuns({ postMessage: (reply) => queueMicrotask(() => conversation.receive(reply)), onMessage: (h) => (handler = h) });
  handler({ model: JSON.parse(JSON.stringify(model)) as ModelDocument, ...(extras ? { extras } : {}) });
  return { run: (index) => conversation.run(index, () => handler({ index })), terminate() {} };
}

describe('Compare rules’ runs', () => {
  it('run on the host’s workers asking for the angles, and are kept in memory, not the host’s storage', async () => {
    const asked: (RunExtras | undefined)[] = [];
    const hostStorage = { key: () => 'never', load: () => Promise.reject(new Error('the host’s storage was used')), put: () => Promise.reject(new Error('put')), putFailed: () => Promise.reject(new Error('putFailed')), clear: () => Promise.reject(new Error('clear')) };
    const host: ExperimentHost = {
      jobs: 2,
      storage: hostStorage,
      startWorker: (model, extras) => {
        asked.push(extras);
        return () => inProcessWorker(model, extras);
      },
    };
    const comparison = planRuleComparison(encoder(), { rules: ['backprop', 'feedback-alignment'], otherLearningRate: null, seeds: 2, epochs: 200 });
    const runner = comparisonRunner(host, plainRunnerView());
    await runner.start(comparison.model);
    expect(runner.view.error).toBeNull();
    expect(runner.view.phase).toBe('done');
    expect(asked).toEqual([{ alignmentAngles: true }]);
    const runs = runner.view.runs.map((r) => r.result).sort((a, b) => a.index - b.index);
    expect(runs.map((r) => [r.condition, r.seed, r.alignmentAngles !== undefined])).toEqual([[0, 1, false], [1, 1, true], [0, 2, false], [1, 2, true]]);
    // Each exactly the run the experiment computes alone.
    const plan = planExperiment(comparison.model);
    runs.forEach((run) => expect(run).toEqual(runExperimentRun(comparison.model, plan, run.index, { alignmentAngles: true })));
    // Shown again from memory: a new runner on the same page finds them.
    const again = comparisonRunner(host, plainRunnerView());
    await again.show(comparison.model);
    expect(again.view.runs).toHaveLength(4);
    expect(again.view.phase).toBe('done');
  });

  it('the web build’s workers are sent the extras with the model', () => {
    const sent: unknown[] = [];
    const fake: WorkerLike = { postMessage: (m) => sent.push(m), addEventListener: () => {}, terminate: () => {} };
    const model = encoder();
    webWorkerStarter(model, () => fake, { alignmentAngles: true })();
    webWorkerStarter(model, () => fake)();
    expect(sent).toEqual([{ model, extras: { alignmentAngles: true } }, { model }]);
  });

  it('memory keeps the most recently used comparisons only', async () => {
    const storage = memoryStorage(2);
    const run = (index: number) => ({ result: { index } as RunResult, time: 0 });
    await storage.put('a', run(0));
    await storage.put('b', run(0));
    await storage.put('a', run(1));
    await storage.put('c', run(0));
    expect((await storage.load('a', '')).runs.map((r) => r.result.index)).toEqual([0, 1]);
    expect((await storage.load('b', '')).runs).toEqual([]);
    await storage.clear('a');
    expect((await storage.load('a', '')).runs).toEqual([]);
  });
});

describe('Compare rules’ charts', () => {
  const model = encoder();
  const one = planRuleComparison(model, { rules: ['backprop', 'feedback-alignment'], otherLearningRate: null, seeds: 1, epochs: 300 });
  const onePlan = planExperiment(one.model);
  const oneRuns = [0, 1].map((i) => runExperimentRun(one.model, onePlan, i, { alignmentAngles: true }));

  it('with one seed draw and export each run’s own tss, bit for bit', () => {
    const chart = tssChart(one, onePlan, oneRuns, true);
    expect(chart.lines.map((l) => l.label)).toEqual(['backprop', 'feedback alignment']);
    expect(chart.bands).toEqual([]);
    expect(chart.x).toEqual(oneRuns[0].curve.epoch);
    chart.lines.forEach((line, c) => expect(line.values).toEqual(oneRuns[c].curve.tss));
    const columns = tssCsvColumns(one, onePlan, oneRuns);
    expect(columns.map((c) => c.name)).toEqual(['backprop, seed 1: tss', 'feedback alignment, seed 1: tss']);
    columns.forEach((column, c) => expect(column.values).toEqual(oneRuns[c].curve.tss));
  });

  it('with several seeds draw the mean with its band and the runs faint, and the angles’ mean over the seeds', () => {
    const several = planRuleComparison(model, { rules: ['backprop', 'feedback-alignment'], otherLearningRate: null, seeds: 3, epochs: 100 });
    const plan = planExperiment(several.model);
    const runs = Array.from({ length: plan.total }, (_, i) => runExperimentRun(several.model, plan, i, { alignmentAngles: true }));
    const chart = tssChart(several, plan, runs, false);
    expect(chart.lines.filter((l) => !l.edge).map((l) => l.label)).toEqual(['backprop: mean tss', 'feedback alignment: mean tss']);
    expect(chart.bands).toHaveLength(2);
    expect(chart.faint).toHaveLength(6);
    const bp = runs.filter((r) => r.condition === 0);
    const mean = chart.lines.find((l) => l.label === 'backprop: mean tss')!;
    expect(mean.values[9]).toBeCloseTo((bp[0].curve.tss[9] + bp[1].curve.tss[9] + bp[2].curve.tss[9]) / 3, 12);
    expect(tssCsvColumns(several, plan, runs).map((c) => c.name)).toContain('feedback alignment: 95% CI high');

    const series = angleSeries(several, model, runs);
    expect(series.map((s) => s.label)).toEqual(['signal angle, W1 (code → output)', 'weight angle, W1 (code → output)']);
    const fa = runs.filter((r) => r.condition === 1).map((r) => r.alignmentAngles!);
    expect(series[1].epochs).toEqual(fa[0].epochs);
    expect(series[1].values.at(-1)).toBeCloseTo((fa[0].projections[0].weight.at(-1)! + fa[1].projections[0].weight.at(-1)! + fa[2].projections[0].weight.at(-1)!) / 3, 12);
    expect(series[0].n).toBe(3);
    const drawn = angleChart(series);
    expect(drawn.lines.map((l) => l.values)).toEqual(series.map((s) => s.values));
    expect(new Set(drawn.lines.map((l) => l.colour)).size).toBe(2);
    expect(angleCsvColumns(series)[0].name).toBe('signal angle, W1 (code → output) (degrees, mean of 3 seeds)');
  });

  it('draw no angles where no run recorded them', () => {
    expect(angleSeries(one, model, [oneRuns[0]])).toEqual([]);
  });
});
