import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Protocol } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, appScheme, rendererFileFor, serveRenderer } from '../../../src-main/main/app-protocol';

const rendererDir = join('/app', 'out', 'renderer');

describe('app:// URLs', () => {
  it('name files inside the renderer bundle', () => {
    expect(rendererFileFor(APP_ENTRY_URL, rendererDir)).toBe(join(rendererDir, 'index.html'));
    expect(rendererFileFor('app://backprop-lab/', rendererDir)).toBe(join(rendererDir, 'index.html'));
    expect(rendererFileFor('app://backprop-lab/assets/index-abc.js?v=1#x', rendererDir)).toBe(join(rendererDir, 'assets', 'index-abc.js'));
    expect(rendererFileFor('app://backprop-lab/assets/a%20b.css', rendererDir)).toBe(join(rendererDir, 'assets', 'a b.css'));
  });

  it('never reach outside it, nor serve another host', () => {
    // The URL parser already folds plain and %2e dot segments, so those stay inside the bundle…
    expect(rendererFileFor('app://backprop-lab/../main/index.js', rendererDir)).toBe(join(rendererDir, 'main', 'index.js'));
    expect(rendererFileFor('app://backprop-lab/%2e%2e/main/index.js', rendererDir)).toBe(join(rendererDir, 'main', 'index.js'));
    // …but encoded separators survive it and are decoded afterwards: those must be refused.
    expect(rendererFileFor('app://backprop-lab/assets/..%2f..%2fmain%2findex.js', rendererDir)).toBeNull();
    expect(rendererFileFor('app://backprop-lab/..%2f..%2f..%2fetc%2fpasswd', rendererDir)).toBeNull();
    expect(rendererFileFor('app://other-host/index.html', rendererDir)).toBeNull();
    expect(rendererFileFor('https://backprop-lab/index.html', rendererDir)).toBeNull();
    expect(rendererFileFor('app://backprop-lab/%E0%A4%A', rendererDir)).toBeNull();
  });

  it('use a standard, secure scheme, so the page behaves as on https', () => {
    expect(appScheme.privileges).toMatchObject({ standard: true, secure: true });
    expect(appScheme.privileges?.bypassCSP).toBeFalsy();
  });
});

describe('serving the renderer', () => {
  function serve() {
    let handler: ((request: Request) => Response | Promise<Response>) | null = null;
    const fetched: string[] = [];
    const protocol = { handle: (_scheme: string, h: typeof handler) => (handler = h) } as unknown as Pick<Protocol, 'handle'>;
    serveRenderer(protocol, async (fileUrl) => {
      fetched.push(fileUrl);
      return new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } });
    }, rendererDir, "script-src 'self'");
    return { request: (url: string) => handler!(new Request(url)), fetched };
  }

  it('reads the file and adds the Content-Security-Policy header', async () => {
    const { request, fetched } = serve();
    const response = await request(APP_ENTRY_URL);
    expect(fetched).toEqual([pathToFileURL(join(rendererDir, 'index.html')).href]);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(response.headers.get('content-security-policy')).toBe("script-src 'self'");
    expect(await response.text()).toBe('<!doctype html>');
  });

  it('answers 404 for a URL outside the bundle, without touching the disk', async () => {
    const { request, fetched } = serve();
    const response = await request('app://backprop-lab/..%2f..%2fmain%2findex.js');
    expect(response.status).toBe(404);
    expect(fetched).toEqual([]);
  });
});
