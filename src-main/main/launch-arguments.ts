/**
 * What a launch asks for, from its command line: the headless command line (`--cli …` or `cli …`), or
 * the app with the model files to open (a double-clicked .bplab on Windows and Linux, a second launch).
 */
import { resolve } from 'node:path';
import { isModelFile } from './document-files';

export type Launch = { kind: 'cli'; args: string[] } | { kind: 'app'; documents: string[] };

/**
 * `argv` is process.argv, or a second instance's argv as Electron hands it over. In development
 * (`electron out/main/index.js …`, process.defaultApp) the script path comes before the user's arguments;
 * an installed app has only the executable. Flags (Chromium's own, macOS's -psn_…) are not documents.
 */
export function parseLaunch(argv: readonly string[], options: { defaultApp: boolean; cwd: string }): Launch {
  const userArgs = argv.slice(options.defaultApp ? 2 : 1);
  if (userArgs[0] === 'cli' || userArgs[0] === '--cli') return { kind: 'cli', args: userArgs.slice(1) };
  const documents = userArgs.filter((arg) => !arg.startsWith('-') && isModelFile(arg)).map((arg) => resolve(options.cwd, arg));
  return { kind: 'app', documents: [...new Set(documents)] };
}
