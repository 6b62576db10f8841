/**
 * Lens network scripts (.in) read without running Tcl: the plain commands with literal arguments build the
 * network (ELMAN groups as context layers), everything else is refused naming its line. The fixtures in
 * test/fixtures/lens/srn are written after the Lens manual's examples (addNet, addGroup, connectGroups,
 * elmanConnect, loadExamples).
 */
import { describe, expect, it } from 'vitest';
import { importLensNetwork } from '../../../src-shared/data/import/lens-network';
import { ImportSetError, modelFromImport, readImportSet, recogniseFormat } from '../../../src-shared/data/import';
import { createModel } from '../../../src-shared/model/create';
import { parseModel } from '../../../src-shared/model/parse';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { createRun } from '../../../src-shared/engine/training-run';
import { expectImportError, fixture } from './fixtures';

const script = (name: string) => ({ name, text: fixture(`lens/srn/${name}`) });
const read = (text: string) => () => importLensNetwork(text, { file: 'net.in' });
const SRN = ['addNet srn -i 3', 'addGroup input 2 INPUT', 'addGroup context 3 ELMAN', 'addGroup hidden 3', 'addGroup output 2 OUTPUT', 'connectGroups {input context} hidden output', 'elmanConnect hidden context'];
const srn = (...more: string[]) => [...SRN, ...more].join('\n');

describe('a Lens simple recurrent network script', () => {
  it('builds its groups as layers, connectGroups as projections and elmanConnect as the copy into the context', () => {
    const network = importLensNetwork(script('txor.in').text, { file: 'txor.in' });
    expect(network.layers).toEqual([
      { kind: 'input', name: 'input', units: 1, activation: 'linear', bias: false },
      { kind: 'hidden', name: 'context', units: 2, activation: 'linear', bias: false },
      { kind: 'hidden', name: 'hidden', units: 2, activation: 'logistic', bias: true },
      { kind: 'output', name: 'output', units: 1, activation: 'logistic', bias: true },
    ]);
    // {input context} → hidden → output: each group of a list to each of the next.
    expect(network.projections).toEqual([{ from: 0, to: 2 }, { from: 1, to: 2 }, { from: 2, to: 3 }]);
    // Lens starts a logistic source's context at 0.5.
    expect(network.links).toEqual([{ kind: 'copy', from: 2, to: 1, delay: 1, initial: 0.5 }]);
    // randRange 0.5 is ±0.5: the model's range is the whole width.
    expect(network.training).toEqual({ loss: 'squared-error', learningRate: 0.5, momentum: 0, init: { kind: 'uniform', range: 1 } });
    expect(network.intervals).toBe(3);
    expect(network.exampleFiles).toEqual(['txor.ex']);
    expect(network.warnings).toEqual([]);
  });

  it('imports with its .ex, trains, and matches the same network built by hand weight for weight', () => {
    const step = readImportSet([script('txor.in'), script('txor.ex')]);
    if (step.kind !== 'read') throw new Error(step.kind);
    expect(step.set.kind).toBe('lens');
    const { imported, layers, projections, links, training } = step.files;
    expect(imported.patterns).toHaveLength(24);
    expect(imported.patterns.slice(3, 6)).toEqual([
      { name: '01 2 1', input: [0], target: [1], reset: true },
      { name: '01 2 2', input: [1], target: [1] },
      { name: '01 2 3', input: [1], target: [null] },
    ]);
    expect(imported.warnings).toEqual([]);
    const parsed = parseModel(modelFromImport({ name: 'txor', imported, layers, projections, links, training }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const model: ModelDocument = { ...parsed.model, training: { ...parsed.model.training, seed: 7, order: 'sequential' } };

    const byHand = createModel({
      name: 'by hand',
      description: '',
      layers: [
        { kind: 'input', name: 'input', units: 1, activation: 'linear', bias: false },
        { kind: 'hidden', name: 'context', units: 2, activation: 'linear', bias: false },
        { kind: 'hidden', name: 'hidden', units: 2, activation: 'logistic', bias: true },
        { kind: 'output', name: 'output', units: 1, activation: 'logistic', bias: true },
      ],
      projections: [{ from: 0, to: 2 }, { from: 1, to: 2 }, { from: 2, to: 3 }],
      links: [{ kind: 'copy', from: 2, to: 1, delay: 1, initial: 0.5 }],
      patterns: model.patterns,
      training: { ...model.training, loss: 'squared-error', learningRate: 0.5, momentum: 0, init: { kind: 'uniform', range: 1 } },
    });
    const imported300 = createRun(model);
    const hand300 = createRun(byHand);
    const before = imported300.testPass().tss;
    imported300.advance(Number.MAX_SAFE_INTEGER, 300);
    hand300.advance(Number.MAX_SAFE_INTEGER, 300);
    expect(imported300.epoch).toBe(300);
    expect(imported300.state().weights).toEqual(hand300.state().weights);
    expect(imported300.state().biases).toEqual(hand300.state().biases);
    // It learns.
    expect(imported300.testPass().tss).toBeLessThan(before);
  });

  it('reads the context\'s start, the bias, the costs and the settings as Lens gives them', () => {
    expect(importLensNetwork(srn().replace('elmanConnect hidden context', 'elmanConnect hidden context -initOutput 0.1')).links?.[0].initial).toBe(0.1);
    expect(importLensNetwork(srn('setObject hidden.initOutput 0.2')).links?.[0].initial).toBe(0.2);
    expect(importLensNetwork(srn().replace('addGroup hidden 3', 'addGroup hidden 3 TANH')).links?.[0].initial).toBe(0);
    const unbiased = importLensNetwork(srn().replace('addGroup hidden 3', 'addGroup hidden 3 -BIASED'));
    expect(unbiased.layers.map((l) => l.bias)).toEqual([false, false, false, true]);
    // Lens's default cost is cross-entropy, squared error for linear outputs.
    expect(importLensNetwork(srn()).training.loss).toBe('cross-entropy');
    expect(importLensNetwork(srn().replace('2 OUTPUT', '2 OUTPUT LINEAR')).training.loss).toBe('squared-error');
    expect(importLensNetwork(srn('setObject weightDecay 0.001', 'seed 12')).training).toMatchObject({ weightDecay: 0.001, seed: 12 });
    expect(importLensNetwork(srn().replace('elmanConnect hidden context', 'elmanConnect hidden context -reset 0')).resetOnExample).toBe(false);
    // The passed-over commands are said, not silently dropped.
    expect(importLensNetwork(srn('train 100', 'view')).warnings).toEqual(['line 8 `train 100`, line 9 `view` are passed over: the model opens untrained, to be trained in the app']);
  });

  it('reads addNet\'s one-line form as a chain of input, hidden and output groups', () => {
    const set = readImportSet([script('xor-autonet.in'), { name: 'xor-sparse.ex', text: fixture('lens/xor-sparse.ex') }]);
    if (set.kind !== 'read') throw new Error(set.kind);
    expect(set.files.layers?.map((l) => [l.kind, l.name, l.units, l.bias])).toEqual([['input', 'input', 2, false], ['hidden', 'hidden', 2, true], ['output', 'output', 1, true]]);
    expect(set.files.projections).toEqual([{ from: 0, to: 1 }, { from: 1, to: 2 }]);
    expect(set.files.links).toBeUndefined();
    expect(set.files.imported.patterns).toHaveLength(4);
    expect(set.files.imported.warnings).toEqual(['line 5 `train 1000` is passed over: the model opens untrained, to be trained in the app']);
  });

  it('says what Lens would do differently with the examples', () => {
    const ex = { name: 'seq.ex', text: 'name: a 2 I: 1 0 T: 0 1 I: 0 1 T: 1 0;\nname: b 2 I: 0 1 T: 1 0 I: 1 0 T: 0 1;' };
    const notes = (text: string) => {
      const step = readImportSet([{ name: 'net.in', text }, ex]);
      if (step.kind !== 'read') throw new Error(step.kind);
      return step.files;
    };
    expect(notes(srn()).imported.warnings).toEqual([]);
    expect(notes(srn('loadExamples train.ex')).imported.warnings).toEqual(['net.in loads train.ex; the examples imported with it are seq.ex']);
    expect(notes(srn().replace(' -i 3', '')).imported.warnings[0]).toMatch(/at most 1 event \(addNet's -i, 1 when not given\) but an example has 2: Lens would stop there/);
    const stream = notes(srn().replace('elmanConnect hidden context', 'elmanConnect hidden context -r 0'));
    expect(stream.imported.patterns.some((p) => p.reset)).toBe(false);
    expect(stream.imported.warnings).toEqual(['resetOnExample is 0: the context carries over from one example to the next, so the examples form one continuous stream']);
  });
});

describe('what a Lens script needs Tcl for, or the app cannot build, is refused naming the line', () => {
  it('refuses Tcl variables, loops and procedures', () => {
    expectImportError(() => importLensNetwork(script('loops.in').text, { file: 'loops.in' }), { file: 'loops.in', line: 4, column: 1 }, /^`set` sets a Tcl variable: Backprop Lab reads only literal Lens commands.*: line 4 `set size 10`/);
    const loop = script('loops.in').text.replace('set size 10\n', '');
    expectImportError(read(loop), { line: 6, column: 1 }, /^`for` is Tcl control flow: Backprop Lab reads only literal Lens commands: line 6 `for \{set i 0\}/);
    expectImportError(read(srn().replace('addGroup hidden 3', 'addGroup hidden $size')), { line: 4, column: 17 }, /`\$size` is a Tcl variable/);
    expectImportError(read(srn().replace('addGroup hidden 3', 'addGroup hidden [expr 2 + 1]')), { line: 4, column: 17 }, /Tcl command substitution/);
    expectImportError(read(srn('proc go {} { train 10 }')), { line: 8, column: 1 }, /`proc` defines a Tcl procedure/);
    expectImportError(read(srn('source more.tcl')), { line: 8, column: 1 }, /`source` runs another script/);
    expectImportError(read(srn('doSomething 3')), { line: 8, column: 1 }, /`doSomething` is not a command Backprop Lab reads from a Lens script: it reads addNet, addGroup/);
  });

  it('refuses networks and connections the app cannot build', () => {
    expectImportError(read(srn().replace('-i 3', '-i 3 SRBPTT')), { line: 1, column: 17 }, /`SRBPTT` networks are not built here/);
    expectImportError(read(srn().replace('-i 3', '-i 3 -t 5')), { line: 1, column: 17 }, /`-t` above 1 is for continuous networks/);
    expectImportError(read(srn('connectGroups input context')), { line: 8, column: 21 }, /a projection into the ELMAN group `context`.*receives nothing else/);
    expectImportError(read(srn().replace('addGroup context 3 ELMAN', 'addGroup context 2 ELMAN')), { line: 7, column: 21 }, /`hidden` has 3 units and `context` 2: a context copies its source unit by unit: line 7/);
    expectImportError(read(srn().replace('elmanConnect hidden context', '')), { line: 3, column: 1 }, /the ELMAN group `context` copies no group: add `elmanConnect SOURCE context`/);
    expectImportError(read(srn().replace('addGroup hidden 3', 'addGroup hidden 3 IN_NOISE')), { line: 4, column: 19 }, /`IN_NOISE` is a Lens group type the app cannot build/);
    expectImportError(read(srn().replace('ELMAN', 'ELMAN BIASED')), { line: 3, column: 1 }, /an ELMAN group takes no bias here/);
    expectImportError(read(srn('connectGroups hidden output')), { line: 8, column: 22 }, /`hidden` is connected to `output` twice/);
    expectImportError(read(srn('connectGroups hidden output2')), { line: 8, column: 22 }, /there is no group named `output2`/);
    expectImportError(read(srn().replace('connectGroups {input context} hidden output', 'connectGroups {input context} hidden output -bidirectional 1')), { line: 6, column: 45 }, /`-bidirectional 1` is not built here/);
    expectImportError(read(srn('addGroup output2 1 OUTPUT LINEAR', 'connectGroups hidden output2')), { line: 8, column: 1 }, /output groups with different costs/);
    expectImportError(read(srn('setObject momentum 1.2')), { line: 8, column: 20 }, /expected a momentum from 0 to below 1, found `1\.2`/);
    expectImportError(read(srn('setObject hidden.gain 2')), { line: 8, column: 11 }, /a group's `gain` is not read here/);
    expectImportError(read('addGroup input 2 INPUT'), { line: 1, column: 1 }, /`addGroup` before `addNet`/);
    expectImportError(read('# nothing but a comment'), { line: 1, column: 1 }, /no `addNet`/);
  });
});

describe('a Lens script among the files to import', () => {
  it('is recognised by its extension or its addNet, and needs its .ex', () => {
    expect(recogniseFormat('net.in', '')).toBe('lens-in');
    expect(recogniseFormat('net.tcl', '')).toBe('lens-in');
    expect(recogniseFormat('net.txt', '# a network\naddNet n 2 1\n')).toBe('lens-in');
    expect(() => readImportSet([script('txor.in')])).toThrow(ImportSetError);
    expect(() => readImportSet([script('txor.in')])).toThrow(/a Lens network script is imported with the example file it trains on: give the \.in and one \.ex together/);
  });
});
