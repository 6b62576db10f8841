/**
 * The pattern grid's value columns, layer by layer: a pattern's input is its input layers' values in layer
 * order, its target its output layers' (model/graph.ts), so a graph's grid has a block of columns per input
 * layer and per output layer, each headed by the layer's name (Item | Relation → Attributes). A chain has
 * one block each side, headed as it always was. Messages name a column by its layer and unit.
 */
import { englishList } from '../../src-shared/english-list';
import { networkGraph } from '../../src-shared/model/graph';
import type { LayerSpec, ModelDocument } from '../../src-shared/model/schema';

/** How many input and target values a pattern of this network has; a graph's several layers named (`item and relation`). */
export interface PatternSizes {
  inputs: number;
  outputs: number;
  inputLayers?: string;
  outputLayers?: string;
}

export function patternSizes(model: Pick<ModelDocument, 'layers' | 'projections'>): PatternSizes {
  const { inputs, outputs } = networkGraph(model);
  const sum = (layers: readonly number[]) => layers.reduce((total, g) => total + model.layers[g].units, 0);
  const names = (layers: readonly number[]) => (layers.length > 1 ? { words: englishList(layers.map((g) => model.layers[g].name)) } : null);
  const inputNames = names(inputs);
  const outputNames = names(outputs);
  return {
    inputs: sum(inputs),
    outputs: sum(outputs),
    ...(inputNames ? { inputLayers: inputNames.words } : {}),
    ...(outputNames ? { outputLayers: outputNames.words } : {}),
  };
}


/** One layer's columns: values `start` … `start + width − 1` counted from the first input (0) through the targets. */
export interface ColumnBlock {
  layer: number;
  name: string;
  role: 'input' | 'target';
  start: number;
  width: number;
}

/**
 * The blocks of a grid `shape` wide: each input layer's units, then each output layer's. Columns past the
 * layers' units (a pattern wider than the network, which the validator flags) belong to the last block.
 */
export function columnBlocks(model: Pick<ModelDocument, 'layers' | 'projections'>, shape: { inputs: number; targets: number }): ColumnBlock[] {
  const graph = networkGraph(model);
  const side = (layers: readonly number[], role: ColumnBlock['role'], first: number, total: number): ColumnBlock[] => {
    let start = first;
    return layers.map((g, k) => {
      const width = k === layers.length - 1 ? Math.max(0, first + total - start) : model.layers[g].units;
      const block = { layer: g, name: model.layers[g].name, role, start, width };
      start += width;
      return block;
    });
  };
  return [...side(graph.inputs, 'input', 0, shape.inputs), ...side(graph.outputs, 'target', shape.inputs, shape.targets)];
}

/** Whether the grid shows a block per layer (a graph's several input or output layers) rather than a chain's two sides. */
export function hasLayerBlocks(model: Pick<ModelDocument, 'layers' | 'projections'>): boolean {
  return !networkGraph(model).isChain;
}

/** The column heads, one per value: a unit's name, else a chain's `in k` / `out k` or a graph's unit number within its layer. */
export function columnHeads(model: Pick<ModelDocument, 'layers' | 'projections'>, shape: { inputs: number; targets: number }): string[] {
  const blocks = hasLayerBlocks(model);
  return columnBlocks(model, shape).flatMap((block) => {
    const layer: LayerSpec = model.layers[block.layer];
    const stem = block.role === 'input' ? 'in' : 'out';
    return Array.from({ length: block.width }, (_, k) => layer.unitNames?.[k] || (blocks ? String(k + 1) : `${stem} ${k + 1}`));
  });
}

/** A value column as a message names it: its head, and for a graph its layer first ("relation isa", "item 3"). */
export function columnName(model: Pick<ModelDocument, 'layers' | 'projections'>, shape: { inputs: number; targets: number }, column: number): string {
  const head = columnHeads(model, shape)[column] ?? `column ${column + 1}`;
  if (!hasLayerBlocks(model)) return head;
  const block = columnBlocks(model, shape).find((b) => column >= b.start && column < b.start + b.width);
  return block ? `${block.name} ${head}` : head;
}
