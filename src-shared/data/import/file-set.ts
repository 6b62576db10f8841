/**
 * Which importer reads the files given together (picked in File → Import, or named on the command line):
 * a tlearn .cf with its .data and .teach, or the .data and .teach without it, or one pattern file on its
 * own. Both ask here, so they take and refuse the same sets of files, in the same words.
 */
import type { CopyLinkSpec, LayerSpec, ProjectionSpec, TrainingSettings } from '../../model/schema';
import { importCsv, previewCsv, type CsvColumnRef, type CsvPreview } from './csv';
import type { ImportedPatterns } from './imported';
import type { ImportedWeights } from './model';
import { importLensExamples } from './lens-ex';
import { readLensSet } from './lens-set';
import { importPdpPat } from './pdp-pat';
import { recogniseFormat, type ImportFormat } from './recognise';
import { importTlearnPatterns, importTlearnProject } from './tlearn';

/** A file's name (a path will do: it is what messages show) and its text. */
export interface NamedText {
  name: string;
  text: string;
}

export type ImportSet<F extends NamedText> =
  /** tlearn's files: the .cf (when given) brings the network, the .data the inputs, the .teach the targets. */
  | { kind: 'tlearn'; cf?: F; data: F; teach: F; reset?: F; wts?: F }
  /** A Lens network script (.in) and the example file (.ex) it trains on. */
  | { kind: 'lens'; script: F; examples: F }
  /** One pattern file; a .pat and a table need more said (the split, the columns) before they are read. */
  | { kind: 'pdp-pat' | 'lens-ex' | 'csv'; file: F };

/** A set of files that is not one of the sets above: the message says what to give instead. */
export class ImportSetError extends Error {
  override readonly name = 'ImportSetError';
}

/** Sorts the files into the one set they make, by each one's format; throws ImportSetError if they make none. */
export function sortImportFiles<F extends NamedText>(files: readonly F[]): ImportSet<F> {
  if (files.length === 0) throw new ImportSetError('No file was given to import.');
  const recognised = files.map((file) => ({ file, format: recogniseFormat(file.name, file.text) }));
  const unknown = recognised.find((r) => r.format === null);
  if (unknown) throw new ImportSetError(`${unknown.file.name}: not a format this app imports (CSV/TSV, tlearn .cf with .data and .teach, PDP .pat, Lens .ex, a Lens .in script with its .ex).`);
  const of = (format: ImportFormat) => recognised.filter((r) => r.format === format).map((r) => r.file);
  const [script] = of('lens-in');
  if (script) {
    const [examples] = of('lens-ex');
    if (files.length !== 2 || !examples) {
      throw new ImportSetError(`${script.name}: a Lens network script is imported with the example file it trains on: give the .in and one .ex together.`);
    }
    return { kind: 'lens', script, examples };
  }
  const [cf] = of('tlearn-cf');
  const [data] = of('tlearn-data');
  const [teach] = of('tlearn-teach');
  const [reset] = of('tlearn-reset');
  const [wts] = of('tlearn-wts');
  if (cf || data || teach || reset || wts) {
    if (files.length !== [cf, data, teach, reset, wts].filter(Boolean).length) {
      throw new ImportSetError('Import a tlearn .cf with its .data and .teach (one of each, and optionally its .reset and .wts), or one pattern file on its own.');
    }
    if (wts && !cf) throw new ImportSetError(`${wts.name}: a tlearn weights file is read onto its network: give the .cf with it.`);
    if (!data || !teach) {
      const missing = [data ? null : '.data', teach ? null : '.teach'].filter(Boolean).join(' and ');
      throw new ImportSetError(
        `A tlearn import needs the .data file (inputs) and the .teach file (targets), with the .cf for the network: give them together (the ${missing} ${missing.includes(' and ') ? 'were' : 'was'} not given).`,
      );
    }
    return { kind: 'tlearn', cf, data, teach, ...(reset ? { reset } : {}), ...(wts ? { wts } : {}) };
  }
  if (files.length !== 1) throw new ImportSetError('Import one pattern file at a time, a tlearn .cf with its .data and .teach together, or a Lens .in script with its .ex.');
  const [{ file, format }] = recognised;
  return { kind: format as 'pdp-pat' | 'lens-ex' | 'csv', file };
}

/** What files give once read: the patterns, and when one describes a network (a tlearn .cf, a Lens script) its layers and training settings. */
export interface ImportedFiles {
  imported: ImportedPatterns;
  layers?: LayerSpec[];
  /** The projections between the layers, when the .cf's network is not a chain. */
  projections?: ProjectionSpec[];
  /** The copy links of a simple recurrent network (a .cf's copy-back connections, a Lens script's elmanConnect). */
  links?: CopyLinkSpec[];
  training?: Partial<TrainingSettings>;
  /** The weights a file gave (a tlearn .wts), for the layers' projections in order and their biases. */
  weights?: ImportedWeights;
}

/** Reads a tlearn set; the importers' errors (ImportError) say which file, line and column. */
export function readTlearnSet({ cf, data, teach, reset, wts }: { cf?: NamedText; data: NamedText; teach: NamedText; reset?: NamedText; wts?: NamedText }): ImportedFiles {
  const files = {
    data: data.text, teach: teach.text, dataFile: data.name, teachFile: teach.name,
    ...(reset ? { reset: reset.text, resetFile: reset.name } : {}),
    ...(wts ? { wts: wts.text, wtsFile: wts.name } : {}),
  };
  if (!cf) return { imported: importTlearnPatterns(files) };
  const project = importTlearnProject({ ...files, cf: cf.text, cfFile: cf.name });
  const init = project.network.training.init;
  const { projections, links } = project.network;
  const weights = project.weights ? { weights: project.weights.weights, biases: project.weights.biases } : undefined;
  return {
    imported: project, layers: project.network.layers, ...(projections ? { projections } : {}), ...(links ? { links } : {}),
    ...(init?.kind === 'uniform' ? { training: { init } } : {}), ...(weights ? { weights } : {}),
  };
}

/** What the files alone do not say, and the command line's options or the app's questions do. */
export interface ImportAnswers {
  /** The inputs and outputs per pattern: a .pat is read only once this is given (a Lens file may use it too). */
  sizes?: { inputs?: number; outputs?: number };
  /** A table's input and target columns (names or numbers from 0): a table is read only once these are given. */
  columns?: { inputColumns: CsvColumnRef[]; targetColumns: CsvColumnRef[]; nameColumn?: CsvColumnRef };
}

export type ImportStep<F extends NamedText> =
  /** The files read: the set they made, and what it gave. */
  | { kind: 'read'; set: ImportSet<F>; files: ImportedFiles }
  /** A .pat with no sizes given: it does not say where its inputs end. */
  | { kind: 'split'; file: F }
  /** A table with no columns given: its preview, to choose them from. */
  | { kind: 'columns'; file: F; preview: CsvPreview };

/**
 * The one import dispatcher, for the command line and File → Import alike: sorts the files into their set
 * and reads it with the answers given, or says which answer it needs first. Throws the importers' errors
 * (ImportError, with file, line and column) and ImportSetError.
 */
export function readImportSet<F extends NamedText>(given: readonly F[], answers: ImportAnswers = {}): ImportStep<F> {
  const set = sortImportFiles(given);
  switch (set.kind) {
    case 'tlearn':
      return { kind: 'read', set, files: readTlearnSet(set) };
    case 'lens':
      return { kind: 'read', set, files: readLensSet(set) };
    case 'pdp-pat':
      if (!answers.sizes) return { kind: 'split', file: set.file };
      return { kind: 'read', set, files: { imported: importPdpPat(set.file.text, { ...answers.sizes, file: set.file.name }) } };
    case 'lens-ex':
      return { kind: 'read', set, files: { imported: importLensExamples(set.file.text, { ...answers.sizes, file: set.file.name }) } };
    case 'csv':
      if (!answers.columns) return { kind: 'columns', file: set.file, preview: previewCsv(set.file.text, { file: set.file.name }) };
      return { kind: 'read', set, files: { imported: importCsv(set.file.text, { file: set.file.name, ...answers.columns }) } };
  }
}
