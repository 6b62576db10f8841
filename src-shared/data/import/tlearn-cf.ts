/**
 * From a tlearn .cf file to the app's layer list — but only when the connections really form one: fully
 * connected consecutive layers, bias from node 0, logistic or linear units. Anything else tlearn can
 * express (copy-back context units, recurrence, shared or fixed weights, bipolar units, skip connections)
 * is refused with the line and the construct named, never approximated by a different network.
 */
import type { LayerSpec, TrainingSettings } from '../../model/schema';
import { MAX_LAYERS } from '../../model/schema';
import { ImportError, UNNAMED_FILE } from './import-error';
import { parseTlearnConfig, type ConnectionStatement, type Statement, type TlearnConfigText } from './tlearn-cf-parse';

export interface TlearnNetwork {
  layers: LayerSpec[];
  /** What the .cf says about training: the initial weight range, from `weight_limit`. */
  training: Partial<Pick<TrainingSettings, 'init'>>;
  /** tlearn's name for each unit, layer by layer: `i1` … for inputs, `node3` … for the rest. */
  unitNames: string[][];
  warnings: string[];
}

/** A unit as the analysis sees it: an input (0-based) or a node (1-based, tlearn's numbering). */
type Unit = `i${number}` | `n${number}`;

export function importTlearnConfig(text: string, options: { file?: string } = {}): TlearnNetwork {
  const file = options.file ?? UNNAMED_FILE;
  const cf = parseTlearnConfig(text, file);
  const refuse = (statement: Statement, construct: string, advice = ''): never => {
    throw new ImportError(file, statement.line, 1, `${construct}: line ${statement.line} \`${statement.text}\`${advice ? `. ${advice}` : ''}`);
  };
  refuseUnsupported(cf, refuse);
  const sources = sourcesOf(cf, refuse);
  const layers = placeNodes(cf, sources, refuse);
  checkFullConnections(cf, sources, layers, refuse);
  const hasBias = biasPerLayer(sources, layers, refuse);
  const linear = new Set(cf.linear?.nodes ?? []);
  const specs: LayerSpec[] = [{ kind: 'input', name: 'input', units: cf.inputs, activation: 'linear', bias: false }];
  layers.forEach((nodes, k) => {
    const linearCount = nodes.filter((n) => linear.has(n)).length;
    if (linearCount > 0 && linearCount < nodes.length) {
      refuse(cf.linear!, 'a layer that mixes linear and logistic units is not supported', `Nodes ${nodes.join(', ')} form one layer; make all of them linear or none`);
    }
    const last = k === layers.length - 1;
    specs.push({
      kind: last ? 'output' : 'hidden',
      name: last ? 'output' : layers.length > 2 ? `hidden ${k + 1}` : 'hidden',
      units: nodes.length,
      activation: linearCount > 0 ? 'linear' : 'logistic',
      bias: hasBias[k],
    });
  });
  const unitNames = [Array.from({ length: cf.inputs }, (_, i) => `i${i + 1}`), ...layers.map((nodes) => nodes.map((n) => `node${n}`))];
  return { layers: specs, unitNames, ...initialWeights(cf) };
}

type Refuse = (statement: Statement, construct: string, advice?: string) => never;
type Sources = Map<number, Map<Unit | 'bias', ConnectionStatement>>;

/** The constructs the app cannot build at all, most recognisable first. */
function refuseUnsupported(cf: TlearnConfigText, refuse: Refuse): void {
  const later = (c: ConnectionStatement) => c.from.some((s) => s.kind === 'node' && c.to.some((d) => d.kind === 'node' && s.index >= d.index));
  const copyBack = cf.connections.find((c) => c.fixed && c.oneToOne && c.from.every((s) => s.kind === 'node'));
  if (copyBack) refuse(copyBack, 'tlearn copy-back (recurrent) connections are not supported yet', 'The app trains feed-forward networks only; simple recurrent networks with context units are not built');
  const recurrent = cf.connections.find(later);
  if (recurrent) refuse(recurrent, 'tlearn recurrent connections (from a node to itself or to an earlier-numbered node) are not supported yet');
  if (cf.groups && cf.groups.count > 0) refuse(cf.groups, 'tlearn weight groups (connections that share one weight) are not supported yet');
  const grouped = cf.connections.find((c) => c.group !== null);
  if (grouped) refuse(grouped, 'tlearn weight groups (connections that share one weight) are not supported yet');
  const fixed = cf.connections.find((c) => c.fixed);
  if (fixed) refuse(fixed, 'tlearn fixed (untrainable) weights are not supported yet');
  const oneToOne = cf.connections.find((c) => c.oneToOne);
  if (oneToOne) refuse(oneToOne, 'tlearn one-to-one connections are not supported yet', 'Only fully connected layers are');
  if (cf.bipolar && cf.bipolar.nodes.length > 0) refuse(cf.bipolar, 'tlearn bipolar units (activations from −1 to 1) are not supported yet');
}

/** Sources of each node, with the statement that declared each, refusing a connection declared twice. */
function sourcesOf(cf: TlearnConfigText, refuse: Refuse): Sources {
  const sources: Sources = new Map();
  for (let n = 1; n <= cf.nodes; n++) sources.set(n, new Map());
  for (const c of cf.connections) {
    for (const to of c.to) {
      if (to.kind !== 'node') continue;
      const mine = sources.get(to.index)!;
      for (const from of c.from) {
        const key = from.kind === 'bias' ? 'bias' : from.kind === 'input' ? (`i${from.index - 1}` as Unit) : (`n${from.index}` as Unit);
        const earlier = mine.get(key);
        if (earlier) refuse(c, `the connection to node ${to.index} from ${describe(key)} is declared twice`, `It was already declared on line ${earlier.line}`);
        mine.set(key, c);
      }
    }
  }
  return sources;
}

function describe(key: Unit | 'bias'): string {
  return key === 'bias' ? 'the bias (node 0)' : key.startsWith('i') ? `input i${Number(key.slice(1)) + 1}` : `node ${key.slice(1)}`;
}

/** Layer k (from 0) holds the nodes whose longest path from the inputs has k + 1 connections. */
function placeNodes(cf: TlearnConfigText, sources: Sources, refuse: Refuse): number[][] {
  const depth = new Map<number, number>();
  for (let n = 1; n <= cf.nodes; n++) {
    let deepest = -1;
    for (const key of sources.get(n)!.keys()) {
      if (key === 'bias') continue;
      deepest = Math.max(deepest, key.startsWith('i') ? 0 : depth.get(Number(key.slice(1)))!);
    }
    if (deepest < 0) refuse(cf.nodesLine, `node ${n} receives no connections from the inputs or from other nodes, so it belongs to no layer`);
    depth.set(n, deepest + 1);
  }
  const layerCount = Math.max(...depth.values());
  if (layerCount > MAX_LAYERS - 1) refuse(cf.nodesLine, `the connections make ${layerCount + 1} layers; the app builds at most ${MAX_LAYERS}`);
  const outputs = new Set(cf.outputNodes);
  for (const n of cf.outputNodes) {
    if (depth.get(n)! < layerCount) {
      refuse(cf.outputsLine, `output node ${n} is in layer ${depth.get(n)} but other nodes come after it in layer ${layerCount}; outputs that feed further nodes are not supported`);
    }
  }
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  for (let n = 1; n <= cf.nodes; n++) {
    if (depth.get(n) === layerCount && !outputs.has(n)) {
      refuse(cf.outputsLine, `node ${n} is in the last layer but is not an output node; every node of the last layer must be an output`);
    }
    if (!outputs.has(n)) layers[depth.get(n)! - 1].push(n);
  }
  // The output layer keeps the .cf's order, which is the order of the .teach file's columns.
  layers[layerCount - 1] = [...cf.outputNodes];
  return layers;
}

/** Each node must receive from every unit of the layer before and from nothing earlier. */
function checkFullConnections(cf: TlearnConfigText, sources: Sources, layers: number[][], refuse: Refuse): void {
  const layerOf = new Map<Unit, number>();
  for (let i = 0; i < cf.inputs; i++) layerOf.set(`i${i}`, 0);
  layers.forEach((nodes, k) => nodes.forEach((n) => layerOf.set(`n${n}`, k + 1)));
  layers.forEach((nodes, k) => {
    const previous: Unit[] = k === 0 ? Array.from({ length: cf.inputs }, (_, i) => `i${i}` as Unit) : layers[k - 1].map((n) => `n${n}` as Unit);
    for (const n of nodes) {
      const mine = sources.get(n)!;
      for (const [key, statement] of mine) {
        if (key !== 'bias' && layerOf.get(key)! < k) {
          refuse(statement, `skip connections (to node ${n} in layer ${k + 1} from ${describe(key)} in layer ${layerOf.get(key)}) are not supported yet`, 'Each layer may receive only from the layer just before it');
        }
      }
      const missing = previous.find((unit) => !mine.has(unit));
      if (missing) {
        // Point at a line that connects this node from somewhere, the likeliest place to add the rest.
        const declared = [...mine].find(([key]) => key !== 'bias')?.[1] ?? [...mine.values()][0];
        refuse(declared, `node ${n} is not connected from ${describe(missing)}; only fully connected consecutive layers are supported`);
      }
    }
  });
}

/** The app gives a whole layer a bias or none of it. */
function biasPerLayer(sources: Sources, layers: number[][], refuse: Refuse): boolean[] {
  return layers.map((nodes) => {
    const withBias = nodes.filter((n) => sources.get(n)!.has('bias'));
    if (withBias.length > 0 && withBias.length < nodes.length) {
      const without = nodes.find((n) => !sources.get(n)!.has('bias'))!;
      refuse(sources.get(withBias[0])!.get('bias')!, `node ${withBias[0]} has a bias but node ${without} in the same layer does not; the app gives a whole layer a bias or none`);
    }
    return withBias.length > 0;
  });
}

/**
 * tlearn draws initial weights uniformly from ±weight_limit, or from a connection's own `= min & max`. The
 * app draws all of them from one range, so per-connection ranges become a warning unless they all agree.
 */
function initialWeights(cf: TlearnConfigText): Pick<TlearnNetwork, 'training' | 'warnings'> {
  const warnings: string[] = [];
  let limit = cf.weightLimit?.value ?? null;
  const ranged = cf.connections.filter((c) => c.range);
  const symmetric = ranged.every((c) => c.range!.min === -c.range!.max && c.range!.max === ranged[0].range!.max);
  if (ranged.length > 0 && symmetric && ranged.length === cf.connections.length && (limit === null || limit === ranged[0].range!.max)) {
    limit = ranged[0].range!.max;
  } else {
    for (const c of ranged) {
      warnings.push(`line ${c.line} \`${c.text}\` gives its connections their own initial weight range; the app draws every initial weight from one range${limit === null ? '' : `, ±${limit}`}`);
    }
  }
  return { training: limit === null ? {} : { init: { kind: 'uniform', range: 2 * limit } }, warnings };
}
