/**
 * The trainer in a module Web Worker (the web build's host): the shared trainer loop, fed by the worker's
 * own message channel to the page.
 */
import '../zod-jitless';
import { serveTrainer } from '../../src-shared/trainer/serve-trainer';

/**
 * Yields to queued messages (a pause, new settings) between slices. setTimeout(0) would do, but in a worker
 * it is clamped to 4 ms after a few nestings, which costs a fifth of the training time at 20 ms slices.
 */
function messageChannelDefer(): (fn: () => void) => void {
  const channel = new MessageChannel();
  const pending: Array<() => void> = [];
  channel.port1.onmessage = () => pending.shift()?.();
  return (fn) => {
    pending.push(fn);
    channel.port2.postMessage(null);
  };
}

serveTrainer(
  {
    postMessage: (event) => postMessage(event),
    onMessage: (handler) => addEventListener('message', (event) => handler((event as MessageEvent).data)),
  },
  { now: () => performance.now(), defer: messageChannelDefer() },
);
