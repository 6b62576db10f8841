/**
 * The benchmark's graph networks (issue 13): Rumelhart's network as he built it, online, and a network with
 * projections that skip layers, in minibatches — run on the graph path (createRun), beside tfjs with the
 * same graph (tfjs-reference.ts's graphTrainer).
 */
import { graphExamples } from '../src-shared/data/examples';
import { createModel } from '../src-shared/model/create';
import type { LayerSpec, ModelDocument, ProjectionSpec } from '../src-shared/model/schema';
import { toPatternSet } from '../src-shared/engine/patterns';
import type { BenchCase } from './cases';
import { lcg } from './support';

export interface GraphShape {
  layers: LayerSpec[];
  projections: ProjectionSpec[];
}

function graphCase(name: string, graph: GraphShape, patterns: ModelDocument['patterns'], options: Omit<BenchCase, 'name' | 'sizes' | 'data' | 'patterns' | 'graph'>): BenchCase {
  const units = (kind: LayerSpec['kind']) => graph.layers.filter((layer) => layer.kind === kind).reduce((sum, layer) => sum + layer.units, 0);
  const sizes = [units('input'), units('output')];
  return { name, sizes, patterns, data: toPatternSet(patterns, sizes[0], sizes[1]), graph, ...options };
}

export function graphBenchCases(): BenchCase[] {
  const rumelhart = graphExamples.find((example) => example.id === 'rumelhart-graph')!.build();
  const rand = lcg(3);
  const layer = (kind: LayerSpec['kind'], name: string, units: number): LayerSpec =>
    ({ kind, name, units, activation: kind === 'input' ? 'linear' : 'logistic', bias: kind !== 'input' });
  const skips: GraphShape = {
    layers: [layer('input', 'input', 64), layer('hidden', 'h1', 64), layer('hidden', 'h2', 64), layer('output', 'output', 16)],
    projections: [{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 2, to: 3 }, { from: 0, to: 2 }, { from: 0, to: 3 }, { from: 1, to: 3 }],
  };
  const skipPatterns = Array.from({ length: 256 }, (_, p) => ({
    name: `p${p}`, input: Array.from({ length: 64 }, () => rand() * 2 - 1), target: Array.from({ length: 16 }, () => (rand() < 0.5 ? 1 : 0)),
  }));
  const small = { hidden: 'logistic', output: 'logistic', momentum: 0.9, goal: { times: 0, of: 'best' } } as const;
  return [
    graphCase('Rumelhart graph 8+4-8-15-26, online', { layers: rumelhart.layers, projections: rumelhart.projections! }, rumelhart.patterns,
      { ...small, update: 'online', patternsPerUpdate: 1, learningRate: 0.1 }),
    graphCase('graph 64-64-64-16 with skips, minibatch 16', skips, skipPatterns, { ...small, update: 'minibatch', patternsPerUpdate: 16, learningRate: 0.1 }),
  ];
}

export function graphEngineModel(c: BenchCase & { graph: GraphShape }): ModelDocument {
  return createModel({
    name: c.name, description: 'benchmark', layers: c.graph.layers, projections: c.graph.projections, patterns: c.patterns,
    training: {
      update: c.update, batchSize: c.patternsPerUpdate, order: 'permuted', learningRate: c.learningRate, momentum: c.momentum,
      init: { kind: 'uniform', range: 1 }, errorCriterion: 0, maxEpochs: 1e9,
    },
  });
}

/** Weights and biases of a graph: the benchmark counts 6 floating-point operations per parameter per example. */
export function graphParameterCount(graph: GraphShape): number {
  const weights = graph.projections.reduce((sum, p) => sum + graph.layers[p.from].units * graph.layers[p.to].units, 0);
  return weights + graph.layers.filter((layer) => layer.kind !== 'input' && layer.bias).reduce((sum, layer) => sum + layer.units, 0);
}
