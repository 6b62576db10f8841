/**
 * `train FILE [--epochs N] [--seed N] [--snapshots K|log] [--out FILE] [--log CURVE.csv]`: continues training
 * from the weights and random-stream state the file holds, exactly as the app would, keeping snapshots as the
 * file's schedule (or --snapshots) says.
 */
import { writeFile } from 'node:fs/promises';
import { learningCurveCsv, modelLearningCurve } from '../../../src-shared/data/export/learning-curve-csv';
import { createRun, type TrainingRun } from '../../../src-shared/engine/training-run';
import { MAX_EPOCHS, type SnapshotSchedule } from '../../../src-shared/model/schema';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import { readModelFile, writeModelFile } from '../model-file';
import { onlyFile, parseOptions, wholeNumber } from '../options';
import { INTERRUPTED_EXIT_CODE } from '../interrupt';
import { createProgress } from '../progress';
import { terminalLine } from '../terminal-text';
import { TSS_AFTER } from '../../../src-shared/tss-names';

const usage = 'train FILE [--epochs N] [--seed N] [--snapshots K|log] [--out FILE] [--log CURVE.csv]';
/** Patterns presented between two looks at the clock. */
const CHUNK = 4096;

export async function trainCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    epochs: { type: 'string' },
    seed: { type: 'string' },
    snapshots: { type: 'string' },
    out: { type: 'string' },
    log: { type: 'string' },
  }, usage);
  const file = onlyFile(positionals, usage);
  const epochs = wholeNumber(values.epochs, 'epochs', 1, 1e9);
  const seed = wholeNumber(values.seed, 'seed', 0, 0xffff_ffff);
  // A chain on the chain engine, any other graph on the graph path.
  const simulation = createRun(await readModelFile(file));
  // A new seed means that seed's initial weights: the run starts over.
  if (seed !== undefined) simulation.configure({ seed });
  const schedule = snapshotSchedule(values.snapshots);
  if (schedule) simulation.configure({ snapshots: schedule });
  const first = simulation.epoch;
  const target = epochs === undefined ? Number.POSITIVE_INFINITY : first + epochs;
  if (target > MAX_EPOCHS && Number.isFinite(target)) {
    throw new CliError(`--epochs ${epochs} would take ${file} past ${MAX_EPOCHS.toLocaleString('en')} epochs, the most a model file records: ` +
      `it has trained ${first}, so use --epochs ${MAX_EPOCHS - first} or fewer`);
  }
  if (epochs !== undefined && target > simulation.settings.maxEpochs) simulation.configure({ maxEpochs: target });
  if (simulation.stopBeforeTraining()) {
    throw new CliError(`${file} has already trained its maximum of ${simulation.settings.maxEpochs} epochs; use --epochs N to train more`);
  }

  const progress = createProgress(io.progressStream, first, Number.isFinite(target) ? target : simulation.settings.maxEpochs);
  let outcome;
  let lastDraw = 0;
  // Ctrl-C stops after the current chunk, as Pause does: the state there (mid-epoch too) is exact to save.
  let interrupted = false;
  const stopListening = io.onInterrupt?.(() => void (interrupted = true)) ?? (() => {});
  try {
    for (;;) {
      outcome = simulation.advance(CHUNK, target);
      const now = Date.now();
      if (now - lastDraw > 100) {
        progress.update(simulation.epoch, simulation.lastEpochTss ?? undefined);
        lastDraw = now;
        // Lets a SIGINT's handler run; a turn of the event loop ten times a second costs nothing.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (outcome.stop || simulation.epoch >= target || interrupted) break;
    }
    progress.update(simulation.epoch, simulation.lastEpochTss ?? undefined);
    progress.done();
    if (interrupted) return await saveInterrupted(simulation, values, io);
  } finally {
    stopListening();
  }

  const pass = simulation.testPass();
  const why = outcome.stop === 'criterion' ? ' (stopping criterion reached)' : outcome.stop === 'max-epochs' ? ' (maximum epochs)' : '';
  io.out(`epoch ${simulation.epoch}  ${TSS_AFTER} ${pass.tss.toPrecision(6)}  correct ${(pass.fractionCorrect * 100).toFixed(0)}%${why}\n`);
  // Stopped with patterns still wrong, or at the criterion: the engine's own words say which and how many.
  if (outcome.message && outcome.stop !== 'diverged') io.out(`${outcome.message}\n`);
  if (values.log) await writeCurve(values.log, simulation);
  if (values.out) await writeModelFile(values.out, simulation.toModel(), true);
  else io.err('(the trained model was not saved: add --out FILE)\n');
  if (outcome.stop === 'diverged') {
    io.err(`${outcome.message}\n`);
    return 3;
  }
  return 0;
}

/** After Ctrl-C: what was reached goes to --out (and --log), and stderr says where. */
async function saveInterrupted(simulation: TrainingRun, values: { out?: string; log?: string }, io: CliIo): Promise<number> {
  if (values.log) await writeCurve(values.log, simulation);
  if (values.out) await writeModelFile(values.out, simulation.toModel(), true);
  io.err(`interrupted at epoch ${simulation.epoch}; ${values.out ? `saved to ${terminalLine(values.out)}` : 'not saved (add --out FILE to keep an interrupted run)'}\n`);
  return INTERRUPTED_EXIT_CODE;
}

async function writeCurve(path: string, simulation: TrainingRun): Promise<void> {
  try {
    await writeFile(path, learningCurveCsv(modelLearningCurve(simulation.toModel())));
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

/** --snapshots K (every K epochs) or log (0, 1, 2, 5, 10, 20, 50, …). */
function snapshotSchedule(value: string | undefined): SnapshotSchedule | undefined {
  if (value === undefined) return undefined;
  if (value === 'log') return { kind: 'log' };
  if (!/^\d+$/.test(value.trim())) throw new CliError(`--snapshots must be a whole number of epochs K (a snapshot every K) or "log", not "${terminalLine(value)}"`);
  return { kind: 'every', epochs: wholeNumber(value, 'snapshots', 1, MAX_EPOCHS)! };
}
