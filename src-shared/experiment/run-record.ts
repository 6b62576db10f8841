/**
 * A finished run as its file `runs/run-NNNNN.json`: one line of JSON in a fixed key order, every double in
 * its shortest exact form, no times and no host: the same bytes whichever host or worker computed it.
 */
import { z } from 'zod';
import type { RunResult } from './run-one';

export function runFileName(index: number): string {
  return `run-${String(index).padStart(5, '0')}.json`;
}

export function failedRunFileName(index: number): string {
  return `run-${String(index).padStart(5, '0')}.failed.json`;
}

export function serializeRun(result: RunResult): string {
  return `${JSON.stringify(result)}\n`;
}

const count = z.number().int().min(0);
/** A run result as a file or a message holds it (parseRun; the desktop app's page sends runs to main). */
export const runResultSchema = z.object({
  index: count,
  condition: count,
  replication: count,
  seed: count,
  status: z.enum(['finished', 'stopped-at-criterion', 'diverged']),
  epochs: count,
  epochsToCriterion: count.nullable(),
  final: z.object({ tss: z.number(), fractionCorrect: z.number(), testTss: z.number().nullable() }),
  curve: z.object({ epoch: z.array(count), tss: z.array(z.number()), correct: z.array(z.number()), testTss: z.array(z.number()).optional() }),
  message: z.string().nullable(),
  outputs: z.array(z.object({ name: z.string(), output: z.array(z.number()) })).optional(),
  weights: z.object({ weights: z.array(z.array(z.array(z.number()))), biases: z.array(z.array(z.number())) }).optional(),
});

/** The run a file holds, or a message saying what is wrong with it (a file cut short, another run's file). */
export function parseRun(text: string, expectedIndex: number): { ok: true; run: RunResult } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `is not valid JSON (${(error as Error).message})` };
  }
  const parsed = runResultSchema.safeParse(data);
  if (!parsed.success) return { ok: false, message: `is not a run result: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}` };
  if (parsed.data.index !== expectedIndex) return { ok: false, message: `holds run ${parsed.data.index}, not run ${expectedIndex}` };
  return { ok: true, run: parsed.data as RunResult };
}

export interface FailedRun {
  index: number;
  message: string;
}

export function serializeFailedRun(failed: FailedRun): string {
  return `${JSON.stringify({ index: failed.index, message: failed.message })}\n`;
}
