/** The web build's store answers every request: a transaction that aborts with no error on its request rejects. */
import { describe, expect, it } from 'vitest';
import { settle } from '../../../src-renderer/hosts/web-store';

/** Just what settle() touches of an IDBRequest and its transaction. */
function fakeRequest() {
  const transaction = Object.assign(new EventTarget(), { error: null as DOMException | null });
  const request = { result: 'done', error: null, transaction, onsuccess: null as (() => void) | null, onerror: null as (() => void) | null };
  return { request, transaction, settled: settle(request as unknown as IDBRequest<string>) };
}

describe('settle', () => {
  it('resolves with the result, and rejects with the request’s error', async () => {
    const ok = fakeRequest();
    ok.request.onsuccess!();
    await expect(ok.settled).resolves.toBe('done');
    const failed = fakeRequest();
    (failed.request as { error: unknown }).error = new DOMException('no', 'DataError');
    failed.request.onerror!();
    await expect(failed.settled).rejects.toThrow('no');
  });

  it('rejects when the transaction aborts without an error on the request (Chromium’s value-size refusal)', async () => {
    const { transaction, settled } = fakeRequest();
    transaction.error = new DOMException('The serialized keys and/or value are too large (size=200000056 bytes, max=133169152 bytes).', 'UnknownError');
    transaction.dispatchEvent(new Event('abort'));
    await expect(settled).rejects.toThrow(/too large/);
  });
});
