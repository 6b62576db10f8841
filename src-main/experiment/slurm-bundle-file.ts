/** A SLURM bundle's bundle.json: how its runs were cut into tasks, which collect needs to name tasks to rerun. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { bundleFiles } from '../../src-shared/experiment/slurm-scripts';

export const BUNDLE_FORMAT = 'backprop-lab-slurm-bundle';

const bundleSettingsSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(1),
  appVersion: z.string(),
  fingerprint: z.string(),
  modelFile: z.string(),
  totalRuns: z.number().int().positive(),
  runsPerTask: z.number().int().positive(),
  throttle: z.number().int().positive(),
});

export type BundleSettingsFile = Omit<z.infer<typeof bundleSettingsSchema>, 'format' | 'version'>;

export async function writeBundleSettings(folder: string, settings: BundleSettingsFile): Promise<void> {
  await writeFile(join(folder, bundleFiles.settings), `${JSON.stringify({ format: BUNDLE_FORMAT, version: 1, ...settings }, null, 2)}\n`);
}

/** The bundle's settings, or null when the folder is no bundle (a plain results folder, say). */
export async function readBundleSettings(folder: string): Promise<BundleSettingsFile | null> {
  const path = join(folder, bundleFiles.settings);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not JSON: ${(error as Error).message}`);
  }
  const parsed = bundleSettingsSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path} is not a bundle's settings: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  const { format: _format, version: _version, ...settings } = parsed.data;
  return settings;
}
