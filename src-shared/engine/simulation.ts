/**
 * A training run: a network, its patterns and settings, and everything that makes continuing exact —
 * epoch, momentum terms, the pattern-order stream and where the run stands inside an epoch.
 */
import type { ModelDocument, NetworkState, TrainingSettings } from '../model/schema';
import { initializeWeights } from './init';
import { Network } from './network';
import { RandomStream } from './rng';

export type StopReason = 'criterion' | 'max-epochs' | 'diverged';

export interface AdvanceOutcome {
  /** Pattern presentations done in this call. */
  presented: number;
  /** Why training must stop, or null when the budget or the requested epoch ran out first. */
  stop: StopReason | null;
  /** For a divergence: what went wrong, naming the epoch and the layer. */
  message: string | null;
}

export interface PatternOutcome {
  name: string;
  output: number[];
  target: number[];
  pss: number;
  correct: boolean;
}

export interface TestPass {
  tss: number;
  fractionCorrect: number;
  patterns: PatternOutcome[];
}

interface EpochCursor {
  order: Uint32Array;
  position: number;
  tss: number;
  correct: number;
}

export class Simulation {
  readonly network: Network;
  private model: ModelDocument;
  private readonly inputs: Float64Array[];
  private readonly targets: Float64Array[];
  private weightMomentum: Float64Array[] = [];
  private biasMomentum: Float64Array[] = [];
  private orderStream!: RandomStream;
  private cursor: EpochCursor | null = null;
  /** Weights at the start of the epoch under way, restored if it diverges. */
  private readonly lastFiniteWeights: Float64Array[];
  private readonly lastFiniteBiases: Float64Array[];
  epoch = 0;
  readonly tssHistory: number[] = [];
  readonly correctHistory: number[] = [];

  constructor(model: ModelDocument) {
    this.model = model;
    this.network = new Network(model.layers);
    this.inputs = model.patterns.map((p) => Float64Array.from(p.input));
    this.targets = model.patterns.map((p) => Float64Array.from(p.target));
    this.lastFiniteWeights = this.network.weights.map((W) => new Float64Array(W.length));
    this.lastFiniteBiases = this.network.biases.map((b) => new Float64Array(b.length));
    if (model.state) this.restore(model.state);
    else this.reset();
  }

  get settings(): TrainingSettings {
    return this.model.training;
  }

  get patternCount(): number {
    return this.inputs.length;
  }

  get patternsIntoEpoch(): number {
    return this.cursor?.position ?? 0;
  }

  /** Back to the seed's initial weights: epoch 0, no momentum, the order stream from its start. */
  reset(): void {
    initializeWeights(this.network, this.settings);
    this.weightMomentum = this.network.weights.map((W) => new Float64Array(W.length));
    this.biasMomentum = this.network.biases.map((b) => new Float64Array(b.length));
    this.orderStream = RandomStream.forSeed(this.settings.seed, 'order');
    this.cursor = null;
    this.epoch = 0;
    this.tssHistory.length = 0;
    this.correctHistory.length = 0;
  }

  /**
   * New settings. A different seed or initialization means different initial weights, so it resets and
   * returns true.
   */
  configure(changes: Partial<TrainingSettings>): boolean {
    const before = this.settings;
    this.model = { ...this.model, training: { ...before, ...changes } };
    const after = this.settings;
    const needsReset = after.seed !== before.seed || JSON.stringify(after.init) !== JSON.stringify(before.init);
    if (needsReset) this.reset();
    return needsReset;
  }

  /** Why training cannot go on from here, before presenting anything. */
  stopBeforeTraining(): StopReason | null {
    return this.epoch >= this.settings.maxEpochs ? 'max-epochs' : null;
  }

  /**
   * Presents up to `budget` patterns, online. Stops early at the end of an epoch when a stopping criterion
   * holds, or once `untilEpoch` epochs are complete.
   */
  advance(budget: number, untilEpoch = Number.POSITIVE_INFINITY): AdvanceOutcome {
    let presented = 0;
    while (presented < budget) {
      const cursor = this.cursor ?? this.startEpoch();
      const count = this.inputs.length;
      while (cursor.position < count && presented < budget) {
        const p = cursor.order[cursor.position];
        const pss = this.present(p);
        if (!Number.isFinite(pss)) return this.diverge(presented);
        cursor.tss += pss;
        if (this.isCorrect(p)) cursor.correct++;
        cursor.position++;
        presented++;
      }
      if (cursor.position < count) break;
      this.finishEpoch(cursor);
      const stop = this.stopAfterEpoch();
      if (stop) return { presented, stop, message: null };
      if (this.epoch >= untilEpoch) break;
    }
    return { presented, stop: null, message: null };
  }

  /** Forward pass on every pattern with the current weights: the exact after-epoch figures. */
  testPass(): TestPass {
    const margin = this.settings.margin;
    let tss = 0;
    let correct = 0;
    const patterns = this.model.patterns.map((pattern, p) => {
      const output = Array.from(this.network.forward(this.inputs[p]));
      let pss = 0;
      let isCorrect = true;
      output.forEach((o, k) => {
        const e = pattern.target[k] - o;
        pss += e * e;
        if (Math.abs(e) > margin) isCorrect = false;
      });
      tss += pss;
      if (isCorrect) correct++;
      return { name: pattern.name, output, target: [...pattern.target], pss, correct: isCorrect };
    });
    return { tss, fractionCorrect: correct / patterns.length, patterns };
  }

  state(): NetworkState {
    const net = this.network;
    return {
      epoch: this.epoch,
      weights: net.weights.map((W, j) => toRows(W, net.sizes[j + 1], net.sizes[j])),
      biases: net.biases.map((b) => Array.from(b)),
      weightMomentum: this.weightMomentum.map((W, j) => toRows(W, net.sizes[j + 1], net.sizes[j])),
      biasMomentum: this.biasMomentum.map((b) => Array.from(b)),
      orderStream: this.orderStream.state(),
      cursor: this.cursor && {
        order: Array.from(this.cursor.order),
        position: this.cursor.position,
        tss: this.cursor.tss,
        correct: this.cursor.correct,
      },
      tssHistory: [...this.tssHistory],
      correctHistory: [...this.correctHistory],
    };
  }

  toModel(): ModelDocument {
    return { ...this.model, state: this.state() };
  }

  private restore(state: NetworkState): void {
    const net = this.network;
    state.weights.forEach((rows, j) => net.weights[j].set(rows.flat()));
    state.biases.forEach((b, j) => net.biases[j].set(b));
    this.weightMomentum = state.weightMomentum.map((rows) => Float64Array.from(rows.flat()));
    this.biasMomentum = state.biasMomentum.map((b) => Float64Array.from(b));
    this.orderStream = RandomStream.fromState(state.orderStream);
    this.cursor = state.cursor && {
      order: Uint32Array.from(state.cursor.order),
      position: state.cursor.position,
      tss: state.cursor.tss,
      correct: state.cursor.correct,
    };
    this.epoch = state.epoch;
    this.tssHistory.push(...state.tssHistory);
    this.correctHistory.push(...state.correctHistory);
  }

  private startEpoch(): EpochCursor {
    const order = new Uint32Array(this.inputs.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    if (this.settings.order === 'permuted') this.orderStream.shuffle(order);
    this.network.weights.forEach((W, j) => this.lastFiniteWeights[j].set(W));
    this.network.biases.forEach((b, j) => this.lastFiniteBiases[j].set(b));
    this.cursor = { order, position: 0, tss: 0, correct: 0 };
    return this.cursor;
  }

  private finishEpoch(cursor: EpochCursor): void {
    this.epoch++;
    this.tssHistory.push(cursor.tss);
    this.correctHistory.push(cursor.correct / this.inputs.length);
    this.cursor = null;
  }

  private stopAfterEpoch(): StopReason | null {
    const { errorCriterion, maxEpochs } = this.settings;
    if (errorCriterion > 0 && this.tssHistory[this.tssHistory.length - 1] < errorCriterion) return 'criterion';
    if (this.epoch >= maxEpochs) return 'max-epochs';
    return null;
  }

  /** One online backprop step on pattern p; returns its pss at the forward pass. */
  private present(p: number): number {
    const net = this.network;
    net.forward(this.inputs[p]);
    const pss = net.outputDeltaSquaredError(this.targets[p]);
    net.backpropagate();
    const { learningRate, momentum } = this.settings;
    for (let j = 0; j < net.depth; j++) {
      const rows = net.sizes[j + 1];
      const cols = net.sizes[j];
      const W = net.weights[j];
      const dW = this.weightMomentum[j];
      const h = net.act[j];
      const delta = net.delta[j + 1];
      for (let r = 0; r < rows; r++) {
        const step = -learningRate * delta[r];
        const offset = r * cols;
        for (let c = 0; c < cols; c++) {
          const change = step * h[c] + momentum * dW[offset + c];
          dW[offset + c] = change;
          W[offset + c] += change;
        }
      }
      if (net.hasBias[j + 1]) {
        const b = net.biases[j];
        const db = this.biasMomentum[j];
        for (let r = 0; r < rows; r++) {
          const change = -learningRate * delta[r] + momentum * db[r];
          db[r] = change;
          b[r] += change;
        }
      }
    }
    return pss;
  }

  private isCorrect(p: number): boolean {
    const o = this.network.output;
    const t = this.targets[p];
    const margin = this.settings.margin;
    for (let k = 0; k < o.length; k++) if (Math.abs(t[k] - o[k]) > margin) return false;
    return true;
  }

  private diverge(presented: number): AdvanceOutcome {
    const layer = this.firstNonFiniteLayer();
    this.network.weights.forEach((W, j) => W.set(this.lastFiniteWeights[j]));
    this.network.biases.forEach((b, j) => b.set(this.lastFiniteBiases[j]));
    this.weightMomentum.forEach((m) => m.fill(0));
    this.biasMomentum.forEach((m) => m.fill(0));
    this.cursor = null;
    const where = layer === null ? 'the output error' : `the weights into layer ${layer} (${this.model.layers[layer].name})`;
    return {
      presented,
      stop: 'diverged',
      message: `Training diverged in epoch ${this.epoch + 1}: ${where} became NaN or infinite. ` +
        `The weights from the end of epoch ${this.epoch} are kept; try a smaller learning rate.`,
    };
  }

  private firstNonFiniteLayer(): number | null {
    const net = this.network;
    for (let j = 0; j < net.depth; j++) {
      if (!net.weights[j].every(Number.isFinite) || !net.biases[j].every(Number.isFinite)) return j + 1;
    }
    return null;
  }
}

function toRows(values: Float64Array, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) out.push(Array.from(values.subarray(r * cols, (r + 1) * cols)));
  return out;
}
