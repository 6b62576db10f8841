/** An experiment's progress: runs done of the total and the time left, as a bar on a terminal and as lines otherwise. */
import { describe, expect, it } from 'vitest';
import { createRunsProgress, formatDuration } from '../../../src-main/cli/runs-progress';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => void written.push(text) } as unknown as NodeJS.WriteStream };
}

describe('experiment progress', () => {
  it('draws a bar in place on a terminal, with the time left from the pace so far', () => {
    let now = 0;
    const { written, stream: tty } = stream(true);
    const progress = createRunsProgress(tty, 40, () => now);
    now = 30_000;
    progress.update(10);
    expect(written[0]).toBe(`\r[${'#'.repeat(8)}${'.'.repeat(22)}] runs 10/40 about 1 min 30 s left   `);
    now = 120_000;
    progress.update(40);
    expect(written[1]).toBe(`\r[${'#'.repeat(30)}] runs 40/40   `);
    progress.done();
    expect(written[2]).toBe('\n');
  });

  it('writes at most a line a second elsewhere, and always the last', () => {
    let now = 0;
    const { written, stream: pipe } = stream(false);
    const progress = createRunsProgress(pipe, 3, () => now);
    now = 1500;
    progress.update(1);
    now = 1600;
    progress.update(2);
    progress.update(3);
    expect(written).toEqual(['runs 1/3 about 3 s left\n', 'runs 3/3\n']);
  });

  it('says durations as people read them', () => {
    expect(formatDuration(4_400)).toBe('4 s');
    expect(formatDuration(61_000)).toBe('1 min 1 s');
    expect(formatDuration(3 * 3600_000 + 5 * 60_000)).toBe('3 h 5 min');
  });
});
