/**
 * What the command line prints from a file reaches a terminal: a name holding ESC [2J must not clear the
 * screen, nor a C1 CSI, a carriage return or a bidi override rewrite what the line says. And the text
 * encodings a file may come in: a UTF-8 byte-order mark is read past; UTF-16 is refused by name.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../support/cli-harness';
import { examples } from '../../../src-shared/data/examples';

/** C0 but newline, DEL, C1, and the bidi controls that reorder what a line shows. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bplab-terminal-'));
});

async function hostileModel(): Promise<string> {
  const model = examples.find((e) => e.id === 'xor')!.build();
  model.name = '\u001b[2J\u001b]0;pwned\u0007XOR\u009b31m\r\u202eevil';
  model.patterns[0]!.name = 'a\u001b[1A\nb';
  model.patterns[1]!.name = '\u0085c\u0000';
  const file = join(dir, 'hostile.bplab');
  await writeFile(file, JSON.stringify(model));
  return file;
}

describe('what the command line prints from a file', () => {
  it('validate shows a name’s control characters escaped, never raw', async () => {
    const result = await cli('validate', await hostileModel());
    expect(result.code).toBe(0);
    expect(result.out).not.toMatch(CONTROL);
    expect(result.out.split('\n')).toHaveLength(2);
    expect(result.out).toContain('"\\x1B[2J\\x1B]0;pwned\\x07XOR\\x9B31m\\r\\u202Eevil"');
  });

  it('test shows pattern names escaped, one line each, and its JSON stays exact', async () => {
    const file = await hostileModel();
    const table = await cli('test', file);
    expect(table.out).not.toMatch(CONTROL);
    // Header, four patterns, the summary.
    expect(table.out.trimEnd().split('\n')).toHaveLength(6);
    expect(table.out).toContain('a\\x1B[1A\\nb');
    const json = await cli('test', file, '--json');
    expect(json.out).not.toMatch(CONTROL);
    const parsed = JSON.parse(json.out);
    expect(parsed.patterns[0].name).toBe('a\u001b[1A\nb');
    expect(parsed.patterns[1].name).toBe('\u0085c\u0000');
  });

  it('error messages quoting the command line or a file are escaped too', async () => {
    const csv = join(dir, 'data.csv');
    await writeFile(csv, 'x,y,t\n0,0,0\n1,1,1\n');
    const result = await cli('import', csv, '--input-columns', 'x,\u001b[2Jz', '--target-columns', 't', '--out', join(dir, 'o.bplab'));
    expect(result.code).toBe(1);
    expect(result.err).toContain('\\x1B[2J');
    expect(result.err).not.toMatch(CONTROL);
  });
});

describe('the text encodings of files the command line reads', () => {
  const xor = () => JSON.stringify(examples.find((e) => e.id === 'xor')!.build());

  it('reads a model file that starts with a UTF-8 byte-order mark', async () => {
    const file = join(dir, 'bom.bplab');
    await writeFile(file, `\ufeff${xor()}`);
    const result = await cli('validate', file);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect((await cli('test', file)).code).toBe(0);
  });

  it('refuses UTF-16 (either byte order, with or without a mark), naming the encoding', async () => {
    const text = xor();
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(text, 'utf16le').swap16();
    for (const [name, bytes] of [['le.bplab', le], ['be.bplab', be], ['bare-le.bplab', Buffer.from(text, 'utf16le')]] as const) {
      const file = join(dir, name);
      await writeFile(file, bytes);
      const result = await cli('validate', file);
      expect(result.code, name).toBe(1);
      expect(result.err, name).toMatch(new RegExp(`${name.replace('.', '\\.')} is UTF-16; save it as UTF-8`));
    }
  });

  it('imports a CSV with a byte-order mark by its first column’s name, and refuses a UTF-16 one', async () => {
    const csv = join(dir, 'bom.csv');
    await writeFile(csv, '\ufeffx,y,t\r\n0,0,0\r\n0,1,1\r\n1,0,1\r\n1,1,0\r\n');
    const out = join(dir, 'bom-import.bplab');
    const result = await cli('import', csv, '--input-columns', 'x,y', '--target-columns', 't', '--out', out);
    expect(result.err).not.toMatch(/no column/);
    expect(result.code).toBe(0);
    const utf16 = join(dir, 'utf16.csv');
    await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('x,y,t\n0,0,0\n', 'utf16le')]));
    const refused = await cli('import', utf16, '--input-columns', 'x,y', '--target-columns', 't', '--out', join(dir, 'no.bplab'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/utf16\.csv is UTF-16; save it as UTF-8/);
  });
});
