/**
 * The help the app opens. Its guide, file format and citation ship inside the app (help/ of the renderer's
 * build, src-shared/help-pages.ts) and open in a help window of their own, offline; only "report a
 * problem" leads to the web, in the system browser. The page names a topic and main looks up the address,
 * so no page — nor a link inside a model file's description — can make the app open anything else.
 */
import type { HelpTopic } from '../../src-shared/ipc/channels';
import { HELP_PAGES, helpPagePath } from '../../src-shared/help-pages';
import { APP_HOST, APP_SCHEME } from './app-protocol';

const REPOSITORY = 'https://github.com/backprop-lab/backprop-lab';
const APP_ROOT = `${APP_SCHEME}://${APP_HOST}/`;

export const HELP_LINKS: Readonly<Record<HelpTopic, string>> = {
  'user-guide': APP_ROOT + helpPagePath('user-guide'),
  'model-file-format': APP_ROOT + helpPagePath('model-file-format'),
  'how-to-cite': APP_ROOT + helpPagePath('how-to-cite'),
  'report-a-problem': `${REPOSITORY}/issues`,
};

/** Whether `url` is exactly one of the help links (a link in the page to one of them may open too). */
export function isHelpLink(url: string): boolean {
  return Object.values(HELP_LINKS).includes(url);
}

/** Whether `url` is one of the help pages inside the app (opened in a help window, not a browser). */
export function isBundledHelp(url: string): boolean {
  return HELP_PAGES.some(({ topic }) => HELP_LINKS[topic] === url);
}

export interface HelpOpeners {
  /** shell.openExternal: the system browser. */
  openExternal(url: string): Promise<void>;
  /** A help window showing one of the app's own help pages. */
  openHelpWindow(url: string): void;
}

/** Opens a help page where it belongs, after checking it once more against the allow-list. */
export async function openHelpLink(openers: HelpOpeners, url: string): Promise<void> {
  if (!isHelpLink(url)) throw new Error(`Refused to open ${url}: not one of Backprop Lab's help pages.`);
  if (isBundledHelp(url)) openers.openHelpWindow(url);
  else await openers.openExternal(url);
}
