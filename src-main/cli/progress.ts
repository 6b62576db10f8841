/**
 * Training progress: a bar redrawn in place on a terminal, plain lines when the output is a file or pipe. It
 * shows the tss summed during each epoch (free); train's last line is the exact figure after it.
 */
import { TSS_DURING } from '../../src-shared/tss-names';

export interface ProgressReporter {
  update(epoch: number, tss: number | undefined): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream, first: number, last: number): ProgressReporter {
  const span = Math.max(1, last - first);
  const describe = (epoch: number, tss: number | undefined) =>
    `epoch ${epoch}${Number.isFinite(last) ? `/${last}` : ''}  ${TSS_DURING} ${tss === undefined ? '—' : tss.toPrecision(5)}`;
  if (stream.isTTY) {
    const width = 30;
    let drawn = false;
    return {
      update(epoch, tss) {
        const fraction = Number.isFinite(last) ? Math.min(1, (epoch - first) / span) : 0;
        const filled = Math.round(fraction * width);
        stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${describe(epoch, tss)}   `);
        drawn = true;
      },
      done() {
        if (drawn) stream.write('\n');
      },
    };
  }
  let lastLine = 0;
  return {
    update(epoch, tss) {
      const now = Date.now();
      if (now - lastLine < 1000) return;
      lastLine = now;
      stream.write(`${describe(epoch, tss)}\n`);
    },
    done() {},
  };
}
