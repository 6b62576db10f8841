/**
 * docs/model-format.md's complete example is a file of the current version, and it is what the command line
 * writes for the commands the page gives (the AND example after two epochs), but for the provenance's times.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { createRun } from '../../../src-shared/engine/training-run';
import { parseModelText } from '../../../src-shared/model/parse';
import { MODEL_VERSION } from '../../../src-shared/model/schema';

function documentedExample(): string {
  const doc = readFileSync('docs/model-format.md', 'utf8');
  const section = doc.slice(doc.indexOf('## A complete example'));
  const start = section.indexOf('```json\n') + '```json\n'.length;
  return section.slice(start, section.indexOf('```', start));
}

describe('the format documentation’s complete example', () => {
  it('loads as a file of the current version', () => {
    const parsed = parseModelText(documentedExample());
    expect(parsed.ok).toBe(true);
    expect(JSON.parse(documentedExample()).version).toBe(MODEL_VERSION);
  });

  it('is the AND example trained for two epochs, as the command line writes it', () => {
    const run = createRun(findExample('and')!.build());
    run.advance(Number.MAX_SAFE_INTEGER, 2);
    const { provenance: _written, ...trained } = run.toModel();
    const { provenance: _documented, ...documented } = JSON.parse(documentedExample()) as Record<string, unknown>;
    expect(documented).toEqual(JSON.parse(JSON.stringify(trained)));
  });
});
