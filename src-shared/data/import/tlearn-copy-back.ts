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
    if (into) {
      const what = c.from.some((s) => s.kind === 'bias') ? 'a bias' : 'a connection';
      refuse(c, `${what} into context node ${indexOf(into)}`, 'A context node holds an exact copy of the node it copies: it receives nothing else (remove it from this line)');
    }
  }
  if (cf.outputNodes.some((n) => contextNodes.has(n))) refuse(cf.outputsLine as ConnectionStatement, 'a context node is listed as an output node');
  return { cf: { ...cf, connections: cf.connections.filter((c) => !isCopyBack(c)) }, copies };
}
