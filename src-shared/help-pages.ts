/**
 * The help that ships inside the app (rendered from docs/ at build time by build/help-pages.ts), so it
 * reads offline: each page's file under help/ of the renderer's build, and the topic that opens it.
 */
import type { HelpTopic } from './ipc/channels';

export const HELP_FOLDER = 'help';

export interface HelpPage {
  topic: Exclude<HelpTopic, 'report-a-problem'>;
  /** The page's file under help/. */
  file: string;
  title: string;
  /** Its name in the pages' navigation. */
  label: string;
  /** Where its text comes from, relative to the repository's root. */
  source: string;
}

export const HELP_PAGES: readonly HelpPage[] = [
  { topic: 'user-guide', file: 'user-guide.html', title: 'Backprop Lab user guide', label: 'User guide', source: 'docs/user-guide.md' },
  { topic: 'model-file-format', file: 'model-format.html', title: 'The Backprop Lab model file', label: 'Model file format', source: 'docs/model-format.md' },
  { topic: 'how-to-cite', file: 'how-to-cite.html', title: 'How to cite Backprop Lab', label: 'How to cite', source: 'CITATION.cff' },
];

/** The page's path relative to the app's own index.html. */
export function helpPagePath(topic: HelpPage['topic']): string {
  const page = HELP_PAGES.find((candidate) => candidate.topic === topic);
  if (!page) throw new Error(`No help page for ${topic}`);
  return `${HELP_FOLDER}/${page.file}`;
}
