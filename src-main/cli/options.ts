/** Parsing the command line's options with Node's own parser, turning its errors into plain messages. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseOptions<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\nusage: ${usage}`);
  }
}

export function onlyFile(positionals: string[], usage: string): string {
  if (positionals.length !== 1) throw new CliError(`expected one model file, got ${positionals.length}\nusage: ${usage}`);
  return positionals[0];
}

export function wholeNumber(value: string | undefined, option: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min || number > max) {
    throw new CliError(`--${option} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return number;
}
