import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { helpTopicSchema } from '../../../src-shared/ipc/channels';
import { HELP_PAGES } from '../../../src-shared/help-pages';
import { HELP_LINKS, isBundledHelp, isHelpLink, openHelpLink } from '../../../src-main/main/help-links';
import { HelpWindow, type HelpBrowserWindow } from '../../../src-main/main/help-window';

function openers() {
  return { openExternal: vi.fn(async () => undefined), openHelpWindow: vi.fn() };
}

describe('help links', () => {
  it('exist for every help topic: the app’s own pages inside the app, only the problem report on the web', () => {
    for (const topic of helpTopicSchema.options) {
      expect(HELP_LINKS[topic]).toMatch(topic === 'report-a-problem' ? /^https:\/\// : /^app:\/\/backprop-lab\/help\/[a-z-]+\.html$/);
    }
  });

  it('name pages made from files this repository has, citing this version', () => {
    for (const page of HELP_PAGES) {
      expect(existsSync(new URL(`../../../${page.source}`, import.meta.url)), page.source).toBe(true);
      expect(HELP_LINKS[page.topic]).toBe(`app://backprop-lab/help/${page.file}`);
    }
    const version = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version;
    expect(readFileSync(new URL('../../../CITATION.cff', import.meta.url), 'utf8')).toContain(`version: ${version}`);
  });

  it('open the app’s pages in the help window and only the problem report with shell.openExternal', async () => {
    const open = openers();
    await openHelpLink(open, HELP_LINKS['user-guide']);
    await openHelpLink(open, HELP_LINKS['how-to-cite']);
    expect(open.openHelpWindow.mock.calls).toEqual([[HELP_LINKS['user-guide']], [HELP_LINKS['how-to-cite']]]);
    expect(open.openExternal).not.toHaveBeenCalled();
    await openHelpLink(open, HELP_LINKS['report-a-problem']);
    expect(open.openExternal).toHaveBeenCalledWith(HELP_LINKS['report-a-problem']);
    expect(isBundledHelp(HELP_LINKS['report-a-problem'])).toBe(false);
  });

  it('refuse every other address, the app’s own pages with a query included', async () => {
    const open = openers();
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'smb://server/share', `${HELP_LINKS['user-guide']}?x=1`, 'app://backprop-lab/index.html', 'javascript:alert(1)']) {
      expect(isHelpLink(url)).toBe(false);
      await expect(openHelpLink(open, url)).rejects.toThrow(/not one of Backprop Lab's help pages/);
    }
    expect(open.openExternal).not.toHaveBeenCalled();
    expect(open.openHelpWindow).not.toHaveBeenCalled();
  });
});

class FakeWindow implements HelpBrowserWindow {
  loaded: string[] = [];
  destroyed = false;
  focused = 0;
  private listeners = new Map<string, () => void>();
  loadURL = vi.fn(async (url: string) => void this.loaded.push(url)) as unknown as HelpBrowserWindow['loadURL'];
  show = vi.fn();
  focus = () => void this.focused++;
  isDestroyed = () => this.destroyed;
  once = ((event: string, listener: () => void) => {
    this.listeners.set(event, listener);
    return this;
  }) as unknown as HelpBrowserWindow['once'];
  emit(event: string) {
    this.listeners.get(event)?.();
  }
}

describe('the help window', () => {
  it('is made once, shown when ready, and reused for the next page', () => {
    const made: FakeWindow[] = [];
    const help = new HelpWindow(() => {
      made.push(new FakeWindow());
      return made.at(-1)!;
    });
    help.show(HELP_LINKS['user-guide']);
    expect(made).toHaveLength(1);
    expect(made[0].show).not.toHaveBeenCalled();
    made[0].emit('ready-to-show');
    expect(made[0].show).toHaveBeenCalledOnce();
    help.show(HELP_LINKS['model-file-format']);
    expect(made).toHaveLength(1);
    expect(made[0].loaded).toEqual([HELP_LINKS['user-guide'], HELP_LINKS['model-file-format']]);
    expect(made[0].focused).toBe(1);
  });

  it('is made again once the user has closed it', () => {
    const made: FakeWindow[] = [];
    const help = new HelpWindow(() => {
      made.push(new FakeWindow());
      return made.at(-1)!;
    });
    help.show(HELP_LINKS['user-guide']);
    made[0].destroyed = true;
    made[0].emit('closed');
    help.show(HELP_LINKS['how-to-cite']);
    expect(made).toHaveLength(2);
    expect(made[1].loaded).toEqual([HELP_LINKS['how-to-cite']]);
  });
});
