/**
 * Offline by construction: every test fails on a request that leaves the app's origin (app.ts's offline
 * guard). This proves the guard's recorder sees such requests, from the page and from a worker, in a
 * context of its own so that the real guard of this test stays clean.
 */
import { expect, isLocalRequest, recordRemoteRequests, test } from './app';

test('the recorder catches requests that leave the origin, from the page and from a worker', async ({ browser, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  // The app's CSP would refuse the fetches before they leave; the recorder must catch them even so.
  const context = await browser.newContext({ baseURL, bypassCSP: true });
  try {
    const remote = recordRemoteRequests(context, origin);
    // Nothing may really go out: the remote requests are answered here.
    await context.route('http://example.invalid/**', (route) => route.fulfill({ status: 204, headers: { 'access-control-allow-origin': '*' } }));
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(remote, 'the app itself asks nothing remote').toEqual([]);

    await page.evaluate(async () => {
      await fetch('http://example.invalid/from-page');
      // A worker made from a blob: the blob is local, its fetch is not.
      const source = "fetch('http://example.invalid/from-worker').then(() => postMessage('done'), (e) => postMessage(String(e)));";
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
      await new Promise((resolve) => (worker.onmessage = resolve));
      worker.terminate();
    });
    expect(remote).toEqual(['http://example.invalid/from-page', 'http://example.invalid/from-worker']);
  } finally {
    await context.close();
  }
});

test('local schemes and the app’s own origin count as local', () => {
  const origin = 'http://localhost:4173';
  expect(isLocalRequest('http://localhost:4173/assets/index.js', origin)).toBe(true);
  expect(isLocalRequest('data:image/png;base64,AAAA', origin)).toBe(true);
  expect(isLocalRequest('blob:http://localhost:4173/0f6c', origin)).toBe(true);
  expect(isLocalRequest('http://localhost:4174/', origin)).toBe(false);
  expect(isLocalRequest('https://fonts.googleapis.com/css2?family=Inter', origin)).toBe(false);
  expect(isLocalRequest('http://example.invalid/', origin)).toBe(false);
});
