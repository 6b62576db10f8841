/**
 * A training run as the lecture writes it, pattern by pattern and update by update (docs/science.md,
 * "The learning rules" and "Updates"): the definition the engine's fast paths are held to bit for bit
 * (test/unit/engine/reference.test.ts). No checkpoints, no divergence handling, no history thinning: the
 * engine adds those around the same arithmetic.
 */
import type { ModelDocument, TrainingSettings } from '../../model/schema';
import { RandomStream } from '../rng';
import { outputDelta } from './losses';
import { ReferenceNetwork } from './network';
import { step } from './optimizer';

/** What a run starts from: each projection's weights, each layer's bias (index 0 unused), and F per projection (feedback alignment). */
export interface StartingPoint {
  weights: readonly Float64Array[];
  biases: readonly Float64Array[];
  feedback: readonly Float64Array[] | null;
}

export class ReferenceRun {
  readonly network: ReferenceNetwork;
  /** ΔW(t−1) per projection and Δb(t−1) per layer; the gradient summed so far in the update under way. */
  readonly weightChange: Float64Array[];
  readonly biasChange: Float64Array[];
  private readonly weightGradient: Float64Array[];
  private readonly biasGradient: Float64Array[];
  private readonly order: RandomStream;
  private readonly feedback: readonly Float64Array[] | null;
  readonly tssHistory: number[] = [];

  constructor(private readonly model: ModelDocument, start: StartingPoint) {
    this.network = ReferenceNetwork.chain(model.layers.map((layer, i) => ({
      units: layer.units, activation: i === 0 ? 'linear' : layer.activation, bias: i > 0 && layer.bias, learns: i > 0 && layer.learn !== false,
    })));
    this.network.projections.forEach((p, q) => p.weights.set(start.weights[q]));
    for (let i = 1; i < model.layers.length; i++) this.network.b[i].set(start.biases[i]);
    this.feedback = start.feedback;
    this.weightChange = this.network.projections.map((p) => new Float64Array(p.weights.length));
    this.biasChange = this.network.b.map((b) => new Float64Array(b.length));
    this.weightGradient = this.network.projections.map((p) => new Float64Array(p.weights.length));
    this.biasGradient = this.network.b.map((b) => new Float64Array(b.length));
    this.order = RandomStream.forSeed(model.training.seed, 'order');
  }

  private get settings(): TrainingSettings {
    return this.model.training;
  }

  /** One epoch; returns its tss, each pattern's pss summed at its forward pass. */
  epoch(): number {
    const { update, batchSize, order } = this.settings;
    const P = this.model.patterns.length;
    const sequence = Uint32Array.from({ length: P }, (_, i) => i);
    if (order === 'permuted') this.order.shuffle(sequence);
    const m = update === 'online' ? 1 : update === 'batch' ? P : Math.min(batchSize, P);
    let tss = 0;
    for (let first = 0; first < P; first += m) {
      const patterns = sequence.subarray(first, Math.min(first + m, P));
      patterns.forEach((p, i) => {
        tss += this.present(p);
        this.addGradient(i === 0);
      });
      this.update();
    }
    this.tssHistory.push(tss);
    return tss;
  }

  /** The forward pass, the output delta and the deltas flowing back; returns the pattern's pss. */
  private present(p: number): number {
    const net = this.network;
    const pattern = this.model.patterns[p];
    const D = net.layers.length - 1;
    net.forward(pattern.input);
    const { pss } = outputDelta(this.settings.loss, net.layers[D].activation, net.n[D], net.h[D], pattern.target.map((t) => t ?? Number.NaN),
      this.settings.margin, net.delta[D]);
    net.backward(this.settings.rule === 'feedback-alignment' ? this.feedback! : net.projections.map((q) => q.weights));
    return pss;
  }

  /** g += δ_to h_fromᵀ per projection and g_b += δ per layer; the update's first pattern starts the sums. */
  private addGradient(first: boolean): void {
    const net = this.network;
    net.projections.forEach((p, q) => {
      const g = this.weightGradient[q];
      const d = net.delta[p.to];
      const h = net.h[p.from];
      for (let r = 0; r < d.length; r++) {
        for (let c = 0; c < h.length; c++) g[r * h.length + c] = first ? d[r] * h[c] : g[r * h.length + c] + d[r] * h[c];
      }
    });
    for (let i = 1; i < net.layers.length; i++) {
      const gb = this.biasGradient[i];
      for (let r = 0; r < gb.length; r++) gb[r] = first ? net.delta[i][r] : gb[r] + net.delta[i][r];
    }
  }

  private update(): void {
    const net = this.network;
    net.projections.forEach((p, q) => {
      if (net.layers[p.to].learns) step(p.weights, this.weightChange[q], this.weightGradient[q], this.settings);
    });
    for (let i = 1; i < net.layers.length; i++) {
      if (net.layers[i].learns && net.layers[i].bias) step(net.b[i], this.biasChange[i], this.biasGradient[i], this.settings, 0);
    }
  }
}
