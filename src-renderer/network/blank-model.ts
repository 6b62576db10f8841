/** What File → New starts from: the smallest network there is, ready to be built up in the builder. */
import { createModel } from '../../src-shared/model/create';
import type { ModelDocument } from '../../src-shared/model/schema';

export function blankModel(): ModelDocument {
  return createModel({
    name: 'Untitled model',
    description: '',
    layers: [
      { kind: 'input', name: 'input', units: 2, activation: 'linear', bias: false },
      { kind: 'output', name: 'output', units: 1, activation: 'logistic', bias: true },
    ],
    patterns: [{ name: 'p1', input: [0, 0], target: [0] }],
  });
}
