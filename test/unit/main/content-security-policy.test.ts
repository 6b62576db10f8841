import { readFileSync } from 'node:fs';
import type { WebRequest } from 'electron';
import { describe, expect, it } from 'vitest';
import { appUrlCheck } from '../../../src-main/main/app-origin';
import { applyContentSecurityPolicy, contentSecurityPolicy } from '../../../src-main/main/content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe('the Content-Security-Policy', () => {
  it('runs only the app’s own scripts: no inline scripts, no eval', () => {
    const policy = contentSecurityPolicy();
    expect(policy).not.toContain('unsafe-eval');
    expect(directives(policy).get('script-src')).toEqual(["'self'"]);
    expect(directives(policy).get('default-src')).toEqual(["'self'"]);
    expect(directives(policy).get('object-src')).toEqual(["'none'"]);
  });

  it('is in the page’s own meta tag as well, as strict for scripts (the web build has only that)', () => {
    const html = readFileSync(new URL('../../../src-renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta, 'a Content-Security-Policy meta tag in src-renderer/index.html').not.toBeNull();
    const inPage = directives(meta![1]!);
    expect(meta![1]).not.toMatch(/unsafe-eval|unsafe-hashes|wasm-unsafe-eval|https?:|\*/);
    expect(inPage.get('script-src')).toEqual(["'self'"]);
    expect(inPage.get('default-src')).toEqual(["'self'"]);
    expect(inPage.get('object-src')).toEqual(["'none'"]);
    expect(inPage.get('connect-src')).toEqual(["'self'"]);
  });

  it('lets the dev server’s hot reload connect in development only', () => {
    expect(directives(contentSecurityPolicy()).get('connect-src')).toEqual(["'self'"]);
    expect(directives(contentSecurityPolicy('http://localhost:5173/')).get('connect-src')).toContain('ws://localhost:5173');
    expect(contentSecurityPolicy('http://localhost:5173/')).not.toContain('unsafe-eval');
  });
});

describe('the policy header', () => {
  function headersFor(url: string, responseHeaders?: Record<string, string[]>) {
    let listener: ((details: object, callback: (response: object) => void) => void) | null = null;
    const webRequest = { onHeadersReceived: (l: typeof listener) => (listener = l) } as unknown as Pick<WebRequest, 'onHeadersReceived'>;
    applyContentSecurityPolicy(webRequest, 'POLICY', appUrlCheck('http://localhost:5173'));
    let answer: { responseHeaders?: Record<string, string[]> } | null = null;
    listener!({ url, responseHeaders }, (response) => (answer = response));
    return answer!;
  }

  it('is set on the app’s responses, replacing any the server sent', () => {
    const answer = headersFor('http://localhost:5173/index.html', { 'content-security-policy': ['weak'], 'Content-Type': ['text/html'] });
    expect(answer.responseHeaders).toEqual({ 'Content-Security-Policy': ['POLICY'], 'Content-Type': ['text/html'] });
    expect(headersFor('app://backprop-lab/index.html').responseHeaders).toEqual({ 'Content-Security-Policy': ['POLICY'] });
  });

  it('leaves other responses alone', () => {
    expect(headersFor('https://example.com/')).toEqual({});
  });
});
