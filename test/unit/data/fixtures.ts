/** Reading the format fixtures in test/fixtures, written from each tool's documentation and examples. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ImportError } from '../../../src-shared/data/import/import-error';

const root = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export function fixture(path: string): string {
  return readFileSync(root + path, 'utf8');
}

/** Runs `read` and checks it fails with an ImportError at exactly this place. */
export function expectImportError(read: () => unknown, where: { file?: string; line: number; column: number }, reason?: RegExp): ImportError {
  let caught: unknown;
  try {
    read();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ImportError);
  const error = caught as ImportError;
  expect({ line: error.line, column: error.column }).toEqual({ line: where.line, column: where.column });
  if (where.file) expect(error.file).toBe(where.file);
  if (reason) expect(error.reason).toMatch(reason);
  expect(error.message).toContain(`line ${where.line}, column ${where.column}`);
  return error;
}
