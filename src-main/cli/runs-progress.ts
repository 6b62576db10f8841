/** An experiment's progress: runs done of the total and the time left, a bar on a terminal, plain lines otherwise. */
export interface RunsProgress {
  update(done: number): void;
  done(): void;
}

export function createRunsProgress(stream: NodeJS.WriteStream, total: number, now: () => number = Date.now): RunsProgress {
  const started = now();
  const describe = (done: number) => {
    const elapsed = now() - started;
    const left = done > 0 && done < total ? ` about ${formatDuration((elapsed / done) * (total - done))} left` : '';
    return `runs ${done}/${total}${left}`;
  };
  if (stream.isTTY) {
    const width = 30;
    let drawn = false;
    return {
      update(done) {
        const filled = Math.round((total === 0 ? 1 : done / total) * width);
        stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${describe(done)}   `);
        drawn = true;
      },
      done() {
        if (drawn) stream.write('\n');
      },
    };
  }
  let lastLine = 0;
  return {
    update(done) {
      const time = now();
      if (time - lastLine < 1000 && done < total) return;
      lastLine = time;
      stream.write(`${describe(done)}\n`);
    },
    done() {},
  };
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
