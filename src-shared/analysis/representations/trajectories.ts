/**
 * PCA trajectories (issue 15, point 2a): each point's path across training, every frame projected on one
 * basis — the PCA of the epoch shown (the last frame), so the paths end where the scatter's points are and
 * the axes do not turn between frames (pca.ts, projectOnBasis). The layer's points at the frames are found
 * once (framePoints) and projected again whenever the basis moves (projectFrames).
 */
import { layerGroups, layerPoints, type LayerModel } from './layer-points';
import type { Frame } from './over-training';
import { projectOnBasis, type PcaBasis } from './pca';

export interface FramePoints {
  labels: string[];
  epochs: number[];
  /** rows[frame][point]: the layer's activations. */
  rows: number[][][];
}

export interface Trajectories {
  labels: string[];
  /** The frames' epochs, oldest first. */
  epochs: number[];
  /** paths[point][frame]: [PC1, PC2] of that point at that frame (0 for a component the basis lacks). */
  paths: [number, number][][];
}

/** Layer `layer`'s points at each frame. */
export function framePoints(model: LayerModel, frames: readonly Frame[], layer: number): FramePoints {
  const grouped = layerGroups(model, layer);
  const rows = frames.map((frame) => layerPoints(model, frame.all, layer, grouped).rows);
  return { labels: grouped.labels, epochs: frames.map((frame) => frame.epoch), rows };
}

/** The frames' points on `basis`, as paths per point. */
export function projectFrames(points: FramePoints, basis: PcaBasis): Trajectories {
  if (points.rows.length === 0) throw new Error('trajectories need at least one frame');
  const perFrame = points.rows.map((rows) => projectOnBasis(rows, basis));
  const paths = points.labels.map((_, p) => perFrame.map((scores): [number, number] => [scores[p][0] ?? 0, scores[p][1] ?? 0]));
  return { labels: points.labels, epochs: points.epochs, paths };
}

/** Layer `layer`'s points at each frame on `basis` (found from the layer's points at the last frame). */
export function pcaTrajectories(model: LayerModel, frames: readonly Frame[], layer: number, basis: PcaBasis): Trajectories {
  return projectFrames(framePoints(model, frames, layer), basis);
}

/** The trajectories as tidy rows: epoch, pattern, PC1, PC2 (epoch by epoch, the points in order). */
export function trajectoryRows(trajectories: Trajectories): (string | number)[][] {
  return trajectories.epochs.flatMap((epoch, f) => trajectories.labels.map((label, p) => [epoch, label, trajectories.paths[p][f][0], trajectories.paths[p][f][1]]));
}
