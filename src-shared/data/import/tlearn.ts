/**
 * A tlearn project: the .data and .teach files paired into patterns, and (when the .cf is there too) the
 * network they belong to. tlearn names neither patterns nor units' data columns, so patterns are p1, p2, ….
 */
import { ImportError, UNNAMED_FILE } from './import-error';
import { defaultPatternName, type ImportedPatterns } from './imported';
import { importTlearnConfig, type TlearnNetwork } from './tlearn-cf';
import { readTlearnReset } from './tlearn-reset';
import { readTlearnVectors } from './tlearn-vectors';
import { readTlearnWeights, type TlearnWeights } from './tlearn-wts';

export interface TlearnFiles {
  data: string;
  teach: string;
  /** Input and output counts (from the .cf) let vectors span lines and localist vectors be sized exactly. */
  inputs?: number;
  outputs?: number;
  dataFile?: string;
  teachFile?: string;
  /** tlearn's .reset file: the patterns at which the context units are reset (a sequence starts). */
  reset?: string;
  resetFile?: string;
  /** tlearn's .wts file: the network's weights (read only with the .cf, which says where each goes). */
  wts?: string;
  wtsFile?: string;
}

export function importTlearnPatterns(files: TlearnFiles): ImportedPatterns {
  const teachFile = files.teachFile ?? UNNAMED_FILE;
  const data = readTlearnVectors(files.data, 'data', { width: files.inputs, file: files.dataFile });
  const teach = readTlearnVectors(files.teach, 'teach', { width: files.outputs, file: teachFile });
  if (data.vectors.length !== teach.vectors.length) {
    throw new ImportError(teachFile, teach.countAt.line, teach.countAt.column,
      `the .teach file has ${teach.vectors.length} vectors but the .data file has ${data.vectors.length}; each input vector needs its target vector`);
  }
  const resets = files.reset === undefined ? null : readTlearnReset(files.reset, data.vectors.length, files.resetFile ?? UNNAMED_FILE);
  const patterns = data.vectors.map((input, i) => ({
    name: defaultPatternName(i),
    // A .data file cannot hold `*`, so every input is a number.
    input: input as number[],
    target: teach.vectors[i],
    ...(resets?.has(i) ? { reset: true } : {}),
  }));
  return { patterns, warnings: [...data.warnings, ...teach.warnings] };
}

export interface TlearnProject extends ImportedPatterns {
  network: TlearnNetwork;
  cfFile?: string;
  /** The weights of the .wts, when one was given. */
  weights?: TlearnWeights;
}

/** The .cf, .data and .teach (and .reset, .wts) of one tlearn project, checked against each other. */
export function importTlearnProject(files: TlearnFiles & { cf: string; cfFile?: string }): TlearnProject {
  const network = importTlearnConfig(files.cf, { file: files.cfFile });
  // A pattern's columns are the input (and output) layers', concatenated in layer order.
  const namesOf = (kind: 'input' | 'output') => network.layers.flatMap((layer, g) => (layer.kind === kind ? network.unitNames[g] : []));
  const inputNames = namesOf('input');
  const outputNames = namesOf('output');
  const patterns = importTlearnPatterns({ ...files, inputs: inputNames.length, outputs: outputNames.length });
  const weights = files.wts === undefined ? undefined : readTlearnWeights(files.wts, network, files.wtsFile ?? UNNAMED_FILE);
  return {
    ...patterns,
    network,
    inputNames,
    outputNames,
    ...(weights ? { weights } : {}),
    warnings: [...network.warnings, ...patterns.warnings],
  };
}
