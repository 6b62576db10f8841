/**
 * The help that ships inside the app, so it reads offline: the user guide, the model-file format and how
 * to cite, rendered from docs/ and CITATION.cff into standalone pages under help/ of the renderer's build
 * (web and Electron alike), with the guide's screenshots beside them. No scripts: the pages are text,
 * pictures and links between each other.
 */
// Runs in Node at build time, never in the renderer.
import { readFileSync } from 'node:fs';
import { Marked } from 'marked';
import type { Plugin } from 'vite';
import { HELP_FOLDER, HELP_PAGES, type HelpPage } from '../src-shared/help-pages.ts';

export { HELP_FOLDER, HELP_PAGES };

export interface RenderedHelp {
  html: string;
  /** Images the page shows, relative to docs/ (copied beside the page). */
  images: string[];
}

/**
 * One page: Markdown to HTML, links to the other help pages' sources rewritten to the pages, images kept
 * relative (they are copied alongside); other links stay as they are (the desktop app opens none of them
 * but its own help and the report-a-problem page).
 */
export function renderHelpPage(markdown: string, help: Pick<HelpPage, 'file' | 'title'>): RenderedHelp {
  const images: string[] = [];
  const marked = new Marked({
    gfm: true,
    // Raw HTML in the docs is shown as text: the pages carry no markup the docs did not mean as Markdown.
    renderer: {
      html: ({ text }) => escapeHtml(text),
    },
    walkTokens(token) {
      if (token.type === 'image') {
        if (isRelative(token.href)) images.push(token.href);
      } else if (token.type === 'link') {
        token.href = helpHref(token.href);
      }
    },
  });
  const body = marked.parse(markdown, { async: false });
  return { html: page(help, body), images: [...new Set(images)] };
}

/** CITATION.cff as a page: the citation in words, and the file itself for reference managers. */
export function citationMarkdown(cff: string): string {
  const field = (name: string) => new RegExp(`^${name}:\\s*"?([^"\\n]+)"?`, 'm').exec(cff)?.[1]?.trim() ?? '';
  const authors = [...cff.matchAll(/-\s+name:\s*"?([^"\n]+)"?/g)].map((match) => match[1].trim());
  const year = field('date-released').slice(0, 4);
  const words = `${authors.join(', ') || 'The Backprop Lab authors'}${year ? ` (${year})` : ''}. *${field('title')}* (version ${field('version')}) [Computer software].`;
  return [
    '# How to cite Backprop Lab',
    '',
    'If Backprop Lab helped with published work, please cite the version you used (Help → About names it):',
    '',
    `> ${words}`,
    '',
    'The same, as the `CITATION.cff` file that reference managers and GitHub read:',
    '',
    '```yaml',
    cff.trimEnd(),
    '```',
    '',
  ].join('\n');
}

/** The pages and their images, emitted into the renderer's build. */
export function helpPagesPlugin(root: URL): Plugin {
  return {
    name: 'backprop-lab-help-pages',
    apply: 'build',
    generateBundle() {
      for (const help of HELP_PAGES) {
        const text = readFileSync(new URL(help.source, root), 'utf8');
        const markdown = help.source === 'CITATION.cff' ? citationMarkdown(text) : text;
        this.addWatchFile(new URL(help.source, root).pathname);
        const { html, images } = renderHelpPage(markdown, help);
        this.emitFile({ type: 'asset', fileName: `${HELP_FOLDER}/${help.file}`, source: html });
        for (const image of images) {
          this.emitFile({ type: 'asset', fileName: `${HELP_FOLDER}/${image}`, source: readFileSync(new URL(`docs/${image}`, root)) });
        }
      }
      this.emitFile({ type: 'asset', fileName: `${HELP_FOLDER}/help.css`, source: HELP_CSS });
    },
  };
}

function helpHref(href: string): string {
  if (!isRelative(href)) return href;
  const [path, hash] = href.split('#', 2);
  const name = path.split('/').at(-1) ?? '';
  const target = HELP_PAGES.find((help) => help.source.split('/').at(-1) === name);
  if (target) return `${target.file}${hash ? `#${hash}` : ''}`;
  return href;
}

function isRelative(href: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('//') && !href.startsWith('#');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function page({ file, title }: Pick<HelpPage, 'file' | 'title'>, body: string): string {
  const links = HELP_PAGES.map((help) => `<a href="${help.file}"${help.file === file ? ' aria-current="page"' : ''}>${escapeHtml(help.label)}</a>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'self'">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="help.css">
<link rel="icon" type="image/svg+xml" href="../favicon.svg">
</head>
<body>
<nav aria-label="Help pages">${links.join(' · ')}</nav>
<main>
${body}</main>
</body>
</html>
`;
}

/** Light and dark after the system's setting; readable line length; pictures never wider than the text. */
const HELP_CSS = `:root { color-scheme: light dark; --ink: #1b1f24; --page: #ffffff; --muted: #4a5360; --line: #d5dae1; --accent: #1d5fb8; --code: #f2f4f7; }
@media (prefers-color-scheme: dark) { :root { --ink: #e6e9ee; --page: #15181d; --muted: #a9b1bc; --line: #38404b; --accent: #8cb8ff; --code: #222831; } }
html { background: var(--page); color: var(--ink); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem 1.25rem 4rem; }
nav { font-size: 0.95rem; color: var(--muted); border-bottom: 1px solid var(--line); padding-bottom: 0.6rem; margin-bottom: 1rem; }
a { color: var(--accent); }
nav a[aria-current="page"] { color: var(--ink); font-weight: 600; text-decoration: none; }
img { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; }
code, pre { font-family: ui-monospace, "SF Mono", Consolas, monospace; font-size: 0.9em; background: var(--code); border-radius: 3px; }
code { padding: 0.05em 0.3em; }
pre { padding: 0.75rem; overflow-x: auto; }
pre code { padding: 0; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
blockquote { margin: 1rem 0; padding: 0.2rem 1rem; border-left: 4px solid var(--accent); }
`;
