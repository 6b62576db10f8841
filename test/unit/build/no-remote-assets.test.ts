/**
 * Offline by construction, checked in the bundle itself: the web build (the same renderer Electron loads)
 * is built here and read for anything that would reach out: a remote stylesheet, font or image, a remote
 * script or link in the page, and any web address in the code that is not one of the few that are only
 * names (XML namespaces, JSON Schema identifiers, the links in Svelte's error messages). The end-to-end
 * tests' offline guard catches what the app actually requests; this catches what it could.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CONFIG = fileURLToPath(new URL('../../../src-renderer/vite.web.config.ts', import.meta.url));

/** Addresses that name something and are never requested. */
const NAMES_NOT_REQUESTS = [
  /^http:\/\/www\.w3\.org\//, // XML and SVG namespaces
  /^https?:\/\/json-schema\.org\//, // JSON Schema dialects, as zod's toJSONSchema writes them
  /^https:\/\/backprop-lab\.org\/schema\//, // the model file's JSON Schema $id
  /^https:\/\/svelte\.dev\/e\//, // the documentation links in Svelte's error messages
  /^http:\/\/\[\$\{/, // zod formatting an IPv6 address into a URL template
];

let outDir: string;
let files: Array<{ name: string; text: string }>;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'bplab-web-'));
  await build({ configFile: CONFIG, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const names = readdirSync(outDir, { recursive: true, encoding: 'utf8' });
  files = names.filter((name) => /\.(html|css|js|svg)$/.test(name)).map((name) => ({ name, text: readFileSync(join(outDir, name), 'utf8') }));
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const ofKind = (extension: string) => files.filter(({ name }) => name.endsWith(extension));
/**
 * A page without its links and code blocks: a help page may link to the web (followed only when clicked)
 * and quote an address as text (the citation's repository); neither is a request.
 */
const withoutLinks = (html: string) => html.replace(/<a\s[^>]*>[\s\S]*?<\/a>/g, '').replace(/<pre>[\s\S]*?<\/pre>/g, '');

describe('the built web app', () => {
  it('has a page, its styles and its scripts (the scan below reads something)', () => {
    // The app's page, and the help pages rendered from docs/ (build/help-pages.ts).
    expect(ofKind('.html').map(({ name }) => name).sort()).toEqual(['help/how-to-cite.html', 'help/model-format.html', 'help/user-guide.html', 'index.html']);
    expect(ofKind('.css').length).toBeGreaterThan(0);
    expect(ofKind('.js').length).toBeGreaterThan(1);
  });

  it('loads every script, stylesheet, icon and picture from itself', () => {
    for (const { name, text } of ofKind('.html')) {
      // What a page loads by itself; a help page's links (<a href>) are followed only when clicked.
      const loaded = withoutLinks(text);
      const sources = [...loaded.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/g)].map((match) => match[1]);
      expect(sources.length, name).toBeGreaterThan(1);
      for (const source of sources) expect(source, `${name}: a relative address`).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i);
    }
  });

  it('uses no remote font, image or stylesheet', () => {
    for (const { name, text } of ofKind('.css')) {
      const urls = [...text.matchAll(/url\(\s*["']?([^"')]*)/g)].map((match) => match[1]);
      for (const url of urls) expect(url, `${name} refers to ${url}`).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:)?\/\//i);
      expect(text, `${name} imports a stylesheet`).not.toMatch(/@import/);
    }
  });

  it('names no web address in its code but those that are never requested', () => {
    const addresses = files.flatMap(({ name, text }) => [...withoutLinks(text).matchAll(/\b(?:https?|wss?):\/\/[^\s"'`)<>]*/g)].map((match) => `${match[0]} (${name})`));
    const unexpected = addresses.filter((address) => !NAMES_NOT_REQUESTS.some((pattern) => pattern.test(address)));
    expect(unexpected).toEqual([]);
  });
});
