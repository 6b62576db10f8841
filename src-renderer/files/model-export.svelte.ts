/**
 * File → Export's dialog state: the document as it stood when the dialog opened (a run in progress is
 * paused first, as Save pauses it, so the weights are this moment's), the format and layer chosen, the
 * files that choice gives, and handing them to the host: one file, or a set (tlearn's three) at once.
 */
import { GRAPH_EXPORT_FORMATS, layerChoices, MODEL_EXPORT_FORMAT_IDS, type LayerChoice, type ModelExportFormat } from '../../src-shared/data/export';
import { isGraphModel } from '../../src-shared/engine/graph/graph-support';
import type { ModelDocument } from '../../src-shared/model/schema';
import { prepareModelExport, type PreparedExport } from './model-export';
import type { Workspace } from '../shared/document/workspace.svelte';

export class ModelExporting {
  /** The document being exported; null while the dialog is closed. */
  model = $state.raw<ModelDocument | null>(null);
  format = $state<ModelExportFormat>(MODEL_EXPORT_FORMAT_IDS[0]);
  layer = $state<number | undefined>(undefined);
  /** Why the last attempt to save failed, from the host. */
  failure = $state<string | null>(null);
  saving = $state(false);

  readonly layers = $derived<LayerChoice[]>(this.model ? layerChoices(this.model, this.format) : []);
  readonly prepared = $derived<PreparedExport | null>(this.model ? prepareModelExport(this.model, this.format, this.layer) : null);

  constructor(
    private readonly workspace: Workspace,
    private readonly done: (text: string) => void,
  ) {}

  async open(): Promise<void> {
    const { document, session } = this.workspace;
    if (!document.current || this.model) return;
    await session.quiesce();
    this.model = document.current;
    this.failure = null;
    // A graph network opens on a format that writes it (the others say why they cannot).
    this.choose(isGraphModel(this.model) && !GRAPH_EXPORT_FORMATS.has(this.format) ? 'npz' : this.format);
  }

  close(): void {
    this.model = null;
  }

  choose(format: ModelExportFormat): void {
    this.format = format;
    const model = this.model;
    this.layer = model ? layerChoices(model, format)[0]?.layer : undefined;
  }

  async save(): Promise<void> {
    const prepared = this.prepared;
    if (!prepared?.ok || this.saving) return;
    const { host } = this.workspace;
    const { set, names } = prepared;
    this.saving = true;
    this.failure = null;
    try {
      const [only] = set.files;
      const saved = set.files.length === 1 ? await host.exportFile({ name: names[0], ...only }) : await host.exportFileSet(set);
      if (!saved) return;
      this.close();
      this.done(`Exported ${names.join(', ')}.`);
    } catch (error) {
      this.failure = `Could not export: ${(error as Error).message}`;
    } finally {
      this.saving = false;
    }
  }
}
