/** The command line: the same engine as the app, headless. `npm run --silent cli -- help` lists the verbs. */
import { APP_VERSION } from '../app-version';
import { CliError } from './cli-error';
import { analyzeCommand } from './commands/analyze';
import { exampleCommand } from './commands/example';
import { experimentCommand, experimentUsage } from './commands/experiment';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { lesionCommand } from './commands/lesion';
import { modelJsonSchema } from '../../src-shared/model/json-schema';
import { testCommand } from './commands/test';
import { trainCommand } from './commands/train';
import { validateCommand } from './commands/validate';
import type { CliIo } from './io';
import { terminalText } from './terminal-text';

const help = `Backprop Lab command line

  example --list                 list the built-in examples
  example NAME                   print a built-in example model file
  train FILE [--epochs N] [--seed N] [--snapshots K|log] [--out FILE] [--log CURVE.csv]
                                 train N more epochs (or until the file's stopping criterion),
                                 continuing from the weights and random streams the file holds;
                                 --seed starts over from that seed's initial weights;
                                 --snapshots keeps the network every K epochs (or log-spaced)
  test FILE [--json]             every pattern's output, target and pss, and the tss
  validate FILE                  say whether a model file is valid
  import FILE… --out MODEL.bplab [--hidden N] [--inputs N --outputs N]
         [--input-columns A,B… --target-columns C,… [--name-column N]]
                                 a model from CSV/TSV, tlearn (.cf .data .teach), PDP .pat, Lens .ex
                                 (with its network script .in: addNet, addGroup, elmanConnect…)
  export MODEL --to FORMAT --out PATH [--layer N] [--array NAME]
                                 outputs, hidden, weights, curve (CSV); tlearn, pat, ex;
                                 npz, npy, safetensors (+ model.py), onnx, onnx-float32, mat
  analyze MODEL [--layer J|NAME] (--pca | --rdm | --cluster [--linkage average|complete|single|ward] | --mds | --modes)
        [--distance correlation|euclidean] [--epoch E] --out FILE.csv
                                 a layer's PCA, dissimilarity matrix, clustering or MDS, or the
                                 network's strength on each mode of Σ31, as a tidy CSV table
                                 (--epoch: at the snapshot the file keeps of epoch E)
  lesion MODEL --layer J|NAME (--units 1,3,5 | --fraction F [--seed S]) [--scale K | --noise SD]
         --out NEW.bplab         damage a hidden layer's units (numbered from 1; --fraction draws them
                                 from the seed, default the model's): their outgoing weights set to 0
                                 and frozen, or scaled by K, or with Gaussian noise of sd SD added
  schema                         print the model file's JSON Schema
  ${experimentUsage.replace(/\n {2}/g, '\n  ')}
                                 many runs of a model's experiment section on N worker threads
                                 (default: every core) into DIR (default MODEL.results), resumable;
                                 how far it has come; per condition: n, mean and SD of the final tss,
                                 median epochs to criterion, how many reached it, how many diverged;
                                 run I alone as a single-run model that train re-creates exactly;
                                 slurm: a folder to copy to a SLURM cluster and submit there as a job
                                 array; collect: merge its runs, name the tasks to rerun
  --version                      print the version
`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [verb, ...args] = argv;
  try {
    switch (verb) {
      case 'example':
        exampleCommand(args, io);
        return 0;
      case 'train':
        return await trainCommand(args, io);
      case 'test':
        await testCommand(args, io);
        return 0;
      case 'validate':
        await validateCommand(args, io);
        return 0;
      case 'import':
        await importCommand(args, io);
        return 0;
      case 'export':
        await exportCommand(args, io);
        return 0;
      case 'experiment':
        return await experimentCommand(args, io);
      case 'analyze':
        await analyzeCommand(args, io);
        return 0;
      case 'lesion':
        await lesionCommand(args, io);
        return 0;
      case 'schema':
        io.out(`${JSON.stringify(modelJsonSchema(), null, 2)}\n`);
        return 0;
      case '--version':
        io.out(`${APP_VERSION}\n`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
        io.out(help);
        return verb === undefined ? 2 : 0;
      default:
        throw new CliError(`unknown command "${verb}"\n\n${help}`, 2);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`backprop-lab ${terminalText(verb ?? '')}: ${terminalText(error.message)}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
