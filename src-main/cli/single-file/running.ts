/** Whether this command line is itself the single-file build or the standalone executable, and where it is. */
import { getAsset, isSea } from 'node:sea';

declare const __BPLAB_SINGLE_FILE__: boolean | undefined;

/** The name under which the standalone executable holds its own script. */
export const seaScriptAsset = 'backprop-lab.cjs';

export function isSingleFileBuild(): boolean {
  return typeof __BPLAB_SINGLE_FILE__ !== 'undefined' && __BPLAB_SINGLE_FILE__;
}

/** The standalone executable's own path, when this is it. */
export function standaloneExecutable(): string | undefined {
  return isSea() ? process.execPath : undefined;
}

/** The single-file script's own path, when this is it (and not the standalone executable, which has no script file). */
export function singleFileScript(): string | undefined {
  return isSingleFileBuild() && !isSea() ? process.argv[1] : undefined;
}

/**
 * What a worker thread of this build starts from: the single file itself, or the standalone executable's
 * embedded copy of it, as code (the executable is no script a Worker can load). Undefined from the sources.
 */
export function ownWorkerSource(): { script: string | URL; eval: boolean } | undefined {
  if (isSea()) return { script: getAsset(seaScriptAsset, 'utf8'), eval: true };
  const script = singleFileScript();
  return script ? { script, eval: false } : undefined;
}
