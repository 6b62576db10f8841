/**
 * Where an export came from, written with every export (inside the archive or header where the format has
 * room, as NAME.provenance.json beside it where it has none): the app and its version, the model, its seed
 * and every training setting (with the changes made mid-run), the epoch, and two SHA-256 digests:
 *
 * - modelSha256: of the model file's text as the app writes it (serializeModel: two-space JSON in the
 *   schema's key order, a final newline, UTF-8) for the document exported. A file the app saved and that
 *   was exported unedited (the command line's case) digests to the file's own bytes: `sha256sum model.bplab`.
 * - patternsSha256: of the training patterns as the model file holds them, as compact JSON
 *   (`JSON.stringify(model.patterns)`, UTF-8); testPatternsSha256 likewise for the test set, when there is one.
 *
 * No clock: the same model gives the same provenance, and so the same export bytes.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { ModelDocument, SettingChange, TrainingSettings } from '../../model/schema';
import { serializeModel } from '../../model/serialize';
import { networkGraph } from '../../model/graph';
import { isRecurrent } from '../../model/recurrence';
import { layerIdentifiers, projectionNames } from './array-names';

/** What the exporting app says about itself. */
export interface ExportContext {
  appVersion: string;
}

export interface ExportProvenance {
  app: 'Backprop Lab';
  appVersion: string;
  /** The export format, as `export --to` names it. */
  format: string;
  model: string;
  seed: number;
  epoch: number;
  settings: TrainingSettings;
  settingChanges: SettingChange[];
  /** Each layer as the model file names it, and the identifier the arrays and tensors use. */
  layers: { name: string; identifier: string; units: number; activation: string | null; bias: boolean }[];
  /** Each projection W_<from>_<to>, by the layers' identifiers, in the model's order (for a chain, layer j → j + 1). */
  projections: { from: string; to: string }[];
  /**
   * A recurrent network's copy links, by the layers' identifiers, in the model's order: context layer `to`
   * holds `from`'s activations from the event before, `initial` at a sequence's start. Absent for other networks.
   */
  links?: { from: string; to: string; initial: number }[];
  /** How a recurrent network trains through time (the model's `recurrence`; the one-step gradient when absent). */
  recurrence?: ModelDocument['recurrence'] | null;
  modelSha256: string;
  patternsSha256: string;
  testPatternsSha256: string | null;
  /** The model file's own record: the version that last wrote it, when it was created and last trained. */
  modelFile: ModelDocument['provenance'] | null;
}

export const sha256Hex = (text: string) => bytesToHex(sha256(new TextEncoder().encode(text)));

export function exportProvenance(model: ModelDocument, format: string, { appVersion }: ExportContext): ExportProvenance {
  const ids = layerIdentifiers(model.layers);
  return {
    app: 'Backprop Lab',
    appVersion,
    format,
    model: model.name,
    seed: model.training.seed,
    epoch: model.state?.epoch ?? 0,
    settings: model.training,
    settingChanges: model.state?.settingChanges ?? [],
    layers: model.layers.map((layer, j) => ({ name: layer.name, identifier: ids[j], units: layer.units, activation: layer.kind === 'input' ? null : layer.activation, bias: layer.kind !== 'input' && layer.bias })),
    projections: projectionNames(model.layers, networkGraph(model).projections).map(({ from, to }) => ({ from, to })),
    ...(isRecurrent(model)
      ? { links: model.links!.map((link) => ({ from: ids[link.from], to: ids[link.to], initial: link.initial ?? 0 })), recurrence: model.recurrence ?? null }
      : {}),
    modelSha256: sha256Hex(serializeModel(model)),
    patternsSha256: sha256Hex(JSON.stringify(model.patterns)),
    testPatternsSha256: model.testPatterns && model.testPatterns.length > 0 ? sha256Hex(JSON.stringify(model.testPatterns)) : null,
    modelFile: model.provenance ?? null,
  };
}

export function provenanceJson(provenance: ExportProvenance): string {
  return `${JSON.stringify(provenance, null, 2)}\n`;
}
