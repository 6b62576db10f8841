import { afterEach, describe, expect, it, vi } from 'vitest';
import { runHeadless } from '../../../src-main/main/headless';

afterEach(() => vi.restoreAllMocks());

describe('the installed command line', () => {
  it('runs the verb without a window and exits with its status', async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation(((text: string, done?: () => void) => {
      written.push(String(text));
      done?.();
      return true;
    }) as typeof process.stdout.write);
    const app = { exit: vi.fn(), dock: { hide: vi.fn() } };
    await runHeadless(app, ['example', '--list']);
    expect(app.dock.hide).toHaveBeenCalled();
    expect(app.exit).toHaveBeenCalledWith(0);
    expect(written.join('')).toMatch(/xor/);
  });

  it('exits non-zero on a command it does not know, saying so on stderr', async () => {
    const errors: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation(((text: string, done?: () => void) => {
      errors.push(String(text));
      done?.();
      return true;
    }) as typeof process.stderr.write);
    const app = { exit: vi.fn() };
    await runHeadless(app, ['no-such-verb']);
    expect(app.exit).toHaveBeenCalledWith(2);
    expect(errors.join('')).toMatch(/unknown command "no-such-verb"/);
  });
});
