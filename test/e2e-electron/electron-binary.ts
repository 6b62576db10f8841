/**
 * Where the Electron binary is, found without loading the 'electron' module: loading it on a machine
 * without the binary starts a download (which hangs where there is no network). The npm package records
 * the binary's path, relative to its dist folder, in path.txt once the download has succeeded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ELECTRON_PACKAGE = fileURLToPath(new URL('../../node_modules/electron/', import.meta.url));

export const MISSING_ELECTRON =
  'Electron binary not downloaded (node_modules/electron/dist missing); this test runs on machines that can ' +
  'download Electron, e.g. the release workflow';

export function electronBinary(): string | null {
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(ELECTRON_PACKAGE, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
