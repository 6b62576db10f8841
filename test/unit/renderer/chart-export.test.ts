import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { Simulation } from '../../../src-shared/engine/simulation';
import { EpochSeries } from '../../../src-renderer/shared/trainer/epoch-series';
import { chartCsv, chartSvg, decadeTicks, linearTicks, type SvgChart } from '../../../src-renderer/shared/charts/chart-export';

/** The engine's own record of a short XOR run, as the session would hold it. */
function trainedXor(epochs: number) {
  const simulation = new Simulation(findExample('xor')!.build());
  simulation.advance(epochs * 4, epochs);
  return simulation.state();
}

describe('the curves as CSV', () => {
  it('has one row per epoch holding exactly the engine’s tss and fraction correct', () => {
    const state = trainedXor(25);
    const tss = new EpochSeries();
    tss.append(1, 1, state.tssHistory);
    const correct = new EpochSeries();
    correct.append(1, 1, state.correctHistory);
    const earlier = new EpochSeries();
    earlier.append(1, 1, [9, 8, 7]);
    const csv = chartCsv([
      { name: 'tss', ...pair(tss) },
      { name: 'fraction correct', ...pair(correct) },
      { name: 'tss (earlier run: seed 3 · λ 0.5 → 0.3)', ...pair(earlier) },
    ]);
    const rows = csv.trimEnd().split('\n');
    expect(rows[0]).toBe('epoch,tss,fraction correct,tss (earlier run: seed 3 · λ 0.5 → 0.3)');
    expect(rows).toHaveLength(26);
    rows.slice(1).forEach((row, i) => {
      const [epoch, t, c, e] = row.split(',');
      expect(Number(epoch)).toBe(i + 1);
      // Full precision: the numbers read back are the engine's, bit for bit.
      expect(Number(t)).toBe(state.tssHistory[i]);
      expect(Number(c)).toBe(state.correctHistory[i]);
      expect(e).toBe(i < 3 ? String(9 - i) : '');
    });
  });

  it('quotes a column name with a comma or a quote', () => {
    expect(chartCsv([{ name: 'a, "b"', epochs: [1], values: [0.5] }])).toBe('epoch,"a, ""b"""\n1,0.5\n');
  });

  it('writes the epochs the columns hold: a long run thinned to every 4th beside a short earlier run', () => {
    const csv = chartCsv([
      { name: 'tss', epochs: [4, 8, 12], values: [3, 2, 1] },
      { name: 'earlier', epochs: [1, 2, 3, 4, 5], values: [9, 8, 7, 6, 5] },
    ]);
    expect(csv).toBe('epoch,tss,earlier\n1,,9\n2,,8\n3,,7\n4,3,6\n5,,5\n8,2,\n12,1,\n');
  });

  it('is just the header when nothing has been trained', () => {
    expect(chartCsv([{ name: 'tss', epochs: [], values: [] }])).toBe('epoch,tss\n');
  });
});

function pair(series: EpochSeries) {
  const [epochs, values] = series.data();
  return { epochs, values };
}

describe('the chart as SVG', () => {
  const chart: SvgChart = {
    width: 600,
    height: 300,
    title: 'Error per epoch (tss): XOR <2-2-1>',
    xLabel: 'epoch',
    yLabel: 'tss',
    x: [0, 100],
    y: [0, 1.2],
    yLog: false,
    lines: [
      { label: 'tss, this run', colour: '#2458c6', width: 2.5, x: [1, 50, 100], y: [1.1, 0.5, 0.02] },
      { label: 'seed 3 · λ 0.5 → 0.3', colour: '#8b5fbf', width: 1.8, faded: true, dash: [6, 4], x: [1, 2], y: [1, null] },
    ],
    markers: [{ x: 40, label: 'λ → 0.05' }, { x: 400, label: 'beyond the range' }],
    colours: { background: '#fff', ink: '#1c2330', grid: '#dde2e8', marker: '#566172' },
  };
  const svg = chartSvg(chart);

  it('is well-formed XML with the title and labels escaped', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('XOR &lt;2-2-1&gt;');
    // Every element opened is closed, in order.
    const stack: string[] = [];
    for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
      if (closing) expect(stack.pop()).toBe(name);
      else if (!selfClosing) stack.push(name);
    }
    expect(stack).toEqual([]);
  });

  it('leaves out what XML 1.0 forbids in a title or a label (a pattern named with a control character)', () => {
    const named = chartSvg({ ...chart, title: 'Error\u001b[2J per pattern', lines: [{ ...chart.lines[0], label: 'p\u0000\u0007 1' }], markers: [{ x: 40, label: 'λ\u0008 → 0.05' }] });
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    expect(named.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g) ?? []).toEqual([]);
    expect(named).toContain('Error[2J per pattern');
    expect(named).toContain('>p 1<');
  });

  it('draws each line through its points on the axes’ scale, with a legend entry', () => {
    // Plot: x from 72 to 580 (508 px for 100 epochs), y from 36 to 248 (212 px for 1.2).
    const paths = [...svg.matchAll(/<path d="([^"]*)"/g)].map((m) => m[1]);
    expect(paths[0]).toBe(`M${r(72 + 508 / 100)} ${r(248 - (1.1 / 1.2) * 212)}L${r(72 + 254)} ${r(248 - (0.5 / 1.2) * 212)}L580 ${r(248 - (0.02 / 1.2) * 212)}`);
    // A missing value lifts the pen: the earlier run's second point is not drawn.
    expect(paths[1]).toBe(`M${r(72 + 508 / 100)} ${r(248 - (1 / 1.2) * 212)}`);
    expect(svg).toContain('stroke-opacity="0.55" stroke-dasharray="6 4"');
    expect(svg).toContain('>tss, this run</text>');
    expect(svg).toContain('>seed 3 · λ 0.5 → 0.3</text>');
  });

  it('marks a settings change inside the range, and only there', () => {
    expect(svg).toContain('>λ → 0.05</text>');
    expect(svg).not.toContain('beyond the range');
  });

  it('lays close markers’ labels out in rows, and draws an earlier run’s in its colour, see-through', () => {
    const crowded = chartSvg({
      ...chart,
      markers: [
        { x: 40, label: 'λ → 0.05' },
        { x: 41, label: 'α → 0.9' },
        { x: 42, label: 'κ → 0.001', colour: '#8b5fbf', faded: true },
      ],
    });
    const labels = [...crowded.matchAll(/<text x="([\d.]+)" y="([\d.]+)" fill="([^"]+)" stroke="none">([^<]*)<\/text>/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      fill: m[3],
      text: m[4],
    }));
    expect(labels.map((label) => label.text)).toEqual(['λ → 0.05', 'α → 0.9', 'κ → 0.001']);
    // Three markers a few pixels apart: three rows, each below the plot's top edge (36).
    expect(new Set(labels.map((label) => label.y)).size).toBe(3);
    for (const label of labels) expect(label.y).toBeGreaterThan(36 + 10);
    // The earlier run's line in its colour; its label in the muted ink, legible on either background.
    expect(labels[2].fill).toBe('#566172');
    expect(crowded).toMatch(/stroke="#8b5fbf" stroke-opacity="0.6" stroke-dasharray="4 3"/);
  });

  it('labels the decades on a log axis', () => {
    const log = chartSvg({ ...chart, yLog: true, y: [0.001, 10] });
    for (const label of ['0.001', '0.01', '0.1', '1', '10']) expect(log).toContain(`>${label}</text>`);
  });
});

describe('axis ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(linearTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearTicks(0, 1000, 4)).toEqual([0, 500, 1000]);
    expect(linearTicks(3, 17, 3)).toEqual([5, 10, 15]);
  });

  it('gives the powers of ten on a log scale', () => {
    expect(decadeTicks(0.005, 200)).toEqual([0.01, 0.1, 1, 10, 100]);
  });
});

function r(v: number): number {
  return Math.round(v * 100) / 100;
}
