/**
 * A figure's provenance: a PNG gains a tEXt chunk after IHDR (read back by an independent chunk walker that
 * checks every CRC with node:zlib), an SVG a <metadata> element as the root's first child (escaped, and the
 * JSON back exactly); the renderer's hook stamps only PNGs and SVGs, and only with a model open.
 */
import { crc32 as zlibCrc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { asciiJson, exportProvenance, FIGURE_PROVENANCE_KEY, pngWithText, svgWithMetadata } from '../../../../src-shared/data/export';
import { withFigureProvenance } from '../../../../src-renderer/shared/charts/figure-provenance';
import { trainedXor } from './models';

/** A 1 × 1 grey PNG, built here from the specification. */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlibCrc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from([0, 128]))), chunk('IEND', Buffer.alloc(0))]));
}

function chunks(png: Uint8Array): { type: string; data: Buffer }[] {
  const bytes = Buffer.from(png);
  const found = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const body = bytes.subarray(at + 4, at + 8 + length);
    if (zlibCrc32(body) !== bytes.readUInt32BE(at + 8 + length)) throw new Error(`bad CRC in ${body.subarray(0, 4).toString('latin1')}`);
    found.push({ type: body.subarray(0, 4).toString('latin1'), data: body.subarray(4) });
    at += 12 + length;
  }
  return found;
}

describe('provenance in figures', () => {
  it('puts a tEXt chunk with valid CRC right after IHDR', () => {
    const png = pngWithText(tinyPng(), FIGURE_PROVENANCE_KEY, '{"model":"XOR"}');
    const found = chunks(png);
    expect(found.map((c) => c.type)).toEqual(['IHDR', 'tEXt', 'IDAT', 'IEND']);
    expect(found[1].data.toString('latin1')).toBe(`${FIGURE_PROVENANCE_KEY}\0{"model":"XOR"}`);
    expect(() => pngWithText(new Uint8Array(8), 'k', 't')).toThrow('not a PNG image');
    expect(() => pngWithText(tinyPng(), 'k', 'naïve')).toThrow(/printable ASCII/);
  });

  it('puts <metadata> first inside the root <svg>, escaped', () => {
    const svg = svgWithMetadata('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="2"><rect/></svg>', FIGURE_PROVENANCE_KEY, '{"name":"a<b&c"}');
    expect(svg).toBe(`<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="2"><metadata id="${FIGURE_PROVENANCE_KEY}">{"name":"a&lt;b&amp;c"}</metadata><rect/></svg>`);
  });

  it('the renderer stamps a chart’s PNG and SVG with the open model’s provenance, and nothing else', () => {
    const model = { ...trainedXor(), name: 'XOR – naïve' };
    const png = withFigureProvenance({ name: 'x.png', format: 'png', content: tinyPng() }, model);
    const text = chunks(png.content as Uint8Array).find((c) => c.type === 'tEXt')!.data.toString('latin1').split('\0')[1];
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(exportProvenance(model, 'png', { appVersion: JSON.parse(text).appVersion }))));
    expect(JSON.parse(text).model).toBe('XOR – naïve');
    expect(text).toBe(asciiJson(JSON.parse(text)));
    const svg = withFigureProvenance({ name: 'x.svg', format: 'svg', content: '<svg></svg>' }, model).content as string;
    expect(JSON.parse(/<metadata id="[^"]+">(.*)<\/metadata>/.exec(svg)![1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))).toMatchObject({ format: 'svg', model: 'XOR – naïve' });
    const csv = { name: 'x.csv', format: 'csv' as const, content: 'a,b\n' };
    expect(withFigureProvenance(csv, model)).toBe(csv);
    expect(withFigureProvenance({ name: 'x.svg', format: 'svg', content: '<svg></svg>' }, null).content).toBe('<svg></svg>');
  });
});
