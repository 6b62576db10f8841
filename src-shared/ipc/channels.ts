/**
 * The invoke channels: every request the page can make of main, with the schema its payload must match.
 * Main checks each payload against these before a handler runs (src-main/main/ipc-handlers.ts), so a
 * handler only ever sees data of the declared shape. The preload imports only types from here (zod stays
 * out of its bundle); the ipc names themselves come from ipcChannelName in preload-api.ts.
 */
import { z } from 'zod';
import { runResultSchema, type FailedRun } from '../experiment/run-record';
import type { RunResult } from '../experiment/run-one';
import { MAX_MODEL_TEXT_BYTES } from '../model/file-size';

/** A model file or an export, as text: as long as any host can hold (file-size.ts), which the largest model fits. */
const MAX_TEXT = MAX_MODEL_TEXT_BYTES;
const text = z.string().max(MAX_TEXT);
/** An exported image's bytes (a chart's PNG), bounded as text is. */
const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array && value.byteLength <= MAX_TEXT, { message: `must be bytes, at most ${MAX_TEXT}` });
/** A file name the page proposes for a save dialog: a name, never a path. */
const suggestedName = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[/\\]/.test(name) && name !== '.' && name !== '..', { message: 'must be a file name, not a path' });

/** The help pages the app may open in the system browser; the page names a topic, never a URL. */
export const helpTopicSchema = z.enum(['user-guide', 'model-file-format', 'how-to-cite', 'report-a-problem']);
export type HelpTopic = z.infer<typeof helpTopicSchema>;

/** The page's name for an experiment's results (its text's hash, as web-experiment-store's experimentKey makes it). */
const experimentKey = z.string().regex(/^[0-9a-f]{16}-\d{1,12}$/, { message: 'must be an experiment key' });

/** What the page can export, by file extension: tables, charts (SVG, PNG), the other simulators' formats, and NumPy's. */
export const exportFormatSchema = z.enum(['csv', 'json', 'svg', 'png', 'txt', 'pat', 'ex', 'data', 'teach', 'cf', 'wts', 'reset', 'npz', 'npy', 'safetensors', 'py', 'onnx', 'mat', 'provenance.json']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** At most this many files in one exported set: tlearn's is up to five (.cf, .data, .teach, .wts, .reset) and a provenance.json. */
export const MAX_EXPORT_SET_FILES = 8;
/** Files that share a base name and differ by extension, each format once. */
const exportSet = z
  .array(z.strictObject({ content: z.union([text, bytes]), format: exportFormatSchema }))
  .min(1)
  .max(MAX_EXPORT_SET_FILES)
  .refine((files) => new Set(files.map((file) => file.format)).size === files.length, { message: 'must name each format once' });

/** What the Import dialog offers: pattern files (CSV, PDP .pat, Lens .ex, tlearn), or a tlearn network (.cf). */
export const importKindSchema = z.enum(['patterns', 'model']);
export type ImportKind = z.infer<typeof importKindSchema>;

/** Files File → Import reads as bytes, not text: weights for the open model (safetensors, NumPy .npz). */
export const WEIGHT_FILE_EXTENSIONS = ['safetensors', 'npz'] as const;
export function isWeightFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return WEIGHT_FILE_EXTENSIONS.some((extension) => lower.endsWith(`.${extension}`));
}
/** A file picked for import, as importFile answers: a weight file's bytes, any other file's text. */
export const importedFileSchema = z.union([
  z.strictObject({ name: z.string().min(1).max(4096), text }),
  z.strictObject({ name: z.string().min(1).max(4096), bytes }),
]);
export type ImportedFile = z.infer<typeof importedFileSchema>;

export const channelPayloadSchemas = {
  /** The page wants a port to a fresh trainer; it arrives as the window message TRAINER_PORT_MESSAGE. */
  trainerPort: z.strictObject({}),
  /** The document this window was opened for (a double-clicked file, Open…, Open Recent), taken once. */
  takePendingDocument: z.strictObject({}),
  /** Shows the Open dialog; the file opens in this window if it holds nothing yet, else in a new one. */
  openDocument: z.strictObject({}),
  /** The files opened or saved lately, newest first. */
  recentDocuments: z.strictObject({}),
  /** Opens one of the recent files (no other path is accepted), placed as openDocument places it. */
  openRecentDocument: z.strictObject({ path: z.string().min(1).max(4096) }),
  /** Saves to the window's file, or asks where the first time. */
  saveDocument: z.strictObject({ text, suggestedName: suggestedName.optional() }),
  /** Always asks where. */
  saveDocumentAs: z.strictObject({ text, suggestedName: suggestedName.optional() }),
  /** The unsaved-changes marker: title, macOS's edited dot, and whether closing asks first. */
  /** `name`: what the page calls its document (the model's name until it has a file), for the title. */
  setDocumentEdited: z.strictObject({ edited: z.boolean(), name: z.string().max(256).nullable().optional() }),
  /**
   * Shows the Open dialog for files to import (several: a tlearn .cf with its .data and .teach), and answers
   * with their texts, or a weight file's bytes (isWeightFileName).
   */
  importFile: z.strictObject({ kind: importKindSchema }),
  /** Shows the Save dialog for an export (text, or a PNG's bytes) and writes it. */
  exportFile: z.strictObject({ content: z.union([text, bytes]), format: exportFormatSchema, suggestedName }),
  /**
   * Shows one Save dialog for a set of files sharing a base name (tlearn's .cf, .data and .teach) and writes
   * each beside the name chosen, with its own extension.
   */
  exportFileSet: z.strictObject({ baseName: suggestedName, files: exportSet }),
  /** Opens one of the help pages: the app's own in its help window, the problem report in the browser. */
  openHelp: z.strictObject({ topic: helpTopicSchema }),
  /**
   * Starts an experiment worker (a utility process) for this window; its port arrives as the window message
   * EXPERIMENT_PORT_MESSAGE with the id answered here.
   */
  experimentWorker: z.strictObject({}),
  /** Ends one of this window's experiment workers. */
  stopExperimentWorker: z.strictObject({ id: z.number().int().positive() }),
  /**
   * Finds the results folder of this window's experiment (`experiment`: the text of its experiment.json,
   * `key`: the page's name for it in the calls below) and answers with the runs it holds, merged on read.
   */
  openExperimentResults: z.strictObject({ key: experimentKey, experiment: text }),
  /** Writes one finished run of an opened experiment, atomically. */
  putExperimentRun: z.strictObject({ key: experimentKey, run: runResultSchema }),
  /** Writes a run whose worker crashed, as failed. */
  putFailedExperimentRun: z.strictObject({ key: experimentKey, failed: z.strictObject({ index: z.number().int().min(0), message: z.string().max(4096) }) }),
  /** Merges the folder's runs into its tables and manifest (curves.csv, runs.csv, manifest.json). */
  mergeExperimentResults: z.strictObject({ key: experimentKey }),
  /** Cancel: removes the experiment's runs, tables and manifest from its folder. */
  clearExperimentResults: z.strictObject({ key: experimentKey }),
} as const;

export type InvokeChannel = keyof typeof channelPayloadSchemas;
export type ChannelPayload<C extends InvokeChannel> = z.infer<(typeof channelPayloadSchemas)[C]>;
export const INVOKE_CHANNELS = Object.keys(channelPayloadSchemas) as InvokeChannel[];

/** A document read from disk: its path (shown, and where Save writes), its file name and its text. */
export interface OpenedDocument {
  path: string;
  name: string;
  text: string;
}
/** A file opened or saved lately; `openedAt` in milliseconds since 1970. */
export interface RecentDocument {
  path: string;
  name: string;
  openedAt: number;
}
/** Where a document was written. */
export interface SavedDocument {
  path: string;
  name: string;
}

/** What each channel answers when it succeeds; null means the user cancelled a dialog. */
export interface ChannelResults {
  trainerPort: null;
  takePendingDocument: OpenedDocument | null;
  /** 'opened-in-new-window' when this window already held a document, so the file got a window of its own. */
  openDocument: OpenedDocument | 'opened-in-new-window' | null;
  recentDocuments: RecentDocument[];
  openRecentDocument: OpenedDocument | 'opened-in-new-window' | null;
  saveDocument: SavedDocument | null;
  saveDocumentAs: SavedDocument | null;
  setDocumentEdited: null;
  importFile: ImportedFile[] | null;
  exportFile: { path: string } | null;
  /** Every file written, in the order sent. */
  exportFileSet: { paths: string[] } | null;
  openHelp: null;
  experimentWorker: { id: number };
  stopExperimentWorker: null;
  openExperimentResults: ExperimentResults;
  putExperimentRun: null;
  putFailedExperimentRun: null;
  mergeExperimentResults: null;
  clearExperimentResults: null;
}

/** What a results folder holds, as openExperimentResults answers. */
export interface ExperimentResults {
  /** The folder, to show the user where the results are. */
  folder: string;
  /** Beside the model (`NAME.results`), or in the app's data folder for a model not yet saved. */
  place: 'beside-model' | 'app-data';
  /** Each finished run with its file's time (ms since 1970). */
  runs: Array<{ result: RunResult; time: number }>;
  failed: FailedRun[];
}

/** Every invoke is answered with exactly one of these: handlers never throw across the process boundary. */
export type InvokeReply<C extends InvokeChannel> = { result: ChannelResults[C] } | { error: string };
