/**
 * From the sources (`npm run cli`, the tests), the experiment worker as one piece of CommonJS code, bundled
 * once per experiment by esbuild — the compiler tsx itself uses — and evaluated by each worker thread. A
 * thread that loaded the TypeScript sources through tsx's loader instead spent about half a second of CPU
 * compiling and resolving some 190 modules before its first run, every thread again (docs/performance.md).
 */
import { fileURLToPath } from 'node:url';

/**
 * The bundled code of worker `script` (a .ts file), or null when it cannot be bundled as it is (esbuild
 * missing, a build error or warning, such as code that reads import.meta, which a bundle evaluated as a
 * string has not): the caller then loads the sources through tsx, which reports any real error.
 */
export async function bundleWorkerScript(script: URL): Promise<string | null> {
  try {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [fileURLToPath(script)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    if (result.errors.length > 0 || result.warnings.length > 0 || result.outputFiles.length !== 1) return null;
    return result.outputFiles[0].text;
  } catch {
    return null;
  }
}
