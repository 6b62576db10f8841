/**
 * The Step through tab's state: which pattern is shown (the one the trainer last stepped, or one looked at
 * with the current weights), which phase of it, which unit, and what the phase shows — the numbers always
 * the trainer's inspection, never recomputed here. Create it while the tab's component initialises: it
 * follows the session with effects that end with the component.
 */
import { untrack } from 'svelte';
import type { PatternInspection } from '../../src-shared/ipc/trainer-protocol';
import { networkGraph } from '../../src-shared/model/graph';
import type { ModelDocument } from '../../src-shared/model/schema';
import { phaseEquation } from './phase-equations';
import { phaseTitle, phaseView, stepPhases, unitDetails, type UnitRef } from './step-phases';
import type { TrainerSession } from '../shared/trainer/trainer-session.svelte';

/** A pattern looked at, not trained: its inspection with the weights of `epoch`. */
export interface LookedPattern {
  pattern: number;
  epoch: number;
  inspection: PatternInspection;
}

/** The diagram is laid out again only when the card's width moves by more than a scrollbar's. */
const RELAYOUT_WIDTH = 32;

/** What Step through reads of a trainer: the session itself, or the timeline's snapshot looked back at. */
export type StepSource = Pick<TrainerSession, 'lastStep' | 'status' | 'epoch' | 'weights' | 'inspect'>;

export class StepThrough {
  /** What is shown: the pattern the trainer last stepped, or one looked at with the current weights. */
  source = $state<'stepped' | 'looked'>('looked');
  /** The training pattern chosen to look at. */
  picked = $state(0);
  looked = $state.raw<LookedPattern | null>(null);
  lookProblem = $state<string | null>(null);
  selected = $state<UnitRef | null>(null);
  hovered = $state<UnitRef | null>(null);
  /** The width the diagram is laid out for (see `fitWidth`). */
  layoutWidth = $state(640);
  private phaseIndex = $state(0);

  readonly step = $derived.by(() => (this.source === 'stepped' ? this.session().lastStep : null));
  readonly inspection = $derived.by(() => (this.step ? this.step.inspection : (this.looked?.inspection ?? null)));
  readonly depth = $derived.by(() => this.model().layers.length - 1);
  /** The model's network: a chain, or a graph whose sums run over its projections. */
  readonly graph = $derived.by(() => networkGraph(this.model()));
  /** A recurrent network's copy links: each context layer's copy phase comes before the forward pass. */
  readonly copies = $derived.by(() => (this.model().links ?? []).map((link) => ({ from: link.from, to: link.to })));
  readonly phases = $derived.by(() => stepPhases({ kinds: this.model().layers.map((l) => l.kind), projections: this.graph.projections, copies: this.copies }));
  readonly index = $derived.by(() => Math.min(this.phaseIndex, this.phases.length - 1));
  readonly phase = $derived.by(() => this.phases[this.index]);
  readonly titles = $derived.by(() => {
    const layerNames = this.model().layers.map((l) => l.name);
    return this.phases.map((p) => phaseTitle(p, layerNames, this.graph.projections));
  });
  /** A model edited since the inspection (units added) would not match it: show nothing rather than a mismatch. */
  readonly fits = $derived.by(() => {
    const { inspection } = this;
    const layers = this.model().layers;
    const { projections } = this.graph;
    return inspection !== null && inspection.layers.length === layers.length && inspection.layers.every((layer, j) => layer.activation.length === layers[j].units)
      && inspection.weightLayers.length === projections.length && inspection.weightLayers.every((w, q) => w.from === projections[q].from && w.to === projections[q].to);
  });
  readonly view = $derived.by(() => (this.fits && this.inspection ? phaseView(this.inspection, this.phase) : null));
  readonly equation = $derived.by(() => {
    const model = this.model();
    return phaseEquation(this.phase, {
      depth: this.depth,
      activations: model.layers.map((l) => l.activation),
      loss: model.training.loss,
      rule: model.training.rule,
      learningRate: model.training.learningRate,
      momentum: model.training.momentum,
      weightDecay: model.training.weightDecay,
      graph: this.graph.isChain ? undefined : { names: model.layers.map((l) => l.name), kinds: model.layers.map((l) => l.kind), projections: this.graph.projections },
    });
  });
  readonly details = $derived.by(() => {
    const shown = this.hovered ?? this.selected;
    const { inspection } = this;
    const layers = this.model().layers;
    return this.fits && inspection && shown && shown.layer <= this.depth && shown.unit < layers[shown.layer].units
      ? unitDetails(inspection, this.phase, shown.layer, shown.unit, this.unitName, this.copies)
      : null;
  });

  constructor(
    private readonly session: () => StepSource,
    private readonly model: () => ModelDocument,
  ) {
    this.source = untrack(() => (session().lastStep ? 'stepped' : 'looked'));

    // A newly stepped pattern starts at its forward pass; a reset leaves nothing stepped to show.
    let seenStep = untrack(() => session().lastStep);
    $effect(() => {
      const step = session().lastStep;
      if (step && step !== seenStep) {
        seenStep = step;
        this.source = 'stepped';
        this.phaseIndex = 0;
      }
    });
    $effect(() => {
      if (session().status === 'ready') this.source = 'looked';
    });

    // Looking asks the trainer again whenever the weights may have changed (a result, a reset, a new model).
    $effect(() => {
      if (this.source !== 'looked') return;
      const now = session();
      const pattern = Math.min(this.picked, model().patterns.length - 1);
      const epoch = now.epoch;
      void now.weights;
      if (now.status === 'empty' || now.status === 'training' || pattern < 0) return;
      let current = true;
      now.inspect({ set: 'train', pattern }).then(
        (inspection) => {
          if (!current) return;
          this.looked = { pattern, epoch, inspection };
          this.lookProblem = null;
        },
        (error: Error) => {
          if (current) this.lookProblem = error.message;
        },
      );
      return () => {
        current = false;
      };
    });
  }

  /**
   * The card's width, as measured: the layout follows it, but not by a scrollbar's width — a taller
   * diagram can bring a scrollbar that narrows the card, which would shrink the diagram, and so on.
   */
  fitWidth(width: number): void {
    if (Math.abs(width - this.layoutWidth) > RELAYOUT_WIDTH) this.layoutWidth = width;
  }

  /** Moves to phase `to`, kept within the pattern's phases. */
  go(to: number): void {
    this.phaseIndex = Math.max(0, Math.min(this.phases.length - 1, to));
  }

  look(pattern: number): void {
    this.picked = pattern;
    this.source = 'looked';
  }

  /** A click on a unit selects it, and a second click lets it go. */
  toggle(unit: UnitRef): void {
    this.selected = this.selected?.layer === unit.layer && this.selected.unit === unit.unit ? null : unit;
  }

  readonly unitName = (layer: number, unit: number): string => {
    const spec = this.model().layers[layer];
    const named = spec?.unitNames?.[unit];
    return named ? `${spec.name}: ${named} (unit ${unit + 1})` : `${spec?.name ?? `layer ${layer}`} unit ${unit + 1}`;
  };
}
