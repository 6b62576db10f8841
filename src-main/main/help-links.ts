/**
 * The only pages the app opens in the system browser: its help. The page names a topic and main looks up
 * the address, so no page — nor a link inside a model file's description — can make the app open anything
 * else. Everything else a page tries to open is refused (security.ts).
 */
import type { HelpTopic } from '../../src-shared/ipc/channels';

const REPOSITORY = 'https://github.com/backprop-lab/backprop-lab';

export const HELP_LINKS: Readonly<Record<HelpTopic, string>> = {
  'user-guide': `${REPOSITORY}/blob/main/docs/user-guide.md`,
  'model-file-format': `${REPOSITORY}/blob/main/docs/model-format.md`,
  'how-to-cite': `${REPOSITORY}/blob/main/CITATION.cff`,
  'report-a-problem': `${REPOSITORY}/issues`,
};

/** Whether `url` is exactly one of the help links (a link in the page to one of them may open too). */
export function isHelpLink(url: string): boolean {
  return Object.values(HELP_LINKS).includes(url);
}

/** Opens a help page with shell.openExternal, after checking it once more against the allow-list. */
export function openHelpLink(openExternal: (url: string) => Promise<void>, url: string): Promise<void> {
  if (!isHelpLink(url)) return Promise.reject(new Error(`Refused to open ${url}: not one of Backprop Lab's help pages.`));
  return openExternal(url);
}
