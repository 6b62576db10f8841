/** `example NAME` prints a built-in example model (or experiment); `example --list` lists them. */
import { graphExamples, examples as singleRunExamples } from '../../../src-shared/data/examples';
import { recurrentExamples } from '../../../src-shared/data/recurrent-examples';
import { experimentExamples } from '../../../src-shared/data/experiment-examples';
import { CliError } from '../cli-error';
import { serializeModel } from '../../../src-shared/model/serialize';
import type { CliIo } from '../io';

const examples = [...singleRunExamples, ...graphExamples, ...recurrentExamples, ...experimentExamples];

export function exampleCommand(args: string[], io: CliIo): void {
  if (args.length === 0 || args[0] === '--list') {
    const width = Math.max(...examples.map((e) => e.id.length));
    for (const example of examples) io.out(`${example.id.padEnd(width)}  ${example.title}: ${firstSentence(example.summary)}\n`);
    return;
  }
  const [name] = args;
  const example = examples.find((e) => e.id === name);
  if (!example) {
    throw new CliError(`no example named "${name}"; the examples are: ${examples.map((e) => e.id).join(', ')}`);
  }
  io.out(serializeModel(example.build()));
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}
