/**
 * Renders every icon the installers need from the two source images, so the app and document icons never
 * drift apart: `node build/make-icons.mjs` after changing build/icon.svg or build/document-icon.svg, and
 * commit build/icons/. sharp draws the SVGs (its prebuilt libvips comes from the npm registry) and
 * png2icons packs the macOS .icns and Windows .ico.
 *
 *   icons/icon.png, icons/icon.icns, icons/icon.ico             the app (1024 px PNG for electron-builder)
 *   icons/png/NxN.png                                           the app on Linux, one file per size
 *   icons/document.icns, icons/document.ico                     .bplab files on macOS and Windows
 *   icons/document/NxN.png                                      .bplab files on Linux (hicolor mimetypes)
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import png2icons from 'png2icons';
import sharp from 'sharp';

const buildDir = dirname(fileURLToPath(import.meta.url));
const iconsDir = join(buildDir, 'icons');
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

/**
 * Each source picture and what is made from it: `name`.icns/.ico (and icon.png for the app), and one PNG
 * per size in icons/`linuxFolder`. test/unit/build/icons.test.ts checks the committed files against these.
 */
export const ICON_SETS = [
  { source: 'icon.svg', name: 'icon', linuxFolder: 'png' },
  { source: 'document-icon.svg', name: 'document', linuxFolder: 'document' },
];

/** The SVG drawn at `size` pixels square, at a density that keeps its lines sharp. */
export async function render(svg, size) {
  return sharp(svg, { density: Math.max(72, (72 * size) / 512) }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();
}

async function write(path, data) {
  if (!data) throw new Error(`Could not make ${path}`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
  console.log(`wrote ${path.slice(buildDir.length + 1)}`);
}

async function makeSet(source, name, linuxFolder) {
  const svg = await readFile(join(buildDir, source));
  const large = await render(svg, 1024);
  if (name === 'icon') await write(join(iconsDir, 'icon.png'), large);
  await write(join(iconsDir, `${name}.icns`), png2icons.createICNS(large, png2icons.BICUBIC, 0));
  await write(join(iconsDir, `${name}.ico`), png2icons.createICO(large, png2icons.BICUBIC, 0, true, true));
  for (const size of LINUX_SIZES) await write(join(iconsDir, linuxFolder, `${size}x${size}.png`), await render(svg, size));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const { source, name, linuxFolder } of ICON_SETS) await makeSet(source, name, linuxFolder);
}
