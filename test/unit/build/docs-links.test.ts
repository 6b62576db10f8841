/**
 * docs/science.md links each equation to the function computing it, and docs/architecture.md each part to
 * its folder: every such link must lead to a file that exists, and a link named after a function must lead
 * to a file that defines it — so moving or renaming code cannot leave the maths pointing nowhere.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);

describe.each(['docs/science.md', 'docs/architecture.md'])('%s', (page) => {
  const text = readFileSync(new URL(page, root), 'utf8');
  const links = [...text.matchAll(/\[([^\]]+)\]\((\.\.\/[^)#]+)\)/g)].map(([, label, target]) => ({ label, target }));

  it('links to the code, and every link leads to a file or folder that exists', () => {
    expect(links.length).toBeGreaterThan(10);
    for (const { target } of links) expect(existsSync(new URL(target, new URL(page, root))), target).toBe(true);
  });

  it('a link named after a function or class leads to the file that defines it', () => {
    for (const { label, target } of links) {
      const name = /^`([\w.]+)`$/.exec(label)?.[1];
      const file = new URL(target, new URL(page, root));
      if (!name || statSync(file).isDirectory()) continue;
      const source = readFileSync(file, 'utf8');
      for (const part of name.split('.')) expect(new RegExp(`\\b${part}\\b`).test(source), `${name} in ${target}`).toBe(true);
    }
  });
});
