/**
 * From a tlearn .cf file to the app's network: layers grouped by what feeds them, and the projections
 * between them. Inputs that feed the same nodes form an input layer (a run of consecutive inputs, so the
 * .data columns keep their order); nodes fed by the same units, alike in being biased from node 0 or not
 * and in being outputs or not, form a layer (`1-3 from 0` for some ranges only gives biased and unbiased
 * layers). Every connection between two layers must then be whole — each unit of one feeding each unit of the
 * other — and becomes a projection: skip connections, input ranges into any layer and biases from node 0
 * per layer are all built as written. A network that is a chain is imported as a chain. Copy-back context
 * units (tlearn's simple recurrent network) become a context layer and a copy link (tlearn-copy-back.ts).
 * What the app cannot build (other recurrence, shared or fixed weights, bipolar units, partial connections)
 * is refused with the line and the construct named, never approximated by a different network.
 */
import type { CopyLinkSpec, LayerSpec, ProjectionSpec, TrainingSettings } from '../../model/schema';
import { MAX_LAYERS } from '../../model/schema';
import { ImportError, UNNAMED_FILE } from './import-error';
import { parseTlearnConfig, type ConnectionStatement, type Statement, type TlearnConfigText } from './tlearn-cf-parse';
import { splitCopyBacks } from './tlearn-copy-back';

export interface TlearnNetwork {
  layers: LayerSpec[];
  /** The projections between the layers, when the network is not a chain (absent: the chain). */
  projections?: ProjectionSpec[];
  /** Copy-back connections as copy links into context layers (a simple recurrent network); absent: none. */
  links?: CopyLinkSpec[];
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
  const refuse = (statement: Statement, construct: string, advice = ''): never => {
    throw new ImportError(file, statement.line, 1, `${construct}: line ${statement.line} \`${statement.text}\`${advice ? `. ${advice}` : ''}`);
  };
  const { cf, copies } = splitCopyBacks(parseTlearnConfig(text, file), refuse);
  const contextNodes = new Set(copies.flatMap((copy) => copy.context));
  refuseUnsupported(cf, refuse, contextNodes);
  const sources = sourcesOf(cf, refuse);
  const { inputs, groups } = groupUnits(cf, sources, refuse, contextNodes);
  const contexts: Unit[][] = copies.map((copy) => copy.context.map((n) => `n${n}` as Unit));
  const layers: Unit[][] = [...inputs, ...contexts, ...groups.map((group) => group.nodes.map((n) => `n${n}` as Unit))];
  if (layers.length > MAX_LAYERS) refuse(cf.nodesLine, `the connections make ${layers.length} layers; the app builds at most ${MAX_LAYERS}`);
  const projections = projectionsBetween(cf, sources, layers, inputs.length + contexts.length, refuse);
  const links: CopyLinkSpec[] = copies.map((copy, k) => {
    const from = layers.findIndex((units) => units.includes(`n${copy.sources[0]}`));
    if (layers[from].length !== copy.sources.length || copy.sources.some((n, i) => layers[from][i] !== `n${n}`)) {
      refuse(copy.statement, `the copied nodes ${copy.sources.join(', ')} are not one whole layer in order`, `Nodes ${layers[from].map((u) => u.slice(1)).join(', ')} form that layer; a context layer copies all of one layer, unit by unit`);
    }
    return { kind: 'copy', from, to: inputs.length + k, delay: 1 };
  });
  // After the partial connections, whose message points at the line to complete.
  for (let n = 1; n <= cf.nodes; n++) {
    if (!cf.outputNodes.includes(n) && [...sources.values()].every((from) => !from.has(`n${n}`))) {
      refuse(cf.outputsLine, `node ${n} feeds no other node and is not an output node`, 'Connect it to a node, or make it an output');
    }
  }
  const hasBias = biasPerLayer(sources, groups.map((group) => group.nodes));
  const linear = new Set(cf.linear?.nodes ?? []);
  const hiddenCount = groups.filter((group) => !group.output).length;
  const outputCount = groups.length - hiddenCount;
  const specs: LayerSpec[] = inputs.map((units, k) => ({
    kind: 'input', name: inputs.length > 1 ? `input ${k + 1}` : 'input', units: units.length, activation: 'linear', bias: false,
  }));
  contexts.forEach((units, k) => specs.push({ kind: 'hidden', name: contexts.length > 1 ? `context ${k + 1}` : 'context', units: units.length, activation: 'linear', bias: false }));
  let hiddenSeen = 0;
  let outputSeen = 0;
  groups.forEach(({ nodes, output }, k) => {
    const linearCount = nodes.filter((n) => linear.has(n)).length;
    if (linearCount > 0 && linearCount < nodes.length) {
      refuse(cf.linear!, 'a layer that mixes linear and logistic units is not supported', `Nodes ${nodes.join(', ')} form one layer; make all of them linear or none`);
    }
    const name = output
      ? (outputCount > 1 ? `output ${++outputSeen}` : 'output')
      : (hiddenCount > 1 ? `hidden ${++hiddenSeen}` : 'hidden');
    specs.push({ kind: output ? 'output' : 'hidden', name, units: nodes.length, activation: linearCount > 0 ? 'linear' : 'logistic', bias: hasBias[k] });
  });
  const unitNames = layers.map((units) => units.map((unit) => (unit.startsWith('i') ? `i${Number(unit.slice(1)) + 1}` : `node${unit.slice(1)}`)));
  const chain = links.length === 0 && projections.length === layers.length - 1 && projections.every((p, j) => p.from === j && p.to === j + 1);
  return { layers: specs, ...(chain ? {} : { projections }), ...(links.length > 0 ? { links } : {}), unitNames, ...initialWeights(cf) };
}

type Refuse = (statement: Statement, construct: string, advice?: string) => never;
type Sources = Map<number, Map<Unit | 'bias', ConnectionStatement>>;
interface NodeGroup {
  nodes: number[];
  output: boolean;
}

/** The constructs the app cannot build at all, most recognisable first. */
function refuseUnsupported(cf: TlearnConfigText, refuse: Refuse, contextNodes: ReadonlySet<number>): void {
  // A context node feeds lower-numbered nodes (its copy is from the previous sweep): that is no recurrence within a sweep.
  const later = (c: ConnectionStatement) => c.from.some((s) => s.kind === 'node' && !contextNodes.has(s.index) && c.to.some((d) => d.kind === 'node' && s.index >= d.index));
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

/**
 * Input layers: runs of consecutive inputs that feed the same nodes. Node layers: nodes fed by the same
 * units and alike in being outputs or not — hidden ones by depth (the longest path from an input), then by
 * their first node; output ones in the order of the .cf's output list, which is the .teach file's columns.
 */
function groupUnits(cf: TlearnConfigText, sources: Sources, refuse: Refuse, contextNodes: ReadonlySet<number>): { inputs: Unit[][]; groups: NodeGroup[] } {
  const depth = new Map<number, number>();
  for (const n of contextNodes) depth.set(n, 0);
  for (let n = 1; n <= cf.nodes; n++) {
    if (contextNodes.has(n)) continue;
    let deepest = -1;
    for (const key of sources.get(n)!.keys()) {
      if (key === 'bias') continue;
      deepest = Math.max(deepest, key.startsWith('i') ? 0 : depth.get(Number(key.slice(1)))!);
    }
    if (deepest < 0) refuse(cf.nodesLine, `node ${n} receives no connections from the inputs or from other nodes, so it belongs to no layer`);
    depth.set(n, deepest + 1);
  }
  // What feeds a node, the bias included: a layer's nodes are all biased or none (the app's bias is per layer).
  const fedBy = (n: number) => [...sources.get(n)!.keys()].sort().join(' ');
  const feeds = (unit: Unit) => [...sources].filter(([, from]) => from.has(unit)).map(([n]) => n).join(' ');
  const inputs: Unit[][] = [];
  for (let i = 0; i < cf.inputs; i++) {
    const unit: Unit = `i${i}`;
    if (feeds(unit) === '') refuse(cf.nodesLine, `input i${i + 1} is connected to no node`, 'Connect it, or leave it out of the .data file and the inputs count');
    const run = inputs.at(-1);
    if (run && feeds(run[0]) === feeds(unit)) run.push(unit);
    else inputs.push([unit]);
  }
  const outputs = new Set(cf.outputNodes);
  const hidden = new Map<string, number[]>();
  for (let n = 1; n <= cf.nodes; n++) {
    if (outputs.has(n) || contextNodes.has(n)) continue;
    const key = fedBy(n);
    hidden.set(key, [...(hidden.get(key) ?? []), n]);
  }
  const hiddenGroups = [...hidden.values()].sort((a, b) => depth.get(a[0])! - depth.get(b[0])! || a[0] - b[0]);
  const outputGroups: number[][] = [];
  for (const n of cf.outputNodes) {
    const group = outputGroups.find((nodes) => fedBy(nodes[0]) === fedBy(n));
    if (group && group !== outputGroups.at(-1)) {
      refuse(cf.outputsLine, `output node ${n} is fed (and biased) as node ${group[0]} is, but other output nodes come between them`, 'List the outputs of one layer together (the .teach columns follow this order)');
    }
    if (group) group.push(n);
    else outputGroups.push([n]);
  }
  return {
    inputs,
    groups: [...hiddenGroups.map((nodes) => ({ nodes, output: false })), ...outputGroups.map((nodes) => ({ nodes, output: true }))],
  };
}

/** A projection for each layer a node layer receives from, which must feed every unit of it from every one of its own. */
function projectionsBetween(cf: TlearnConfigText, sources: Sources, layers: Unit[][], inputLayers: number, refuse: Refuse): ProjectionSpec[] {
  const layerOf = new Map<Unit, number>();
  layers.forEach((units, g) => units.forEach((unit) => layerOf.set(unit, g)));
  const projections: ProjectionSpec[] = [];
  for (let g = inputLayers; g < layers.length; g++) {
    const first = Number(layers[g][0].slice(1));
    const mine = sources.get(first)!;
    const from = [...new Set([...mine.keys()].filter((key) => key !== 'bias').map((key) => layerOf.get(key as Unit)!))].sort((a, b) => a - b);
    for (const f of from) {
      const missing = layers[f].find((unit) => !mine.has(unit));
      if (missing) {
        const declared = [...mine].find(([key]) => key !== 'bias' && layerOf.get(key as Unit) === f)![1];
        refuse(declared, `node ${first} is not connected from ${describe(missing)}; a layer must receive from every unit of a layer it receives from`);
      }
      projections.push({ from: f, to: g });
    }
  }
  return projections;
}

/** Whether each node layer is biased from node 0: its nodes agree, being grouped by what feeds them. */
function biasPerLayer(sources: Sources, layers: number[][]): boolean[] {
  return layers.map((nodes) => sources.get(nodes[0])!.has('bias'));
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
