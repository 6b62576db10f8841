/** When a run stops, and what it says about it. */
import type { TrainingSettings } from '../model/schema';
import { TSS_AFTER, TSS_DURING } from '../tss-names';
import type { TestPass } from './test-pass';

/**
 * Why a run stops: the engine's own reasons after an epoch (the error criterion or all correct, the maximum
 * epochs, divergence), and the trainer's (a step's epochs done, a pause asked for). The trainer protocol's
 * schema is built from this list.
 */
export const STOP_REASONS = ['criterion', 'max-epochs', 'diverged', 'step-done', 'paused'] as const;
export type StopReason = (typeof STOP_REASONS)[number];

/** Where a run stopped: its epoch and, for a criterion, that epoch's tss and the settings that decided. */
export interface StopPoint {
  epoch: number;
  tss?: number | null;
  settings?: Pick<TrainingSettings, 'errorCriterion' | 'margin'>;
}

/**
 * The sentence the app and the command line say about a stop. A divergence's sentence names the layer that
 * overflowed (engine/divergence.ts), which only the run knows: here it is the general one.
 */
export function describeStop(reason: StopReason, { epoch, tss, settings }: StopPoint): string {
  switch (reason) {
    case 'criterion':
      // The error criterion is checked first (stopAfterEpoch), so a tss below it is why the run stopped.
      if (!settings) return `Stopped at epoch ${epoch}: the stopping criterion was met.`;
      return settings.errorCriterion > 0 && tss != null && tss < settings.errorCriterion
        ? `Stopped at epoch ${epoch}: ${TSS_DURING} ${tss.toPrecision(4)} fell below the error criterion ${settings.errorCriterion}.`
        : `Stopped at epoch ${epoch}: every output of every pattern was within ${settings.margin} of its target.`;
    case 'max-epochs':
      return `Stopped at epoch ${epoch}, the maximum set for this model.`;
    case 'diverged':
      return `Stopped at epoch ${epoch}: the run diverged.`;
    case 'step-done':
      return `Stepped to epoch ${epoch}.`;
    case 'paused':
      return `Paused at epoch ${epoch}.`;
  }
}

export interface AdvanceOutcome {
  /** Pattern presentations done in this call. */
  presented: number;
  /** Why training must stop, or null when the budget or the requested epoch ran out first. */
  stop: StopReason | null;
  /** What happened, for a criterion or a divergence (naming the epoch and the layer); null otherwise. */
  message: string | null;
}

/**
 * After epoch `epoch`, whose tss and number of correct patterns (of `patternCount`) were summed while training
 * it. `afterEpoch` is a test pass with the weights the run keeps, asked for only when a stop needs it.
 */
export function stopAfterEpoch(
  settings: TrainingSettings, epoch: number, tss: number, correct: number, patternCount: number, afterEpoch: () => TestPass,
): { stop: StopReason; message: string | null } | null {
  const { errorCriterion, maxEpochs, stopWhenAllCorrect, margin } = settings;
  // The criterion is PDPTool's ecrit: the tss summed during the epoch's updates, which costs nothing. The
  // exact figure after the epoch (what the readouts show once stopped) is a test pass, named beside it.
  if (errorCriterion > 0 && tss < errorCriterion) {
    const after = afterEpoch();
    return {
      stop: 'criterion',
      message: `Stopped at epoch ${epoch}: ${TSS_DURING} ${tss.toPrecision(4)} fell below the error criterion ${errorCriterion} ` +
        `(${TSS_AFTER} ${after.tss.toPrecision(4)})${stillWrong(after, margin)}.`,
    };
  }
  // Online, a pattern right when it was presented can be wrong again by the epoch's end: "every pattern
  // correct" must hold for the weights the run keeps, so the count during the epoch is checked by a test
  // pass (only at the epochs where that count is complete).
  if (stopWhenAllCorrect && correct === patternCount && afterEpoch().fractionCorrect === 1) {
    return { stop: 'criterion', message: `Stopped at epoch ${epoch}: every output of every pattern was within ${margin} of its target.` };
  }
  if (epoch >= maxEpochs) return { stop: 'max-epochs', message: maximumMessage(epoch, afterEpoch(), margin) };
  return null;
}

/** Why a run stands still at its maximum number of epochs, and how many patterns it left wrong. */
export function maximumMessage(epoch: number, afterEpoch: TestPass, margin: number): string {
  return `Stopped at epoch ${epoch}, the maximum set for this model${stillWrong(afterEpoch, margin)}.`;
}

/** "; only 3 of 4 patterns correct (…)" when a stop leaves patterns wrong: "Stopped" beside a wrong answer misleads. */
function stillWrong(pass: TestPass, margin: number): string {
  const count = pass.patterns.length;
  const correct = pass.patterns.filter((p) => p.correct).length;
  return correct === count ? '' : `; only ${correct} of ${count} patterns correct (within ${margin} of their targets)`;
}
