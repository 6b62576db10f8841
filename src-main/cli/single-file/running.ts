/** Whether this command line is itself the single-file build or the standalone executable, and where it is. */
import { isSea } from 'node:sea';

declare const __BPLAB_SINGLE_FILE__: boolean | undefined;

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
