/**
 * Feedback alignment's two angles for one hidden projection W^j and its fixed feedback matrix F^j
 * (science.md, "Feedback alignment"; Lillicrap et al., 2016, Fig. 2), in degrees:
 * the signal angle between (W^j)ᵀ δ_{j+1} and (F^j)ᵀ δ_{j+1}, averaged over an epoch's patterns (those whose
 * δ_{j+1} is zero skipped), and the weight angle between vec(W^j) and vec(F^j). Both take plain arrays, so
 * the deltas can come from a live run or a snapshot.
 */

function angleDegrees(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  if (aa === 0 || bb === 0) return null;
  // Rounding can carry the cosine a hair past ±1, where acos is NaN.
  return (Math.acos(Math.max(-1, Math.min(1, ab / Math.sqrt(aa * bb)))) * 180) / Math.PI;
}

/** The angle between vec(W) and vec(F); null when either is all zeros. */
export function weightAngle(W: ArrayLike<number>, F: ArrayLike<number>): number | null {
  if (W.length !== F.length) throw new Error(`W has ${W.length} entries and F ${F.length}: they must have the same shape`);
  return angleDegrees(W, F);
}

/** Bᵀ δ for row-major B (rows × cols). */
function sentBack(B: ArrayLike<number>, delta: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const out = new Float64Array(cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c] += B[r * cols + c] * delta[r];
  return out;
}

/**
 * The mean over patterns of the angle between Wᵀ δ and Fᵀ δ (W, F row-major, rows × cols; one δ_{j+1} of
 * `rows` entries per pattern). Null, with how many were skipped, when no pattern has a usable angle.
 */
export function signalAngle(
  W: ArrayLike<number>, F: ArrayLike<number>, rows: number, cols: number, deltas: readonly ArrayLike<number>[],
): { degrees: number | null; patternsUsed: number } {
  if (W.length !== rows * cols || F.length !== rows * cols) throw new Error(`W and F must both have ${rows} × ${cols} entries`);
  let sum = 0;
  let used = 0;
  for (const delta of deltas) {
    if (delta.length !== rows) throw new Error(`a delta has ${delta.length} entries, the projection's receiving layer ${rows}`);
    const angle = angleDegrees(sentBack(W, delta, rows, cols), sentBack(F, delta, rows, cols));
    if (angle === null) continue;
    sum += angle;
    used++;
  }
  return { degrees: used === 0 ? null : sum / used, patternsUsed: used };
}

export interface ProjectionAngles {
  /** W^j carries hidden layer j to layer j + 1; its deltas δ_{j+1} go back to layer j. */
  projection: number;
  signalAngle: number | null;
  weightAngle: number | null;
}

/** What the two angles need from a run: the forward weights, the matrices deltas go back through, each pattern's deltas. */
export interface AngleSource {
  network: { sizes: readonly number[]; weights: readonly Float64Array[] };
  backwardMatrix(j: number): Float64Array;
  patternCount: number;
  inspect(p: number): { layers: { delta: number[] | null }[] };
}

/** Both angles for every projection that sends deltas back into a hidden layer (j = 1 … D − 1), over the training patterns. */
export function feedbackAlignmentAngles(run: AngleSource): ProjectionAngles[] {
  const { sizes, weights } = run.network;
  const deltas = Array.from({ length: run.patternCount }, (_, p) => run.inspect(p).layers.map((layer) => layer.delta));
  const angles: ProjectionAngles[] = [];
  for (let j = 1; j + 1 < sizes.length; j++) {
    const F = run.backwardMatrix(j);
    angles.push({
      projection: j,
      signalAngle: signalAngle(weights[j], F, sizes[j + 1], sizes[j], deltas.map((layers) => layers[j + 1]!)).degrees,
      weightAngle: weightAngle(weights[j], F),
    });
  }
  return angles;
}
