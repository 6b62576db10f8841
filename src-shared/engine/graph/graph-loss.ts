/**
 * The loss at a graph network's output layers for one pattern: each output layer's δ of the loss alone
 * (../losses.ts), the pattern's pss and whether it is correct, or its loss L. A pattern's target row holds
 * every output layer's targets, concatenated in layer order.
 */
import { outputDeltas, patternLoss, type LossCode } from '../losses';
import type { PatternSet } from '../patterns';
import type { GraphNetwork } from './graph-network';

export class GraphOutputLoss {
  /** Per output layer: its offset in a pattern's target row. */
  private readonly targetOffsets: number[];
  private readonly pssRow = new Float64Array(1);
  private readonly correctRow = new Uint8Array(1);
  /** One output layer's targets for one pattern (outputDeltas reads rows of one layer's width). */
  private readonly targetRow: Float64Array;

  constructor(private readonly net: GraphNetwork) {
    let offset = 0;
    this.targetOffsets = net.outputs.map((g) => {
      const at = offset;
      offset += net.sizes[g];
      return at;
    });
    this.targetRow = new Float64Array(Math.max(...net.outputs.map((g) => net.sizes[g])));
  }

  /** After the forward pass on pattern p: each output layer's loss term into its δ; the pss and whether p is correct. */
  deltas(loss: LossCode, data: PatternSet, p: number, margin: number): { pss: number; correct: boolean } {
    const net = this.net;
    let pss = 0;
    let correct = true;
    net.outputs.forEach((g, k) => {
      const units = net.sizes[g];
      const start = p * net.outputUnits + this.targetOffsets[k];
      const targets = this.targetRow.subarray(0, units);
      targets.set(data.targets.subarray(start, start + units));
      outputDeltas(loss, net.codes[g], net.net[g], net.act[g], targets, null, 0, net.delta[g], 1, units, margin, this.pssRow, this.correctRow);
      pss += this.pssRow[0];
      if (this.correctRow[0] === 0) correct = false;
    });
    return { pss, correct };
  }

  /** After the forward pass on pattern p: its loss L over every output layer. */
  loss(loss: LossCode, data: PatternSet, p: number): number {
    const net = this.net;
    let L = 0;
    net.outputs.forEach((g, k) => {
      const start = p * net.outputUnits + this.targetOffsets[k];
      L += patternLoss(loss, net.codes[g], net.net[g], net.act[g], data.targets.subarray(start, start + net.sizes[g]));
    });
    return L;
  }
}
