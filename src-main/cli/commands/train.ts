/**
 * `train FILE [--epochs N] [--seed N] [--out FILE] [--log CURVE.csv]`: continues training from the weights
 * and random-stream state the file holds, exactly as the app would.
 */
import { writeFile } from 'node:fs/promises';
import { learningCurveCsv, modelLearningCurve } from '../../../src-shared/data/export/learning-curve-csv';
import { Simulation } from '../../../src-shared/engine/simulation';
import { describeStop } from '../../../src-shared/engine/stopping';
import { MAX_EPOCHS } from '../../../src-shared/model/schema';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import { readModelFile, writeModelFile } from '../model-file';
import { onlyFile, parseOptions, wholeNumber } from '../options';
import { INTERRUPTED_EXIT_CODE } from '../interrupt';
import { createProgress } from '../progress';
import { terminalLine } from '../terminal-text';

const usage = 'train FILE [--epochs N] [--seed N] [--out FILE] [--log CURVE.csv]';
/** Patterns presented between two looks at the clock. */
const CHUNK = 4096;

export async function trainCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    epochs: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    log: { type: 'string' },
  }, usage);
  const file = onlyFile(positionals, usage);
  const epochs = wholeNumber(values.epochs, 'epochs', 1, 1e9);
  const seed = wholeNumber(values.seed, 'seed', 0, 0xffff_ffff);
  const simulation = new Simulation(await readModelFile(file));
  // A new seed means that seed's initial weights: the run starts over.
  if (seed !== undefined) simulation.configure({ seed });
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
  io.out(`epoch ${simulation.epoch}  tss ${pass.tss.toPrecision(6)}  correct ${(pass.fractionCorrect * 100).toFixed(0)}%\n`);
  // The app's own sentence for why the run stopped; a divergence is told on stderr below.
  if (outcome.stop === 'criterion' || outcome.stop === 'max-epochs') io.out(`${outcome.message ?? describeStop(outcome.stop, { epoch: simulation.epoch, tss: simulation.lastEpochTss, settings: simulation.settings })}\n`);
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
async function saveInterrupted(simulation: Simulation, values: { out?: string; log?: string }, io: CliIo): Promise<number> {
  if (values.log) await writeCurve(values.log, simulation);
  if (values.out) await writeModelFile(values.out, simulation.toModel(), true);
  io.err(`interrupted at epoch ${simulation.epoch}; ${values.out ? `saved to ${terminalLine(values.out)}` : 'not saved (add --out FILE to keep an interrupted run)'}\n`);
  return INTERRUPTED_EXIT_CODE;
}

async function writeCurve(path: string, simulation: Simulation): Promise<void> {
  try {
    await writeFile(path, learningCurveCsv(modelLearningCurve(simulation.toModel())));
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
