/**
 * The builder's verbs: each is one committed edit of the document's layer list. Changes of architecture
 * ask before trained weights go; a new size of the input or output layer offers to take the patterns along.
 */
import type { ActivationName, LayerSpec, ModelDocument } from '../../src-shared/model/schema';
import { networkGraph } from '../../src-shared/model/graph';
import { changeLayer, insertLayer, moveLayer, newLayer, patternBlock, patternWidth, removeLayer, resizePatterns, type LayerKind } from './layer-edits';
import { addProjection, connectionProblem, removeProjection } from './projection-edits';
import { attachContext, contextProblem, setContextInitial, setRecurrenceDepth, unitsFollowCopies } from './context-edits';
import { hasTrainedWeights } from '../shared/trainer/weights-fit';
import type { Change, Workspace } from '../shared/document/workspace.svelte';

export class NetworkBuilder {
  constructor(private readonly workspace: Workspace) {}

  private get model(): ModelDocument | null {
    return this.workspace.document.current;
  }

  insert(index: number, kind: LayerKind, activation: ActivationName): Promise<boolean> {
    const model = this.model;
    if (!model) return Promise.resolve(false);
    const layer = newLayer(model.layers, kind, activation);
    return this.workspace.edit(`Add ${kind} layer`, (m) => insertLayer(m, index, layer));
  }

  move(from: number, to: number): Promise<boolean> {
    if (from === to) return Promise.resolve(false);
    // The weights belong to the layers' old order even when every matrix would still fit the new one.
    return this.workspace.edit('Move layer', (m) => moveLayer(m, from, to), { discardsWeights: true });
  }

  remove(index: number): Promise<boolean> {
    const model = this.model;
    if (!model || model.layers.length <= 2) return Promise.resolve(false);
    return this.workspace.edit(`Remove layer “${model.layers[index].name}”`, (m) => removeLayer(m, index));
  }

  async setUnits(index: number, units: number): Promise<boolean> {
    const model = this.model;
    if (!model) return false;
    const block = patternBlock(model, index);
    const label = `Change units of “${model.layers[index].name}”`;
    // A context and the layer it copies keep the same size (the copy is one to one).
    const resize = (m: ModelDocument) => unitsFollowCopies(changeLayer(m, index, { units }), index, units);
    if (!block) return this.workspace.edit(label, resize);
    const { side, offset } = block;
    // The layer's block of pattern values: the whole side when it is the side's only layer.
    const graph = networkGraph(model);
    const only = (side === 'input' ? graph.inputs : graph.outputs).length === 1;
    const from = only ? patternWidth(model, side) : model.layers[index].units;
    if (from === units) return this.workspace.edit(label, resize);
    const answer = await this.askResize(model, index, side, from, units);
    if (answer === 'cancel') return false;
    const change: Change = answer === 'resize' ? (m) => resizePatterns(resize(m), side, units, { offset, from }) : resize;
    // Already asked, weights included.
    return this.workspace.edit(label, change, { confirmDiscard: async () => true });
  }

  /**
   * A projection from layer `from` into layer `to`; its weights start as the run's initialization makes them.
   * One the format cannot hold (into an input layer, out of a softmax layer, a layer into itself, a repeat)
   * is not made; one that closes a cycle is, and the validator names the cycle.
   */
  connect(from: number, to: number): Promise<boolean> {
    const model = this.model;
    if (!model || connectionProblem(model, from, to) !== null) return Promise.resolve(false);
    return this.workspace.edit(`Connect “${model.layers[from].name}” to “${model.layers[to].name}”`, (m) => addProjection(m, from, to));
  }

  /**
   * A context layer copying layer `source` (hidden: Elman; output: Jordan), placed just below it and
   * projecting into it; not made for a layer that cannot have one (contextProblem).
   */
  attachContext(source: number): Promise<boolean> {
    const model = this.model;
    if (!model || contextProblem(model, source) !== null) return Promise.resolve(false);
    return this.workspace.edit(`Attach a context layer to “${model.layers[source].name}”`, (m) => attachContext(m, source));
  }

  /** Copy link `link`'s value at each sequence's start. */
  setContextInitial(link: number, initial: number): Promise<boolean> {
    return this.workspace.edit('Change context initial value', (m) => setContextInitial(m, link, initial));
  }

  /** The gradient through time: 1 the one-step gradient, k > 1 BPTT to depth k. */
  setGradientDepth(depth: number): Promise<boolean> {
    return this.workspace.edit(depth <= 1 ? 'Use the one-step gradient' : `Use BPTT to depth ${depth}`, (m) => setRecurrenceDepth(m, depth));
  }

  disconnect(from: number, to: number): Promise<boolean> {
    const model = this.model;
    if (!model) return Promise.resolve(false);
    return this.workspace.edit(`Remove projection “${model.layers[from].name}” → “${model.layers[to].name}”`, (m) => removeProjection(m, from, to));
  }

  setActivation(index: number, activation: ActivationName): Promise<boolean> {
    return this.change(index, { activation }, 'Change activation');
  }

  setBias(index: number, bias: boolean): Promise<boolean> {
    return this.change(index, { bias }, bias ? 'Add bias' : 'Remove bias');
  }

  /** `learn` false freezes the weights into the layer; true (the default) is stored as no field at all. */
  setLearn(index: number, learn: boolean): Promise<boolean> {
    return this.change(index, { learn: learn ? undefined : false }, learn ? 'Let layer learn' : 'Freeze layer');
  }

  rename(index: number, name: string): Promise<boolean> {
    return this.change(index, { name }, 'Rename layer');
  }

  setUnitNames(index: number, unitNames: string[] | undefined): Promise<boolean> {
    return this.change(index, { unitNames }, 'Name units');
  }

  private change(index: number, changes: Partial<LayerSpec>, label: string): Promise<boolean> {
    return this.workspace.edit(label, (m) => changeLayer(m, index, changes));
  }

  private async askResize(model: ModelDocument, index: number, side: 'input' | 'target', width: number, units: number): Promise<'cancel' | 'layer' | 'resize'> {
    const layer = model.layers[index];
    const values = side === 'input' ? 'input values' : 'target values';
    const how = units > width ? `adds ${units - width} ${values} of 0 to each pattern` : `drops each pattern’s last ${width - units} ${values}`;
    const weights = hasTrainedWeights(model) ? ` The weights trained for ${model.state?.epoch} epochs are discarded; Undo brings them back.` : '';
    const answer = await this.workspace.questions.ask({
      title: `Change “${layer.name}” to ${units} ${units === 1 ? 'unit' : 'units'}?`,
      message: `The patterns have ${width} ${values} each. Resizing the patterns ${how}.${weights}`,
      choices: [
        { id: 'cancel', label: 'Cancel' },
        { id: 'layer', label: 'Change the layer only' },
        { id: 'resize', label: 'Change and resize the patterns', tone: 'primary' },
      ],
      cancelId: 'cancel',
    });
    return answer as 'cancel' | 'layer' | 'resize';
  }
}
