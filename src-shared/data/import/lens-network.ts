/**
 * A Lens network script (.in) read as the network it builds, for the scripts that are plain commands with
 * literal arguments (Lens manual, "addNet", "addGroup", "connectGroups", "elmanConnect"):
 *
 *   addNet NAME [-i INTERVALS] [GROUP-SIZE [TYPES]]…     addGroup NAME UNITS [TYPES]…
 *   connectGroups LIST LIST… [-p FULL | -mean 0 | -range R | -type T]
 *   elmanConnect SOURCE CONTEXT [-reset 0|1 | -initOutput X]
 *   setObject learningRate|momentum|weightDecay|randRange X · setObject GROUP.initOutput|resetOnExample X
 *   loadExamples FILE [-s SET] · useTrainingSet SET · useTestingSet SET · seed N
 *
 * Groups become layers: INPUT groups input layers, ELMAN groups context layers (each filled, by
 * elmanConnect, with a copy of its source group's outputs from the previous event), the others hidden or
 * OUTPUT layers; a hidden or OUTPUT group has a bias unless typed -BIASED, as Lens links it from its bias
 * group. A context starts each example at its source's initOutput: the value given, else 0.5 for a
 * logistic source (Lens's default for [0, 1] groups) and 0 for others. The loss is Lens's default for the
 * output groups (cross-entropy; squared error for LINEAR ones) unless a cost type is named. Layers are
 * ordered inputs, contexts, then the other groups as the script adds them. A command that needs Tcl to run
 * (a variable, a loop, a procedure) and anything the app cannot build is refused naming its line.
 */
import type { ActivationName, CopyLinkSpec, LayerSpec, ProjectionSpec, TrainingSettings } from '../../model/schema';
import { MAX_INIT_RANGE, MAX_LAYERS, MAX_UNITS } from '../../model/schema';
import { ImportError, UNNAMED_FILE } from './import-error';
import { readNumber, readWholeNumber } from './numbers';
import { listItems, splitLensScript, type ScriptCommand, type ScriptWord } from './lens-script';

export interface LensNetwork {
  layers: LayerSpec[];
  projections: ProjectionSpec[];
  /** The context layers' copy links (elmanConnect); absent: a feed-forward network. */
  links?: CopyLinkSpec[];
  training: Partial<Pick<TrainingSettings, 'learningRate' | 'momentum' | 'weightDecay' | 'init' | 'seed' | 'loss'>>;
  /** Lens's resetOnExample of the context sources: true (the default) starts every example afresh. */
  resetOnExample: boolean;
  /** The most events an example runs for (addNet's -i), when the script says. */
  intervals: number | null;
  /** The example files the script loads, as it names them. */
  exampleFiles: string[];
  warnings: string[];
}

type Fixed = 'INPUT' | 'OUTPUT' | 'ELMAN' | null;
type Loss = NonNullable<TrainingSettings['loss']>;

interface Group {
  name: string;
  units: number;
  fixed: Fixed;
  biased: boolean;
  activation: ActivationName;
  /** The cost type named, if any (OUTPUT groups). */
  loss: Loss | null;
  command: ScriptCommand;
  /** elmanConnect's source, for an ELMAN group. */
  source?: { group: Group; initOutput: number | null; command: ScriptCommand };
  initOutput?: number;
  resetOnExample?: boolean;
}

const TCL_CONTROL = new Set(['for', 'foreach', 'while', 'if', 'switch', 'eval', 'uplevel', 'catch', 'after']);
const TCL_VARIABLES = new Set(['set', 'incr', 'global', 'upvar', 'unset', 'append', 'lappend', 'variable']);
const PASSED_OVER = new Set(['view', 'graph', 'train', 'test', 'resetNet', 'autoPlot', 'exit']);
const ACTIVATIONS: Record<string, ActivationName> = { LOGISTIC: 'logistic', LINEAR: 'linear', TANH: 'tanh', SOFT_MAX: 'softmax' };
const COSTS: Record<string, Loss> = { SUM_SQUARED: 'squared-error', CROSS_ENTROPY: 'cross-entropy', DIVERGENCE: 'cross-entropy' };
const READ = 'addNet, addGroup, connectGroups, elmanConnect, setObject (learningRate, momentum, weightDecay, randRange, a group\'s initOutput or resetOnExample), loadExamples, useTrainingSet, useTestingSet and seed';

export function importLensNetwork(text: string, options: { file?: string } = {}): LensNetwork {
  const file = options.file ?? UNNAMED_FILE;
  const refuse = (command: ScriptCommand, reason: string, word: ScriptWord = command.words[0]): never => {
    throw new ImportError(file, word.at.line, word.at.column, `${reason}: line ${command.line} \`${command.text}\``);
  };
  const groups: Group[] = [];
  const projections: { from: Group; to: Group; range: number | null; command: ScriptCommand }[] = [];
  const result: Omit<LensNetwork, 'layers' | 'projections' | 'links'> = { training: {}, resetOnExample: true, intervals: null, exampleFiles: [], warnings: [] };
  let net: ScriptCommand | null = null;
  const passed: string[] = [];

  const groupNamed = (command: ScriptCommand, name: string, word: ScriptWord): Group => {
    const group = groups.find((g) => g.name === name);
    if (!group) refuse(command, name === 'bias' ? 'the bias group is linked to hidden and OUTPUT groups already (a group typed -BIASED has none)' : `there is no group named \`${name}\` (addGroup it before this line)`, word);
    return group!;
  };
  const number = (command: ScriptCommand, word: ScriptWord | undefined, what: string, min = Number.NEGATIVE_INFINITY): number => {
    const value = word ? readNumber(word.text) : null;
    if (value === null || value < min) refuse(command, `expected ${what}${word ? `, found \`${word.text}\`` : ''}`, word ?? command.words.at(-1));
    return value!;
  };
  const addGroup = (command: ScriptCommand, name: string, unitsWord: ScriptWord, types: ScriptWord[], place: 'first' | 'middle' | 'last' | null) => {
    if (groups.length + 1 >= MAX_LAYERS) refuse(command, `more than ${MAX_LAYERS} groups; the app builds at most ${MAX_LAYERS} layers`);
    if (name === 'bias' || groups.some((g) => g.name === name)) refuse(command, `a group named \`${name}\` exists already`);
    const units = readWholeNumber(unitsWord.text, 1, MAX_UNITS);
    if (units === null) refuse(command, `expected the number of units (1 to ${MAX_UNITS}), found \`${unitsWord.text}\``, unitsWord);
    const group: Group = { name, units: units!, fixed: null, biased: true, activation: 'logistic', loss: null, command };
    let biased: boolean | null = null;
    let activation: ActivationName | null = null;
    for (const word of types) {
      const type = /^([+-]?)([A-Za-z_]+)$/.exec(word.text);
      const name = type?.[2].toUpperCase() ?? '';
      const removed = type?.[1] === '-';
      if (name === 'INPUT' || name === 'OUTPUT' || name === 'ELMAN') {
        if (removed || (group.fixed && group.fixed !== name)) refuse(command, `a group is one of INPUT, OUTPUT and ELMAN here (\`${word.text}\`)`, word);
        group.fixed = name;
      } else if (name === 'BIASED') biased = !removed;
      else if (ACTIVATIONS[name] && !removed) activation = ACTIVATIONS[name];
      else if (COSTS[name] && !removed) group.loss = COSTS[name];
      else if ((name === 'DOT_PRODUCT' || name === 'ELMAN_CLAMP') && !removed) continue;
      else refuse(command, `\`${word.text}\` is a Lens group type the app cannot build (it reads INPUT, OUTPUT, ELMAN, -BIASED, LOGISTIC, LINEAR, TANH, SOFT_MAX, SUM_SQUARED, CROSS_ENTROPY)`, word);
    }
    if (!group.fixed && place === 'first') group.fixed = 'INPUT';
    if (!group.fixed && place === 'last') group.fixed = 'OUTPUT';
    const layerKind = group.fixed === 'INPUT' || group.fixed === 'ELMAN';
    if (layerKind && (biased || (activation && activation !== 'linear'))) {
      refuse(command, `an ${group.fixed} group takes ${biased ? 'no bias' : 'no output function'} here: it ${group.fixed === 'INPUT' ? 'holds the example\'s inputs' : 'holds an exact copy of its source'}`);
    }
    group.biased = layerKind ? false : biased ?? true;
    group.activation = layerKind ? 'linear' : activation ?? 'logistic';
    groups.push(group);
  };

  for (const command of splitLensScript(text, file)) {
    const [head, ...args] = command.words;
    const verb = head.text;
    if (TCL_CONTROL.has(verb)) refuse(command, `\`${verb}\` is Tcl control flow: Backprop Lab reads only literal Lens commands`);
    if (TCL_VARIABLES.has(verb)) refuse(command, `\`${verb}\` sets a Tcl variable: Backprop Lab reads only literal Lens commands (write the values themselves)`);
    if (verb === 'proc') refuse(command, '`proc` defines a Tcl procedure: Backprop Lab reads only literal Lens commands');
    if (verb === 'source') refuse(command, '`source` runs another script: import that script\'s commands written out in this one');
    if (verb !== 'addNet' && !net && ['addGroup', 'connectGroups', 'elmanConnect'].includes(verb)) refuse(command, `\`${verb}\` before \`addNet\`: the network must be created first`);
    switch (verb) {
      case 'addNet': {
        if (net) refuse(command, `a second network (the first is on line ${net.line}); import one network at a time`);
        net = command;
        if (!args[0]) refuse(command, 'expected the network\'s name after `addNet`');
        let k = 1;
        for (; k < args.length && /^-[a-z]/.test(args[k].text); k += 2) {
          const option = args[k].text;
          if ('-intervals'.startsWith(option)) result.intervals = readWholeNumber(args[k + 1]?.text ?? '', 1, 100_000) ?? refuse(command, 'expected a whole number of intervals after `-i`', args[k + 1] ?? args[k]);
          else if ('-ticks'.startsWith(option) && args[k + 1]?.text === '1') continue;
          else refuse(command, `\`${option}\`${'-ticks'.startsWith(option) ? ' above 1 is for continuous networks, which' : ' is an addNet option'} Backprop Lab does not build`, args[k]);
        }
        const sizes: number[] = [];
        for (; k < args.length; k++) {
          if (/^\d+$/.test(args[k].text)) sizes.push(k);
          else if (sizes.length === 0) refuse(command, `\`${args[k].text}\` networks are not built here: Backprop Lab builds standard Lens networks (with ELMAN groups for a simple recurrent network, trained after each event)`, args[k]);
        }
        // The older autoNet form: groups of the given sizes, the first INPUT and the last OUTPUT, connected in a chain.
        sizes.forEach((at, n) => {
          const name = n === 0 ? 'input' : n === sizes.length - 1 ? 'output' : sizes.length > 3 ? `hidden ${n}` : 'hidden';
          addGroup(command, name, args[at], args.slice(at + 1, sizes[n + 1] ?? args.length), n === 0 ? 'first' : n === sizes.length - 1 ? 'last' : 'middle');
          if (n > 0) projections.push({ from: groups.at(-2)!, to: groups.at(-1)!, range: null, command });
        });
        break;
      }
      case 'addGroup':
        if (!args[0] || !args[1]) refuse(command, 'expected `addGroup NAME UNITS [TYPES]`');
        addGroup(command, args[0].text, args[1], args.slice(2), null);
        break;
      case 'connectGroups': {
        const lists: ScriptWord[] = [];
        let range: number | null = null;
        for (let k = 0; k < args.length; k++) {
          const option = args[k].text;
          if (!args[k].grouped && /^-[a-z]/.test(option)) {
            const value = args[++k];
            if ('-projection'.startsWith(option) && value?.text.toUpperCase() === 'FULL') continue;
            if ('-type'.startsWith(option) && value) continue;
            if ('-mean'.startsWith(option) && number(command, value, 'a mean') === 0) continue;
            if ('-range'.startsWith(option)) range = number(command, value, 'a range of zero or more', 0);
            else if ('-strength'.startsWith(option) && number(command, value, 'a strength') === 1) continue;
            else refuse(command, `\`${option}${value ? ` ${value.text}` : ''}\` is not built here: projections are full (every unit to every unit), with weights drawn around 0`, args[k - 1]);
          } else lists.push(args[k]);
        }
        if (lists.length < 2) refuse(command, 'expected at least two groups (or lists of groups) to connect');
        for (let k = 0; k + 1 < lists.length; k++) {
          for (const fromName of listItems(lists[k])) {
            const from = groupNamed(command, fromName, lists[k]);
            for (const toName of listItems(lists[k + 1])) {
              const to = groupNamed(command, toName, lists[k + 1]);
              if (to.fixed === 'INPUT' || to.fixed === 'ELMAN') refuse(command, `a projection into the ${to.fixed} group \`${to.name}\`: it ${to.fixed === 'INPUT' ? 'holds the example\'s inputs' : 'holds an exact copy of its source (elmanConnect)'} and receives nothing else`, lists[k + 1]);
              if (from === to || projections.some((p) => p.from === from && p.to === to)) refuse(command, from === to ? `\`${to.name}\` connected to itself (recurrence within an event) cannot be built` : `\`${from.name}\` is connected to \`${to.name}\` twice`, lists[k + 1]);
              if (range !== null && 2 * range > MAX_INIT_RANGE) refuse(command, `-range ${range} is beyond the widest initial range the app draws from (±${MAX_INIT_RANGE / 2})`);
              projections.push({ from, to, range, command });
            }
          }
        }
        break;
      }
      case 'elmanConnect': {
        if (!args[0] || !args[1]) refuse(command, 'expected `elmanConnect SOURCE CONTEXT`');
        const source = groupNamed(command, args[0].text, args[0]);
        const context = groupNamed(command, args[1].text, args[1]);
        if (context.fixed !== 'ELMAN') refuse(command, `\`${context.name}\` is not an ELMAN group (addGroup ${context.name} ${context.units} ELMAN)`, args[1]);
        if (context.source) refuse(command, `\`${context.name}\` already copies \`${context.source.group.name}\` (line ${context.source.command.line})`, args[1]);
        if (source.fixed === 'INPUT' || source.fixed === 'ELMAN') refuse(command, `a context layer copies a hidden or OUTPUT group, not the ${source.fixed} group \`${source.name}\``, args[0]);
        if (source.units !== context.units) refuse(command, `\`${source.name}\` has ${source.units} units and \`${context.name}\` ${context.units}: a context copies its source unit by unit`, args[1]);
        let initOutput: number | null = null;
        for (let k = 2; k < args.length; k += 2) {
          if ('-reset'.startsWith(args[k].text) && args[k].text.length > 1) source.resetOnExample = number(command, args[k + 1], '0 or 1 after -reset') !== 0;
          else if ('-initOutput'.startsWith(args[k].text) && args[k].text.length > 1) initOutput = number(command, args[k + 1], 'a value after -initOutput');
          else refuse(command, `\`${args[k].text}\` is not an elmanConnect option (-reset, -initOutput)`, args[k]);
        }
        context.source = { group: source, initOutput, command };
        break;
      }
      case 'setObject':
        setObject(command, args, groups, result.training, number, refuse);
        break;
      case 'seed':
        result.training.seed = readWholeNumber(args[0]?.text ?? '', 0, 0xffff_ffff) ?? refuse(command, 'expected a whole number seed from 0', args[0]);
        break;
      case 'loadExamples':
        if (!args[0]) refuse(command, 'expected the example file after `loadExamples`');
        result.exampleFiles.push(args[0].text);
        break;
      case 'useTrainingSet':
      case 'useTestingSet':
        break;
      default:
        if (PASSED_OVER.has(verb)) passed.push(`line ${command.line} \`${command.text}\``);
        else refuse(command, `\`${verb}\` is not a command Backprop Lab reads from a Lens script: it reads ${READ}`);
    }
  }
  if (!net) throw new ImportError(file, 1, 1, 'no `addNet`: a Lens network script creates its network with `addNet NAME`');
  if (passed.length > 0) result.warnings.push(`${passed.join(', ')} ${passed.length === 1 ? 'is' : 'are'} passed over: the model opens untrained, to be trained in the app`);
  const { loss, ...network } = built(groups, projections, refuse, file);
  return { ...network, ...result, training: { loss, ...result.training }, resetOnExample: groups.every((g) => g.resetOnExample !== false) };
}

type Refuse = (command: ScriptCommand, reason: string, word?: ScriptWord) => never;

function setObject(
  command: ScriptCommand, [path, value]: ScriptWord[], groups: Group[], training: LensNetwork['training'],
  number: (command: ScriptCommand, word: ScriptWord | undefined, what: string, min?: number) => number, refuse: Refuse,
): void {
  if (!path || !value) refuse(command, 'expected `setObject PROPERTY VALUE`');
  const [owner, property] = path.text.includes('.') ? path.text.split('.', 2) : [null, path.text];
  if (owner !== null) {
    const group = groups.find((g) => g.name === owner);
    if (!group) refuse(command, `there is no group named \`${owner}\` (addGroup it before this line)`, path);
    if (property === 'initOutput') group!.initOutput = number(command, value, 'a number');
    else if (property === 'resetOnExample') group!.resetOnExample = number(command, value, '0 or 1') !== 0;
    else refuse(command, `a group's \`${property}\` is not read here (only initOutput and resetOnExample)`, path);
    return;
  }
  if (property === 'learningRate') training.learningRate = number(command, value, 'a learning rate of zero or more', 0);
  else if (property === 'momentum') {
    training.momentum = number(command, value, 'a momentum from 0 to below 1', 0);
    if (training.momentum >= 1) refuse(command, `expected a momentum from 0 to below 1, found \`${value.text}\``, value);
  }
  else if (property === 'weightDecay') training.weightDecay = number(command, value, 'a weight decay of zero or more', 0);
  else if (property === 'randRange') {
    // Lens draws initial weights from ±randRange; the model's uniform range is the whole width.
    const range = number(command, value, 'a range of zero or more', 0);
    if (2 * range > MAX_INIT_RANGE) refuse(command, `randRange ${range} is beyond the widest initial range the app draws from (±${MAX_INIT_RANGE / 2})`, value);
    training.init = { kind: 'uniform', range: 2 * range };
  } else refuse(command, `\`${property}\` is not a setting read from a Lens script (it reads learningRate, momentum, weightDecay, randRange, and a group's initOutput and resetOnExample)`, path);
}

/** The layers in the model's order (inputs, contexts, the rest as added), the projections between them and the copy links. */
function built(groups: Group[], connections: { from: Group; to: Group; range: number | null; command: ScriptCommand }[], refuse: Refuse, file: string) {
  const ordered = [...groups.filter((g) => g.fixed === 'INPUT'), ...groups.filter((g) => g.fixed === 'ELMAN'), ...groups.filter((g) => g.fixed !== 'INPUT' && g.fixed !== 'ELMAN')];
  const outputs = ordered.filter((g) => g.fixed === 'OUTPUT');
  if (ordered[0]?.fixed !== 'INPUT' || outputs.length === 0) {
    throw new ImportError(file, 1, 1, `the script adds no ${ordered[0]?.fixed !== 'INPUT' ? 'INPUT' : 'OUTPUT'} group: a network needs one (addGroup NAME UNITS ${ordered[0]?.fixed !== 'INPUT' ? 'INPUT' : 'OUTPUT'})`);
  }
  const index = new Map(ordered.map((g, k) => [g, k]));
  for (const group of ordered) {
    if (group.fixed === 'ELMAN' && !group.source) refuse(group.command, `the ELMAN group \`${group.name}\` copies no group: add \`elmanConnect SOURCE ${group.name}\``);
    if (group.fixed !== 'INPUT' && group.fixed !== 'ELMAN' && !connections.some((c) => c.to === group)) refuse(group.command, `the group \`${group.name}\` receives no projection: connect a group to it (connectGroups)`);
  }
  const losses = new Map<Loss, Group>();
  for (const group of outputs) losses.set(group.loss ?? (group.activation === 'linear' ? 'squared-error' : 'cross-entropy'), group);
  if (losses.size > 1) {
    const [first, second] = [...losses];
    refuse(second[1].command, `output groups with different costs (\`${first[1].name}\` ${first[0]}, \`${second[1].name}\` ${second[0]}): the app trains one loss over all outputs`);
  }
  const layers: LayerSpec[] = ordered.map((g) => ({
    kind: g.fixed === 'INPUT' ? 'input' : g.fixed === 'OUTPUT' ? 'output' : 'hidden',
    name: g.name,
    units: g.units,
    activation: g.activation,
    bias: g.biased,
  }));
  const projections: ProjectionSpec[] = connections.map((c) => ({
    from: index.get(c.from)!,
    to: index.get(c.to)!,
    ...(c.range === null ? {} : { init: { kind: 'uniform' as const, range: 2 * c.range } }),
  }));
  const links: CopyLinkSpec[] = ordered.filter((g) => g.source).map((context) => {
    const { group: source, initOutput } = context.source!;
    const initial = initOutput ?? source.initOutput ?? (source.activation === 'logistic' ? 0.5 : 0);
    return { kind: 'copy', from: index.get(source)!, to: index.get(context)!, delay: 1, initial };
  });
  return { layers, projections, ...(links.length > 0 ? { links } : {}), loss: [...losses.keys()][0] };
}
