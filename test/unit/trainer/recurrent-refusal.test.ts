/**
 * The app's trainer and a recurrent model: until the app's views show recurrent networks, loading one is
 * refused with a notice that points to the command line, and the trainer goes on working (no crash).
 */
import { describe, expect, it } from 'vitest';
import { temporalXor } from '../../../src-shared/data/recurrent-examples';
import { example, startTrainer } from '../../support/trainer-harness';

describe('the trainer and a recurrent model', () => {
  it('refuses it with a notice, and loads the next model as usual', async () => {
    const trainer = startTrainer();
    const refused = await trainer.request({ type: 'load', model: temporalXor(30) }, 'error');
    expect(refused.command).toBe('load');
    expect(refused.message).toMatch(/(recurrent|graph)[^]*command line \(backprop-lab cli train FILE\)/);
    const loaded = await trainer.request({ type: 'load', model: example('xor') }, 'result');
    expect(loaded.epoch).toBe(0);
    const stepped = await trainer.request({ type: 'step', epochs: 1 }, 'result');
    expect(stepped.epoch).toBe(1);
  });
});
