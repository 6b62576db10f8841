/** The command line's entry under Node (`npm run cli`); the installed app reaches runCli through main instead. */
import { runCli } from './index';
import { processIo } from './io';

runCli(process.argv.slice(2), processIo).then((code) => {
  process.exitCode = code;
});
