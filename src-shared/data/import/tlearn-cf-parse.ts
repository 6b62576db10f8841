/**
 * Reading a tlearn network configuration (.cf) file into what it says, line by line, before any question
 * of whether the app can build it. The sections and their statements, as tlearn's manual gives them:
 *
 *   NODES:        nodes = 5 · inputs = 2 · outputs = 1 · output node is 5 (or: output nodes are 4-5)
 *   CONNECTIONS:  groups = 0 · 1-4 from i1-i2 · 5 from 1-4 · 1-5 from 0 (node 0 is the bias)
 *                 optionally followed by `= min & max`, `fixed`, `one-to-one`
 *   SPECIAL:      linear = 3-4 · bipolar = 1-2 · selected = 1-5 · weight_limit = 1.0
 *
 * Nodes 1 … nodes are the non-input units, i1 … iN the inputs; lists are single nodes or ranges joined by
 * commas (`1-3,5`).
 */
import { ImportError } from './import-error';
import { IMPORT_LIMITS } from './imported';
import { readNumber, readWholeNumber } from './numbers';
import { quote, splitLines, stripComment, tokenize, type Token } from './tokens';

export type NodeRef = { kind: 'bias' } | { kind: 'input'; index: number } | { kind: 'node'; index: number };

export interface Statement {
  line: number;
  /** The statement as written, for messages that quote it. */
  text: string;
}

export interface ConnectionStatement extends Statement {
  to: NodeRef[];
  from: NodeRef[];
  range: { min: number; max: number } | null;
  group: number | null;
  fixed: boolean;
  oneToOne: boolean;
}

export interface TlearnConfigText {
  nodes: number;
  inputs: number;
  outputs: number;
  outputNodes: number[];
  /** The statements the messages point at. */
  nodesLine: Statement;
  outputsLine: Statement;
  groups: (Statement & { count: number }) | null;
  connections: ConnectionStatement[];
  linear: (Statement & { nodes: number[] }) | null;
  bipolar: (Statement & { nodes: number[] }) | null;
  weightLimit: (Statement & { value: number }) | null;
}

type Section = 'NODES' | 'CONNECTIONS' | 'SPECIAL';

/** `=`, `&` and `,` stand alone even without spaces around them (`nodes=3`, `1-3,5`). */
const TOKEN = /[=&,]|[^\s=&,]+/g;

export function parseTlearnConfig(text: string, file: string): TlearnConfigText {
  const fail = (token: Token | { line: number; column: number }, reason: string): never => {
    throw new ImportError(file, token.line, token.column, reason);
  };
  const counts: Partial<Record<'nodes' | 'inputs' | 'outputs', { value: number; statement: Statement }>> = {};
  let outputList: { refs: { ref: NodeRef; token: Token }[]; statement: Statement } | null = null;
  const result: Omit<TlearnConfigText, 'nodes' | 'inputs' | 'outputs' | 'outputNodes' | 'nodesLine' | 'outputsLine'> = {
    groups: null, connections: [], linear: null, bipolar: null, weightLimit: null,
  };
  let section: Section | null = null;
  const lists: { refs: { ref: NodeRef; token: Token }[]; allowed: NodeRef['kind'][]; what: string }[] = [];

  for (const source of splitLines(text)) {
    const tokens = tokenize(stripComment(source), TOKEN);
    if (tokens.length === 0) continue;
    const statement: Statement = { line: source.line, text: source.text.trim() };
    const header = /^(NODES|CONNECTIONS|SPECIAL):$/i.exec(tokens[0].text);
    if (header) {
      section = header[1].toUpperCase() as Section;
      if (tokens[1]) fail(tokens[1], `expected nothing after \`${tokens[0].text}\` on its line`);
      if (section !== 'NODES' && !(counts.nodes && counts.inputs && counts.outputs)) {
        fail(tokens[0], 'the NODES: section must come first and give `nodes =`, `inputs =` and `outputs =`');
      }
      continue;
    }
    if (section === null) fail(tokens[0], `expected the section heading \`NODES:\`, found ${quote(tokens[0].text)}`);
    const key = tokens[0].text.toLowerCase();

    if (section === 'NODES') {
      if (key === 'nodes' || key === 'inputs' || key === 'outputs') {
        const value = readAssignedWhole(tokens, key === 'inputs' ? 0 : 1, fail);
        if (key === 'inputs' && value === 0) fail(tokens[2], 'a network needs at least one input (`inputs = 0` is not supported)');
        counts[key] = { value, statement };
      } else if (key === 'output') {
        const plural = tokens[1]?.text.toLowerCase() === 'nodes' && tokens[2]?.text.toLowerCase() === 'are';
        const singular = tokens[1]?.text.toLowerCase() === 'node' && tokens[2]?.text.toLowerCase() === 'is';
        if (!plural && !singular) fail(tokens[1] ?? tokens[0], 'expected `output node is N` or `output nodes are N-M`');
        outputList = { refs: readNodeList(tokens.slice(3), tokens[2], fail), statement };
        lists.push({ refs: outputList.refs, allowed: ['node'], what: 'an output node' });
      } else {
        fail(tokens[0], `expected \`nodes =\`, \`inputs =\`, \`outputs =\` or \`output nodes are …\` in the NODES: section, found ${quote(tokens[0].text)}`);
      }
    } else if (section === 'CONNECTIONS') {
      if (key === 'groups') {
        result.groups = { ...statement, count: readAssignedWhole(tokens, 0, fail) };
      } else {
        const connection = readConnection(tokens, statement, fail);
        lists.push({ refs: connection.toRefs, allowed: ['node'], what: 'a receiving node' });
        lists.push({ refs: connection.fromRefs, allowed: ['bias', 'input', 'node'], what: 'a sending node' });
        result.connections.push(connection.statement);
      }
    } else {
      if (key === 'linear' || key === 'bipolar' || key === 'selected') {
        if (tokens[1]?.text !== '=') fail(tokens[1] ?? tokens[0], `expected \`=\` after \`${tokens[0].text}\``);
        const refs = readNodeList(tokens.slice(2), tokens[1], fail);
        lists.push({ refs, allowed: key === 'selected' ? ['input', 'node'] : ['node'], what: `a ${key} node` });
        if (key !== 'selected') result[key] = { ...statement, nodes: refs.map(({ ref }) => (ref as { index: number }).index) };
      } else if (key === 'weight_limit') {
        const valueToken = tokens[2];
        const value = tokens[1]?.text === '=' && valueToken ? readNumber(valueToken.text) : null;
        if (value === null || value < 0 || tokens[3]) fail(tokens[3] ?? valueToken ?? tokens[0], 'expected `weight_limit = ` and one number of zero or more');
        result.weightLimit = { ...statement, value: value! };
      } else {
        fail(tokens[0], `expected \`linear =\`, \`bipolar =\`, \`selected =\` or \`weight_limit =\` in the SPECIAL: section, found ${quote(tokens[0].text)}`);
      }
    }
  }

  const end = { line: Math.max(1, splitLines(text).length), column: 1 };
  for (const key of ['nodes', 'inputs', 'outputs'] as const) {
    if (!counts[key]) fail(end, `the NODES: section must give \`${key} = …\``);
  }
  if (!outputList) fail(end, 'the NODES: section must say which nodes are outputs (`output nodes are …`)');
  const sizes = { nodes: counts.nodes!.value, inputs: counts.inputs!.value };
  for (const list of lists) for (const { ref, token } of list.refs) checkRef(ref, token, list.allowed, list.what, sizes, fail);
  const outputNodes = outputList!.refs.map(({ ref }) => (ref as { index: number }).index);
  if (outputNodes.length !== counts.outputs!.value) {
    fail({ line: outputList!.statement.line, column: 1 }, `\`outputs = ${counts.outputs!.value}\` but ${outputNodes.length} output nodes are listed`);
  }
  return {
    ...result,
    nodes: sizes.nodes,
    inputs: sizes.inputs,
    outputs: counts.outputs!.value,
    outputNodes,
    nodesLine: counts.nodes!.statement,
    outputsLine: outputList!.statement,
  };
}

type Fail = (token: Token | { line: number; column: number }, reason: string) => never;

function readAssignedWhole(tokens: Token[], min: number, fail: Fail): number {
  const value = tokens[1]?.text === '=' && tokens[2] ? readWholeNumber(tokens[2].text, min, IMPORT_LIMITS.units) : null;
  if (value === null || tokens[3]) {
    fail(tokens[3] ?? tokens[2] ?? tokens[1] ?? tokens[0], `expected \`${tokens[0].text} = \` and a whole number from ${min} to ${IMPORT_LIMITS.units}`);
  }
  return value!;
}

/** `1-3`, `i1-i4`, `0`, joined by commas. `after` is the token before the list, for "nothing found" errors. */
function readNodeList(tokens: Token[], after: Token, fail: Fail): { ref: NodeRef; token: Token }[] {
  const refs: { ref: NodeRef; token: Token }[] = [];
  if (tokens.length === 0) fail({ line: after.line, column: after.column + after.text.length }, `expected a node list such as \`1-3\` or \`i1-i2\` after ${quote(after.text)}`);
  tokens.forEach((token, i) => {
    if (i % 2 === 1) {
      if (token.text !== ',') fail(token, `expected a comma between the items of a node list, found ${quote(token.text)}`);
      return;
    }
    const match = /^(i?)(\d+)(?:-(i?)(\d+))?$/i.exec(token.text);
    const first = match ? Number(match[2]) : NaN;
    const last = match?.[4] !== undefined ? Number(match[4]) : first;
    if (!match || (match[4] !== undefined && match[1].toLowerCase() !== match[3].toLowerCase()) || !(last >= first) || last > IMPORT_LIMITS.units) {
      fail(token, `expected a node (\`3\`, \`i2\`, \`0\` for the bias) or a range (\`1-3\`, \`i1-i4\`), found ${quote(token.text)}`);
    }
    for (let n = first; n <= last; n++) {
      const ref: NodeRef = match![1] ? { kind: 'input', index: n } : n === 0 ? { kind: 'bias' } : { kind: 'node', index: n };
      refs.push({ ref, token });
    }
  });
  if (tokens.length % 2 === 0) fail(tokens[tokens.length - 1], 'expected a node after the last comma');
  return refs;
}

function checkRef(ref: NodeRef, token: Token, allowed: NodeRef['kind'][], what: string, sizes: { nodes: number; inputs: number }, fail: Fail): void {
  if (!allowed.includes(ref.kind)) {
    const names = { bias: 'the bias node 0', input: 'an input', node: 'a node' } as const;
    fail(token, `${names[ref.kind]} cannot be ${what}`);
  }
  if (ref.kind === 'input' && (ref.index < 1 || ref.index > sizes.inputs)) fail(token, `there is no input i${ref.index}: \`inputs = ${sizes.inputs}\``);
  if (ref.kind === 'node' && ref.index > sizes.nodes) fail(token, `there is no node ${ref.index}: \`nodes = ${sizes.nodes}\``);
}

function readConnection(tokens: Token[], statement: Statement, fail: Fail) {
  const fromAt = tokens.findIndex((t) => t.text.toLowerCase() === 'from');
  if (fromAt < 1) fail(tokens[Math.max(fromAt, 0)], 'expected a connection such as `1-3 from i1-i2` (or `groups = 0`)');
  const toRefs = readNodeList(tokens.slice(0, fromAt), tokens[fromAt], fail);
  const isOption = (t: Token) => t.text === '=' || /^(fixed|one-to-one)$/i.test(t.text);
  let end = fromAt + 1;
  while (end < tokens.length && !isOption(tokens[end])) end++;
  const fromRefs = readNodeList(tokens.slice(fromAt + 1, end), tokens[fromAt], fail);
  const connection: ConnectionStatement = {
    ...statement, to: toRefs.map((r) => r.ref), from: fromRefs.map((r) => r.ref), range: null, group: null, fixed: false, oneToOne: false,
  };
  for (let i = end; i < tokens.length; i++) {
    const word = tokens[i].text.toLowerCase();
    if (word === 'fixed') connection.fixed = true;
    else if (word === 'one-to-one') connection.oneToOne = true;
    else if (word === '=' && tokens[i + 1]?.text.toLowerCase() === 'group') {
      const group = tokens[i + 2] ? readWholeNumber(tokens[i + 2].text, 1, IMPORT_LIMITS.units) : null;
      if (group === null) fail(tokens[i + 2] ?? tokens[i + 1], 'expected a group number after `= group`');
      connection.group = group;
      i += 2;
    } else if (word === '=') {
      const min = tokens[i + 1] ? readNumber(tokens[i + 1].text) : null;
      const max = tokens[i + 3] && tokens[i + 2]?.text === '&' ? readNumber(tokens[i + 3].text) : null;
      if (min === null || max === null || max < min) {
        fail(tokens[i + 1] ?? tokens[i], 'expected `= min & max` (two numbers, the smaller first) or `= group N` after the node lists');
      }
      connection.range = { min: min!, max: max! };
      i += 3;
    } else {
      fail(tokens[i], `expected \`= min & max\`, \`fixed\` or \`one-to-one\`, found ${quote(tokens[i].text)}`);
    }
  }
  return { statement: connection, toRefs, fromRefs };
}
