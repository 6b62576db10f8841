/** When a run stops, and what it says about it. */
import type { TrainingSettings } from '../model/schema';

export type StopReason = 'criterion' | 'max-epochs' | 'diverged';

export interface AdvanceOutcome {
  /** Pattern presentations done in this call. */
  presented: number;
  /** Why training must stop, or null when the budget or the requested epoch ran out first. */
  stop: StopReason | null;
  /** What happened, for a criterion or a divergence (naming the epoch and the layer); null otherwise. */
  message: string | null;
}

/** After epoch `epoch`, whose tss and number of correct patterns (of `patternCount`) were summed while training it. */
export function stopAfterEpoch(
  settings: TrainingSettings, epoch: number, tss: number, correct: number, patternCount: number,
): { stop: StopReason; message: string | null } | null {
  const { errorCriterion, maxEpochs, stopWhenAllCorrect, margin } = settings;
  if (errorCriterion > 0 && tss < errorCriterion) {
    return { stop: 'criterion', message: `Stopped at epoch ${epoch}: tss ${tss.toPrecision(4)} fell below the error criterion ${errorCriterion}.` };
  }
  if (stopWhenAllCorrect && correct === patternCount) {
    return { stop: 'criterion', message: `Stopped at epoch ${epoch}: every output of every pattern was within ${margin} of its target.` };
  }
  if (epoch >= maxEpochs) return { stop: 'max-epochs', message: null };
  return null;
}
