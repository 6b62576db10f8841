import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { serializeModel } from '../../../src-shared/model/serialize';
import { readModelText, suggestedFileName } from '../../../src-renderer/files/model-text';

describe('model file text', () => {
  it('reads back what it writes, byte for byte', () => {
    const text = serializeModel(findExample('xor')!.build());
    const read = readModelText(text, 'xor.bplab');
    expect(read.ok).toBe(true);
    if (read.ok) expect(serializeModel(read.model)).toBe(text);
  });

  it('names the file and the field path of what is wrong', () => {
    const model = JSON.parse(serializeModel(findExample('xor')!.build()));
    model.layers[1].units = 'two';
    const read = readModelText(JSON.stringify(model), 'bad.bplab');
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.message).toContain('bad.bplab');
      expect(read.message).toContain('layers[1].units');
    }
  });

  it('refuses text that is not JSON', () => {
    const read = readModelText('hello', 'notes.txt');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain('not valid JSON');
  });

  it('suggests a safe file name', () => {
    expect(suggestedFileName({ ...findExample('xor')!.build(), name: 'a/b: c?' })).toBe('a-b- c-.bplab');
  });
});
