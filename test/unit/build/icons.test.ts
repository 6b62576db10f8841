/**
 * The installers' icons are made from two pictures by build/make-icons.mjs, and committed. Nothing else
 * would notice a source picture changed without the script being run again (or an icon edited by hand):
 * here every committed icon is compared, pixel by pixel, with the script's own rendering of its source.
 * Pixels, not bytes: the PNG encoder may differ a little between the platforms the release runs on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ICON_SETS, LINUX_SIZES, render } from '../../../build/make-icons.mjs';

const BUILD = fileURLToPath(new URL('../../../build/', import.meta.url));
/**
 * How far apart two renderings of one picture may be: the mean difference per channel (out of 255), and
 * the share of channel values more than `over` apart — what an edit of the picture, even of a small part
 * of it, produces. Drawn again by the same script, the icons come out the same to the last bit here; the
 * margin is for another platform's build of the renderer. The .ico's 256 px image was scaled down from
 * 1024 px by png2icons, not drawn at 256 px, so it is compared more loosely (the PNGs and .icns made in
 * the same run catch a subtle edit).
 */
interface Tolerance {
  mean: number;
  over: number;
  changed: number;
}
const DRAWN: Tolerance = { mean: 0.1, over: 8, changed: 0.0005 };
const SCALED: Tolerance = { mean: 1.5, over: 64, changed: 0.005 };

async function rgba(png: Buffer, size: number): Promise<Buffer> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  expect([info.width, info.height], 'the icon’s size').toEqual([size, size]);
  return data;
}

/** How the PNGs `a` and `b`, of `size` pixels square, differ (see Tolerance). */
async function difference(a: Buffer, b: Buffer, size: number, over: number): Promise<{ mean: number; changed: number }> {
  const [x, y] = await Promise.all([rgba(a, size), rgba(b, size)]);
  let sum = 0;
  let changed = 0;
  for (let i = 0; i < x.length; i++) {
    const d = Math.abs(x[i]! - y[i]!);
    sum += d;
    if (d > over) changed++;
  }
  return { mean: sum / x.length, changed: changed / x.length };
}

async function expectSamePicture(file: string, a: Buffer, b: Buffer, size: number, within: Tolerance): Promise<void> {
  const { mean, changed } = await difference(a, b, size, within.over);
  expect(mean, `${file}: mean difference`).toBeLessThanOrEqual(within.mean);
  expect(changed, `${file}: share of values more than ${within.over} apart`).toBeLessThanOrEqual(within.changed);
}

/** The PNG that a macOS .icns holds under `type` (ic10: 1024 px). */
function pngInIcns(icns: Buffer, type: string): Buffer {
  for (let offset = 8; offset < icns.length; ) {
    const length = icns.readUInt32BE(offset + 4);
    if (icns.toString('latin1', offset, offset + 4) === type) return icns.subarray(offset + 8, offset + length);
    offset += length;
  }
  throw new Error(`no ${type} image in the .icns`);
}

/** The PNG a Windows .ico holds for `size` pixels (a width byte of 0 means 256). */
function pngInIco(ico: Buffer, size: number): Buffer {
  for (let entry = 0; entry < ico.readUInt16LE(4); entry++) {
    const at = 6 + 16 * entry;
    if ((ico[at] || 256) === size) return ico.subarray(ico.readUInt32LE(at + 12), ico.readUInt32LE(at + 12) + ico.readUInt32LE(at + 8));
  }
  throw new Error(`no ${size} px image in the .ico`);
}

const committed = (path: string) => readFileSync(join(BUILD, 'icons', path));

describe.each(ICON_SETS)('the icons made from build/$source', ({ source, name, linuxFolder }) => {
  const svg = readFileSync(join(BUILD, source));

  it('are on Linux, at every size, what the script draws from it now', async () => {
    for (const size of LINUX_SIZES) {
      const file = `${linuxFolder}/${size}x${size}.png`;
      await expectSamePicture(file, committed(file), await render(svg, size), size, DRAWN);
    }
  });

  it('are on macOS and Windows what the script draws from it now', async () => {
    const large = await render(svg, 1024);
    await expectSamePicture(`${name}.icns`, pngInIcns(committed(`${name}.icns`), 'ic10'), large, 1024, DRAWN);
    await expectSamePicture(`${name}.ico`, pngInIco(committed(`${name}.ico`), 256), await render(svg, 256), 256, SCALED);
    if (name === 'icon') await expectSamePicture('icon.png', committed('icon.png'), large, 1024, DRAWN);
  });
});
