/** The help pages that ship in the app: made from docs/ with every picture they show, and nothing else. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citationMarkdown, HELP_PAGES, renderHelpPage } from '../../../build/help-pages';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('help pages', () => {
  it('render the user guide with every screenshot it shows, each a file in docs/', () => {
    const guide = HELP_PAGES.find((page) => page.topic === 'user-guide')!;
    const { html, images } = renderHelpPage(read(guide.source), guide);
    const shown = [...read(guide.source).matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]);
    expect(shown.length).toBeGreaterThanOrEqual(9);
    expect(images).toEqual([...new Set(shown)]);
    for (const image of images) expect(existsSync(new URL(`docs/${image}`, root)), image).toBe(true);
    expect(html).toContain('<h1>Backprop Lab user guide</h1>');
    expect(html).toContain(`<img src="${images[0]}"`);
    expect(html).toMatch(/<a href="user-guide.html" aria-current="page">User guide<\/a>/);
    // A page of text and pictures: no script, and a policy that would refuse one.
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`content="default-src 'none'; img-src 'self'; style-src 'self'"`);
  });

  it('point links between the docs at the pages, and leave the rest as written', () => {
    const { html } = renderHelpPage('See [the format](model-format.md#weights), [the guide](./user-guide.md) and [the web](https://example.org/x.md).', HELP_PAGES[0]);
    expect(html).toContain('<a href="model-format.html#weights">the format</a>');
    expect(html).toContain('<a href="user-guide.html">the guide</a>');
    expect(html).toContain('<a href="https://example.org/x.md">the web</a>');
  });

  it('show raw HTML in the docs as text', () => {
    const { html } = renderHelpPage('Before <script>alert(1)</script> after', HELP_PAGES[0]);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;');
  });

  it('cite the version package.json has, with the file itself for reference managers', () => {
    const version = JSON.parse(read('package.json')).version;
    const markdown = citationMarkdown(read('CITATION.cff'));
    expect(markdown).toContain(`(version ${version}) [Computer software]`);
    expect(markdown).toContain('The Backprop Lab developers');
    expect(markdown).toContain('```yaml\ncff-version:');
  });
});
