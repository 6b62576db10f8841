/**
 * The command line as one file a cluster can run with Node ≥ 20 alone (no npm install there), and as a
 * standalone Linux x64 executable for clusters without Node (Node's single-executable applications).
 * esbuild and postject are development dependencies: these builds run from the repository, and a
 * single-file command line copies itself instead (see running.ts).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from '../cli-error';
import { seaScriptAsset } from './running';

/**
 * Node's documented fuse for the blob of a single-executable application, assembled at run time: written
 * whole it would be in this very script, which the executable embeds, and postject refuses a binary that
 * holds the fuse twice.
 */
const seaFuse = ['NODE_SEA_FUSE', 'fce680ab2cc467b6e072b8b5df1996b2'].join('_');

export async function bundleCli(outFile: string): Promise<void> {
  const esbuild = await importBuildTool<typeof import('esbuild')>('esbuild');
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('./entry.ts', import.meta.url))],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    // Node 20 runs a single-executable application's script only as CommonJS.
    format: 'cjs',
    target: 'node20',
    external: ['esbuild', 'postject'],
    define: { __BPLAB_SINGLE_FILE__: 'true', 'import.meta.url': '__bplabModuleUrl' },
    // A worker of the standalone executable runs this code from a string, where there is no __filename.
    banner: { js: '#!/usr/bin/env node\nconst __bplabModuleUrl = typeof __filename === "string" ? require("node:url").pathToFileURL(__filename).href : "";' },
    logLevel: 'silent',
  });
  if (result.errors.length > 0) throw new CliError(`bundling the command line failed: ${result.errors.map((e) => e.text).join('; ')}`);
}

/** From a single-file command line (bundleCli's output) and this very Node binary. */
export async function buildStandalone(cliFile: string, outFile: string): Promise<void> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new CliError(`the standalone executable is made from this machine's Node binary, so it must be built on Linux x64 (this is ${process.platform} ${process.arch})`);
  }
  const { inject } = await importBuildTool<typeof import('postject')>('postject');
  const work = mkdtempSync(join(tmpdir(), 'bplab-sea-'));
  try {
    const config = join(work, 'sea-config.json');
    const blob = join(work, 'sea-prep.blob');
    // The script is also an asset: the executable starts its worker threads from it (running.ts).
    writeFileSync(config, JSON.stringify({ main: cliFile, output: blob, disableExperimentalSEAWarning: true, assets: { [seaScriptAsset]: cliFile } }));
    const prepared = spawnSync(process.execPath, ['--experimental-sea-config', config], { encoding: 'utf8' });
    if (prepared.status !== 0) throw new CliError(`node --experimental-sea-config failed: ${prepared.stderr.trim()}`);
    copyFileSync(process.execPath, outFile);
    await inject(outFile, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: seaFuse });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function importBuildTool<T>(name: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch {
    throw new CliError(`${name} is not installed: building the command line into one file needs the repository with its development dependencies (npm install)`);
  }
}
