/** The validator's problems in the workbench's words: layers from 0 as Step through numbers them, patterns from 1, settings by label. */
import { describe, expect, it } from 'vitest';
import { describeProblem, problemsAt } from '../../../src-renderer/shared/problem-paths';

const document = {
  layers: [{ name: 'input' }, { name: 'hidden' }, { name: 'output' }],
  patterns: [{ name: '00' }, { name: '01' }],
  testPatterns: [{ name: 'probe' }],
};

describe('describeProblem', () => {
  it('names layers from 0, patterns from 1, and fields in words', () => {
    expect(describeProblem({ path: 'layers[1].unitNames', message: 'has 3 names but the layer has 2 units' }, document))
      .toEqual({ subject: 'Layer 1 (hidden), unit names', message: 'has 3 names but the layer has 2 units', place: 'Network tab' });
    expect(describeProblem({ path: 'patterns[1].target[0]', message: 'is 2' }, document).subject).toBe('Pattern 2 (01), target value 1');
    expect(describeProblem({ path: 'testPatterns[0].input', message: 'x' }, document)).toMatchObject({ subject: 'Test pattern 1 (probe), input', place: 'Patterns tab' });
    expect(describeProblem({ path: 'layers', message: 'x' }, document).subject).toBe('The network');
  });

  it('names settings and their choices by the labels the Train tab shows', () => {
    expect(describeProblem({ path: 'training.rule', message: 'the delta rule trains one layer of weights, but this network has 2: use "backprop"' }, document))
      .toEqual({ subject: 'Rule', message: 'the delta rule trains one layer of weights, but this network has 2: use Backpropagation', place: 'Train tab, settings' });
    expect(describeProblem({ path: 'layers[2].activation', message: 'softmax outputs need the cross-entropy loss: set training.loss to "cross-entropy"' }, document).message)
      .toBe('softmax outputs need the cross-entropy loss: set Loss to Cross-entropy');
  });

  it('problemsAt keeps a field’s problems and not a sibling’s', () => {
    const problems = [{ path: 'layers[1].units', message: 'a' }, { path: 'layers[10]', message: 'b' }];
    expect(problemsAt(problems, 'layers[1]')).toEqual([problems[0]]);
  });
});
