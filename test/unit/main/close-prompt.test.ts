import { describe, expect, it } from 'vitest';
import { answerFor, closeAfterAnswer, closeDecision, closePrompt } from '../../../src-main/main/close-prompt';
import { windowTitle } from '../../../src-main/main/document-title';

describe('closing a window', () => {
  it('asks only when there are unsaved changes the user has not yet answered for', () => {
    expect(closeDecision({ edited: false, confirmed: false })).toBe('close');
    expect(closeDecision({ edited: true, confirmed: false })).toBe('ask');
    expect(closeDecision({ edited: true, confirmed: true })).toBe('close');
  });

  it('saves before closing, closes without saving, or stays and stops a quit', () => {
    expect(closeAfterAnswer('save')).toEqual({ action: 'save-then-close', stopQuitting: false });
    expect(closeAfterAnswer('discard')).toEqual({ action: 'close', stopQuitting: false });
    expect(closeAfterAnswer('cancel')).toEqual({ action: 'stay', stopQuitting: true });
  });

  it.each([
    ['darwin', ['Save', 'Cancel', 'Don’t Save']],
    ['win32', ['Save', "Don't Save", 'Cancel']],
    ['linux', ['Save', "Don't Save", 'Cancel']],
  ] as const)('offers Save, Don’t Save and Cancel in %s’s order, Save the default', (platform, buttons) => {
    const { options, answers } = closePrompt('xor.bplab', platform);
    expect(options.buttons).toEqual(buttons);
    expect(options.message).toContain('xor.bplab');
    expect(answers[options.defaultId!]).toBe('save');
    expect(answers[options.cancelId!]).toBe('cancel');
    expect(buttons.map((_, i) => answerFor(i, answers)).sort()).toEqual(['cancel', 'discard', 'save']);
  });

  it('takes an unexpected answer as Cancel, which loses nothing', () => {
    expect(answerFor(7, ['save', 'discard', 'cancel'])).toBe('cancel');
  });
});

describe('the window title', () => {
  it('names the document and marks unsaved changes, except on macOS, which uses the edited dot', () => {
    expect(windowTitle(null, false, 'linux')).toBe('Untitled — Backprop Lab');
    expect(windowTitle('/m/xor.bplab', true, 'win32')).toBe('• xor.bplab — Backprop Lab');
    expect(windowTitle('C:\\m\\xor.bplab', false, 'win32')).toBe('xor.bplab — Backprop Lab');
    expect(windowTitle('/m/xor.bplab', true, 'darwin')).toBe('xor.bplab — Backprop Lab');
  });

  it('names a document without a file as the page does (an example before it is saved); the file’s name wins', () => {
    expect(windowTitle(null, true, 'linux', 'XOR')).toBe('• XOR — Backprop Lab');
    expect(windowTitle('/m/xor.bplab', false, 'linux', 'XOR')).toBe('xor.bplab — Backprop Lab');
    expect(windowTitle(null, false, 'linux', '')).toBe('Untitled — Backprop Lab');
  });
});
