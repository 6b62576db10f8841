import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { helpTopicSchema } from '../../../src-shared/ipc/channels';
import { HELP_LINKS, isHelpLink, openHelpLink } from '../../../src-main/main/help-links';

describe('help links', () => {
  it('exist for every help topic, all on https', () => {
    for (const topic of helpTopicSchema.options) expect(HELP_LINKS[topic]).toMatch(/^https:\/\//);
  });

  it('point at files this repository has (the guide, the format, how to cite), citing this version', () => {
    for (const url of Object.values(HELP_LINKS)) {
      const file = /\/blob\/main\/(.+)$/.exec(url)?.[1];
      if (file) expect(existsSync(new URL(`../../../${file}`, import.meta.url)), url).toBe(true);
    }
    const version = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version;
    expect(readFileSync(new URL('../../../CITATION.cff', import.meta.url), 'utf8')).toContain(`version: ${version}`);
  });

  it('are the only addresses shell.openExternal is given', async () => {
    const openExternal = vi.fn(async () => undefined);
    await openHelpLink(openExternal, HELP_LINKS['user-guide']);
    expect(openExternal).toHaveBeenCalledWith(HELP_LINKS['user-guide']);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'smb://server/share', `${HELP_LINKS['user-guide']}?x=1`, 'javascript:alert(1)']) {
      expect(isHelpLink(url)).toBe(false);
      await expect(openHelpLink(openExternal, url)).rejects.toThrow(/not one of Backprop Lab's help pages/);
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});
