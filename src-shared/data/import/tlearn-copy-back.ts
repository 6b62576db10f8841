/**
 * tlearn's copy-back connections (`8-10 from 1-3 = 1. & 1. fixed one-to-one`, the context nodes linear):
 * Elman's context units, each holding a copy of one node from the previous sweep with weight 1 that never
 * learns. They become a context layer and a copy link (model/recurrence.ts). Anything else fixed or
 * one-to-one is not a copy-back, and the caller refuses it.
 */
import type { ConnectionStatement, NodeRef, TlearnConfigText } from './tlearn-cf-parse';

type Refuse = (statement: ConnectionStatement | TlearnConfigText['nodesLine'], construct: string, advice?: string) => never;

export interface CopyBack {
  /** The context nodes, in order, and the node each copies. */
  context: number[];
  sources: number[];
  statement: ConnectionStatement;
}

const indexOf = (ref: NodeRef) => (ref.kind === 'bias' ? 0 : ref.index);

function isCopyBack(c: ConnectionStatement): boolean {
  return c.fixed && c.oneToOne && c.from.every((s) => s.kind === 'node') && c.to.every((d) => d.kind === 'node');
}

/** The copy-back statements, checked, and the configuration without them. */
export function splitCopyBacks(cf: TlearnConfigText, refuse: Refuse): { cf: TlearnConfigText; copies: CopyBack[] } {
  const copies: CopyBack[] = [];
  const linear = new Set(cf.linear?.nodes ?? []);
  for (const c of cf.connections.filter(isCopyBack)) {
    if (!c.range || c.range.min !== 1 || c.range.max !== 1) {
      refuse(c, 'a fixed one-to-one connection whose weight is not exactly 1 (`= 1. & 1.`)', 'A copy-back copies each node with weight 1; other fixed weights cannot be built');
    }
    if (c.from.length !== c.to.length) refuse(c, `a one-to-one connection from ${c.from.length} nodes to ${c.to.length}`, 'Each context node copies one node');
    const context = c.to.map(indexOf);
    const nonLinear = context.find((n) => !linear.has(n));
    if (nonLinear !== undefined) refuse(c, `context node ${nonLinear} is not linear`, 'A context node holds a copy: list it under `linear =` in SPECIAL');
    copies.push({ context, sources: c.from.map(indexOf), statement: c });
  }
  const contextNodes = new Set(copies.flatMap((copy) => copy.context));
  for (const c of cf.connections) {
    if (isCopyBack(c)) continue;
    const into = c.to.find((d) => d.kind === 'node' && contextNodes.has(d.index));
    if (!into) continue;
    if (c.from.every((s) => s.kind === 'bias')) refuse(c, `a bias into context node ${indexOf(into)}`, biasAdvice(c, contextNodes));
    const what = c.from.some((s) => s.kind === 'bias') ? 'a bias' : 'a connection';
    refuse(c, `${what} into context node ${indexOf(into)}`, 'A context node holds an exact copy of the node it copies: it receives nothing else (remove it from this line)');
  }
  if (cf.outputNodes.some((n) => contextNodes.has(n))) refuse(cf.outputsLine as ConnectionStatement, 'a context node is listed as an output node');
  return { cf: { ...cf, connections: cf.connections.filter((c) => !isCopyBack(c)) }, copies };
}

/**
 * Why a bias into a context node cannot be built, and the line to write instead. tlearn gives a node an
 * error only from the higher-numbered nodes it feeds (comp_backprop); a context node feeds lower-numbered
 * ones, so its error is 0 and its bias never learns: the context holds the copy plus a fixed random offset
 * from ±weight_limit. The app's context layer holds the exact copy and has no bias.
 */
function biasAdvice(c: ConnectionStatement, contextNodes: ReadonlySet<number>): string {
  const kept = c.to.map(indexOf).filter((n) => !contextNodes.has(n));
  const instead = kept.length > 0 ? `write \`${nodeRanges(kept)} from 0\`` : 'remove this line';
  return 'tlearn never trains a bias into a context node (a node learns only from the higher-numbered nodes it feeds, and a context node feeds lower-numbered ones), ' +
    'so its context would hold the copy plus a fixed random offset; a context layer here holds the exact copy and has no bias. ' +
    `To bias the other nodes only, as the tlearn manual's Elman networks do, ${instead}`;
}

/** Node numbers as tlearn lists them: `1-7`, `1-3,5`. */
function nodeRanges(nodes: readonly number[]): string {
  const sorted = [...new Set(nodes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join(',');
}
