/**
 * python3 with numpy (and scipy), where the machine has them: the exports' tests read files back with the
 * libraries researchers use. Absent, those checks skip and say so; the independent readers in the tests run
 * everywhere.
 */
import { spawnSync } from 'node:child_process';

function probe(module: string): boolean {
  const result = spawnSync('python3', ['-c', `import ${module}`], { encoding: 'utf8' });
  return result.status === 0;
}

export const hasNumpy = probe('numpy');
export const hasScipy = hasNumpy && probe('scipy');

if (!hasNumpy) console.warn('python3 with numpy is not installed: the numpy read-back checks are skipped');

/** Runs `script` with the given arguments; its stdout, or an error carrying its stderr. */
export function runPython(script: string, args: string[] = []): string {
  const result = spawnSync('python3', ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`python3 failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}
