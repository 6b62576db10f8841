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
  /** Per output layer: a row of its width for one pattern's targets (outputDeltas reads rows of one layer's width). */
  private readonly targetRows: Float64Array[];
  /** Whether the pattern of the last deltas() was correct within the margin. */
  correct = true;

  constructor(private readonly net: GraphNetwork) {
    let offset = 0;
    this.targetOffsets = net.outputs.map((g) => {
      const at = offset;
      offset += net.sizes[g];
      return at;
    });
    this.targetRows = net.outputs.map((g) => new Float64Array(net.sizes[g]));
  }

  /** After the forward pass on pattern p: each output layer's loss term into its δ; the pss (and whether p is correct, in `correct`). */
  deltas(loss: LossCode, data: PatternSet, p: number, margin: number): number {
    const net = this.net;
    let pss = 0;
    let correct = true;
    for (let k = 0; k < net.outputs.length; k++) {
      const g = net.outputs[k];
      const targets = this.targetRows[k];
      const units = targets.length;
      for (let i = 0, at = p * net.outputUnits + this.targetOffsets[k]; i < units; i++, at++) targets[i] = data.targets[at];
      outputDeltas(loss, net.codes[g], net.net[g], net.act[g], targets, null, 0, net.delta[g], 1, units, margin, this.pssRow, this.correctRow);
      pss += this.pssRow[0];
      if (this.correctRow[0] === 0) correct = false;
    }
    this.correct = correct;
    return pss;
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
