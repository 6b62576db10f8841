/**
 * `npm run cli:bundle [-- --standalone]`: the command line as one file, dist-cli/backprop-lab.cjs, which
 * runs with Node ≥ 20 alone, and with --standalone also as dist-cli/backprop-lab-linux-x64, which needs
 * no Node (built on Linux x64 only). `cli experiment slurm` puts the same files into its bundles.
 */
import { mkdirSync } from 'node:fs';
import { buildStandalone, bundleCli } from '../src-main/cli/single-file/build';

const script = 'dist-cli/backprop-lab.cjs';
mkdirSync('dist-cli', { recursive: true });
await bundleCli(script);
console.log(script);
if (process.argv.includes('--standalone')) {
  await buildStandalone(script, 'dist-cli/backprop-lab-linux-x64');
  console.log('dist-cli/backprop-lab-linux-x64');
}
