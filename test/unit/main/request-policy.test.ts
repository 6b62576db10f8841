import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WebRequest } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appUrlCheck } from '../../../src-main/main/app-origin';
import { cancelForeignRequests, requestPolicy } from '../../../src-main/main/request-policy';

const rendererDir = join('/app', 'out', 'renderer');

describe('requests', () => {
  const allowed = requestPolicy(appUrlCheck(), rendererDir);

  it('for the app itself go through', () => {
    expect(allowed('app://backprop-lab/index.html')).toBe(true);
    expect(allowed('app://backprop-lab/assets/index-abc.js')).toBe(true);
    expect(allowed(pathToFileURL(join(rendererDir, 'assets', 'index.js')).href)).toBe(true);
    expect(allowed('data:image/png;base64,AAAA')).toBe(true);
    expect(allowed('blob:app://backprop-lab/1234')).toBe(true);
    expect(allowed('devtools://devtools/bundled/inspector.html')).toBe(true);
  });

  it('for anything else are cancelled: the web, other local files, other app hosts', () => {
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'ws://localhost:5173/',
      'https://fonts.googleapis.com/css?family=Inter',
      pathToFileURL('/etc/passwd').href,
      pathToFileURL(join(rendererDir, '..', 'main', 'index.js')).href,
      'app://elsewhere/index.html',
      'chrome-extension://abc/x.js',
      'not a url',
    ]) expect(allowed(url), url).toBe(false);
  });

  it('to the dev server and its hot-reload socket go through in development only', () => {
    const dev = requestPolicy(appUrlCheck('http://localhost:5173'), rendererDir, 'http://localhost:5173');
    expect(dev('http://localhost:5173/src/main.ts')).toBe(true);
    expect(dev('ws://localhost:5173/?token=x')).toBe(true);
    expect(dev('ws://localhost:5174/')).toBe(false);
    expect(dev('https://example.com/')).toBe(false);
  });

  it('are cancelled by the session’s onBeforeRequest', () => {
    let listener: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | null = null;
    const webRequest = { onBeforeRequest: (l: typeof listener) => (listener = l) } as unknown as Pick<WebRequest, 'onBeforeRequest'>;
    const warn = vi.fn();
    cancelForeignRequests(webRequest, allowed, warn);
    const answer = (url: string) => {
      let response: { cancel: boolean } | null = null;
      listener!({ url }, (r) => (response = r));
      return response;
    };
    expect(answer('https://example.com/')).toEqual({ cancel: true });
    expect(answer('app://backprop-lab/index.html')).toEqual({ cancel: false });
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
