import { DOMParser } from '@xmldom/xmldom';

// xmldom's nodes follow the DOM's own types.
type XmlElement = Element;
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { Simulation } from '../../../src-shared/engine/simulation';
import type { LayerSpec } from '../../../src-shared/model/schema';
import { largestMagnitude, projectionsOf } from '../../../src-renderer/weights/hinton';
import { networkLayout } from '../../../src-renderer/network/network-layout';
import { escapeXml, figureFileName } from '../../../src-renderer/shared/charts/svg-export';
import { hintonSvg } from '../../../src-renderer/weights/hinton-svg';
import { networkSvg } from '../../../src-renderer/network/network-svg';

/** What XML 1.0's Char production leaves out: C0 controls but tab, line feed and carriage return; lone surrogates; U+FFFE, U+FFFF. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Parses as strict XML: any error or warning fails the test. */
function parse(text: string) {
  const problems: string[] = [];
  const record = (message: string) => problems.push(message);
  const doc = new DOMParser({ errorHandler: { warning: record, error: record, fatalError: record } }).parseFromString(text, 'image/svg+xml');
  expect(problems).toEqual([]);
  // xmldom reads characters XML 1.0 forbids (C0 controls, lone surrogates) without a word; a strict reader refuses them.
  expect(text.match(NOT_XML_CHAR) ?? []).toEqual([]);
  const root = doc.documentElement!;
  expect(root.nodeName).toBe('svg');
  expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
  return root;
}

function all(root: XmlElement, name: string): XmlElement[] {
  return Array.from(root.getElementsByTagName(name));
}

const squares = (root: XmlElement) => all(root, 'rect').filter((rect) => /\bw\b/.test(rect.getAttribute('class') ?? ''));

function figureOf(id: string, j: number) {
  const model = findExample(id)!.build();
  const state = new Simulation(model).state();
  const projection = projectionsOf(model.layers, state.weights, state.biases)[j];
  return { model, state, projection, figure: { title: `${model.layers[j].name} → ${model.layers[j + 1].name} (W${j})`, sending: model.layers[j], receiving: model.layers[j + 1], projection, scale: largestMagnitude(projection) } };
}

describe('a Hinton diagram as SVG', () => {
  it('is valid XML with one square per weight and bias, filled for positive and outlined for negative ones', () => {
    for (const [id, j] of [['xor', 0], ['encoder-8-3-8', 1], ['rumelhart', 2]] as const) {
      const { state, figure } = figureOf(id, j);
      const root = parse(hintonSvg(figure));
      const weights = state.weights[j].flat();
      const values = [...weights, ...state.biases[j]];
      const drawn = squares(root);
      expect(drawn).toHaveLength(state.weights[j].length * state.weights[j][0].length + state.biases[j].length);
      const filled = drawn.filter((rect) => rect.getAttribute('fill') === '#000000');
      const outlined = drawn.filter((rect) => rect.getAttribute('fill') === '#ffffff' && rect.getAttribute('stroke') === '#000000');
      expect(filled).toHaveLength(values.filter((v) => v >= 0).length);
      expect(outlined).toHaveLength(values.filter((v) => v < 0).length);
    }
  });

  it('sizes each square by its weight: the largest |w| fills 90% of a cell, area ∝ |w|', () => {
    const { figure } = figureOf('xor', 0);
    const drawn = squares(parse(hintonSvg(figure)));
    const values = figure.projection.weights.flatMap((row, i) => [...row, figure.projection.biases![i]]);
    const sides = drawn.map((rect) => Number(rect.getAttribute('width')));
    const largest = values.reduce((best, v, i) => (Math.abs(v) > Math.abs(values[best]) ? i : best), 0);
    expect(sides[largest]).toBeCloseTo(18 * 0.9, 1);
    values.forEach((value, i) => expect(sides[i]).toBeCloseTo(18 * 0.9 * Math.sqrt(Math.abs(value) / figure.scale), 1));
  });

  it('has no bias column, and no "bias" label, where the receiving layer has no bias', () => {
    const { figure, state } = figureOf('semantic', 1);
    expect(figure.projection.biases).toBeNull();
    const root = parse(hintonSvg(figure));
    expect(squares(root)).toHaveLength(state.weights[1].length * state.weights[1][0].length);
    expect(all(root, 'text').map((t) => t.textContent)).not.toContain('bias');
  });

  it('labels the axes with the unit names, and says what the largest square stands for', () => {
    const { figure, model } = figureOf('rumelhart', 0);
    const texts = all(parse(hintonSvg(figure)), 'text').map((t) => t.textContent ?? '');
    for (const name of model.layers[0].unitNames!) expect(texts).toContain(name);
    expect(texts).toContain('bias');
    expect(texts.some((t) => t.startsWith('largest square = |w| '))).toBe(true);
  });

  it('uses no CSS variables, stylesheet or currentColor: it prints the same anywhere', () => {
    const { figure } = figureOf('encoder-8-3-8', 0);
    const text = hintonSvg(figure);
    expect(text).not.toMatch(/var\(|<style|currentColor|class="[^"]*"[^>]*style=/);
    expect(parse(text).getAttribute('viewBox')).toMatch(/^0 0 \d/);
  });

  it('writes every weight of a projection too big to draw on screen square by square', () => {
    const sending: LayerSpec = { kind: 'input', name: 'pixels', units: 100, activation: 'linear', bias: false };
    const receiving: LayerSpec = { kind: 'hidden', name: 'features', units: 70, activation: 'logistic', bias: true };
    const weights = Array.from({ length: 70 }, (_, i) => Array.from({ length: 100 }, (_, k) => Math.sin(i * 100 + k)));
    const biases = Array.from({ length: 70 }, (_, i) => Math.cos(i));
    const root = parse(hintonSvg({ title: 'big', sending, receiving, projection: { weights, biases }, scale: 1 }));
    expect(squares(root)).toHaveLength(70 * 100 + 70);
  });

  it('escapes names that are not plain text', () => {
    expect(escapeXml(`a<b & "c" 'd'>`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;');
    const { figure } = figureOf('xor', 0);
    const receiving = { ...figure.receiving, name: 'h<1> & "co"', unitNames: ['<x>', 'y&z'] };
    const texts = all(parse(hintonSvg({ ...figure, receiving, title: 'W & <b>' })), 'text').map((t) => t.textContent);
    expect(texts).toContain('<x>');
    expect(texts).toContain('y&z');
  });
});

describe('names with characters XML 1.0 forbids', () => {
  const controls = 'a\u0000b\u0007c\u001b[2Jd\ud800e\uffff';

  it('leave them out and keep the rest of the name', () => {
    expect(escapeXml(`${controls}<&`)).toBe('abc[2Jde&lt;&amp;');
    expect(escapeXml('tab\tline\nreturn\r, 😀 and é')).toBe('tab\tline\nreturn\r, 😀 and é');
  });

  it('make a Hinton diagram that is well-formed XML', () => {
    const { figure } = figureOf('xor', 0);
    const receiving = { ...figure.receiving, name: `hidden${controls}`, unitNames: [`h${controls}1`, '\u0001'] };
    const sending = { ...figure.sending, name: `in\u0002put`, unitNames: ['x\u001f', 'y'] };
    const texts = all(parse(hintonSvg({ ...figure, receiving, sending, title: `W\u0003 ${controls}` })), 'text').map((t) => t.textContent);
    expect(texts).toContain('habc[2Jde1');
    expect(texts).toContain('from input (sending units)');
  });

  it('make a network diagram that is well-formed XML', () => {
    const model = findExample('xor')!.build();
    const layers = model.layers.map((layer, j) => ({ ...layer, name: `${layer.name}\u0001${j}` }));
    const root = parse(networkSvg(layers, { maxWidth: 300, details: ['2 units\u0007', '', ''], title: `XOR${controls}` }));
    expect(all(root, 'title')[0].textContent).toBe('XORabc[2Jde');
    expect(all(root, 'text').map((t) => t.textContent)).toContain(`${model.layers[0].name}0`);
  });
});

describe('the network diagram as SVG', () => {
  it('draws the on-screen layout: a circle per unit, a line per connection, a block for a wide layer', () => {
    for (const id of ['xor', 'encoder-8-3-8', 'rumelhart']) {
      const model = findExample(id)!.build();
      const details = model.layers.map((l) => `${l.units} units`);
      const root = parse(networkSvg(model.layers, { maxWidth: 300, details, title: model.name }));
      const layout = networkLayout(model.layers, { maxWidth: 300, details });
      const drawnUnits = model.layers.filter((l) => l.units <= 8).reduce((sum, l) => sum + l.units, 0);
      expect(all(root, 'circle')).toHaveLength(drawnUnits);
      expect(all(root, 'rect').filter((r) => r.getAttribute('class') === 'block')).toHaveLength(model.layers.filter((l) => l.units > 8).length);
      const lines = layout.rows.slice(1).reduce((sum, row, j) => sum + row.xs.length * layout.rows[j].xs.length, 0);
      expect(all(root, 'line')).toHaveLength(lines);
      expect(root.getAttribute('width')).toBe(String(Math.round(layout.width * 100) / 100));
      const texts = all(root, 'text').map((t) => t.textContent);
      for (const layer of model.layers) expect(texts).toContain(layer.name);
      expect(all(root, 'title')[0].textContent).toBe(model.name);
    }
  });
});

describe('a figure’s file name', () => {
  it('is the title in lower case with dashes, never a path', () => {
    expect(figureFileName('input → hidden (W⁰)', '-hinton')).toBe('input-hidden-w0-hinton.svg');
    expect(figureFileName('../../etc/passwd', '')).toBe('etcpasswd.svg');
    expect(figureFileName('→', '')).toBe('figure.svg');
  });
});
