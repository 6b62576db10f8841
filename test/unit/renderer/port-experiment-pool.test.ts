/**
 * The page's side of the desktop app's experiment workers, with fake MessagePorts: what the pool sends
 * before the port arrives waits for it, a worker that never started stops the pool, stopping a worker ends
 * its process even when its port comes later, and ports are matched to workers by id, from the preload only.
 */
import { describe, expect, it, vi } from 'vitest';
import { WorkerStartError } from '../../../src-shared/experiment/pool';
import type { RunResult } from '../../../src-shared/experiment/run-one';
import { EXPERIMENT_PORT_MESSAGE, type PreloadApi } from '../../../src-shared/ipc/preload-api';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { electronWorkerPorts } from '../../../src-renderer/hosts/experiments/electron-experiments';
import type { ExperimentReply, ExperimentRequest } from '../../../src-renderer/hosts/experiments/experiment-messages';
import { portWorkerStarter, type PortLike, type WorkerPorts } from '../../../src-renderer/hosts/experiments/port-experiment-pool';

class FakePort implements PortLike {
  readonly sent: ExperimentRequest[] = [];
  started = false;
  closed = false;
  private listener: ((event: { data: ExperimentReply }) => void) | null = null;
  postMessage(message: ExperimentRequest) {
    this.sent.push(message);
  }
  addEventListener(_type: 'message', listener: (event: { data: ExperimentReply }) => void) {
    this.listener = listener;
  }
  start() {
    this.started = true;
  }
  close() {
    this.closed = true;
  }
  reply(data: ExperimentReply) {
    this.listener?.({ data });
  }
}

const model = { name: 'm' } as unknown as ModelDocument;
const result = (index: number) => ({ index, status: 'finished' }) as unknown as RunResult;

function fakePorts() {
  const port = new FakePort();
  let arrive: (value: { id: number; port: PortLike }) => void = () => undefined;
  let refuse: (error: Error) => void = () => undefined;
  const exits = new Map<number, (reason: string) => void>();
  const ports: WorkerPorts & { stopped: number[] } = {
    stopped: [],
    connect: () => new Promise((resolve, reject) => ((arrive = resolve), (refuse = reject))),
    stop: (id) => void ports.stopped.push(id),
    onExit: (id, listener) => (exits.set(id, listener), () => void exits.delete(id)),
  };
  return { port, ports, arrive: () => arrive({ id: 7, port }), refuse: (error: Error) => refuse(error), exit: (reason: string) => exits.get(7)?.(reason) };
}

describe('the port adapter', () => {
  it('sends the model and the run asked for once the port arrives, and resolves with the worker’s reply', async () => {
    const { port, ports, arrive } = fakePorts();
    const worker = portWorkerStarter(model, ports)();
    const run = worker.run(3);
    expect(port.sent).toEqual([]);
    arrive();
    await vi.waitFor(() => expect(port.sent).toEqual([{ model: { name: 'm' } }, { index: 3 }]));
    expect(port.started).toBe(true);
    port.reply({ ready: true });
    port.reply({ index: 3, result: result(3) });
    await expect(run).resolves.toEqual(result(3));
    // Once connected, a request goes straight to the port.
    const next = worker.run(4);
    expect(port.sent.at(-1)).toEqual({ index: 4 });
    port.reply({ index: 4, error: 'diverged badly' });
    await expect(next).rejects.toThrow('diverged badly');
    await worker.terminate();
    expect(ports.stopped).toEqual([7]);
    expect(port.closed).toBe(true);
  });

  it('a worker main could not start is a start failure, which stops the whole pool', async () => {
    const { ports, refuse } = fakePorts();
    const run = portWorkerStarter(model, ports)().run(0);
    refuse(new Error('This window can no longer start experiment workers.'));
    await expect(run).rejects.toBeInstanceOf(WorkerStartError);
    await expect(run).rejects.toThrow('an experiment worker process could not start: This window can no longer start experiment workers.');
  });

  it('a process that ends by itself fails the run under way with the reason', async () => {
    const { port, ports, arrive, exit } = fakePorts();
    const worker = portWorkerStarter(model, ports)();
    const run = worker.run(1);
    arrive();
    await vi.waitFor(() => expect(port.started).toBe(true));
    port.reply({ ready: true });
    exit('exit code 9');
    await expect(run).rejects.toThrow('the worker process stopped (exit code 9)');
  });

  it('stopping a worker whose port has not arrived yet ends its process when it does', async () => {
    const { port, ports, arrive } = fakePorts();
    const worker = portWorkerStarter(model, ports)();
    await worker.terminate();
    arrive();
    await vi.waitFor(() => expect(ports.stopped).toEqual([7]));
    expect(port.closed).toBe(true);
    expect(port.sent).toEqual([]);
  });
});

describe('the preload’s experiment ports', () => {
  it('are matched to the worker asked for by id, whether the port or main’s answer comes first, and only from the window itself', async () => {
    const page = new EventTarget();
    let nextId = 0;
    const api = {
      requestExperimentWorker: async () => ({ id: ++nextId }),
      stopExperimentWorker: async () => null,
      onExperimentWorkerExit: () => () => undefined,
    } as Partial<PreloadApi> as PreloadApi;
    const ports = electronWorkerPorts(api, page as unknown as Window);
    const deliver = (id: number, port: object, source: unknown = page) =>
      page.dispatchEvent(Object.assign(new Event('message'), { data: { type: EXPERIMENT_PORT_MESSAGE, id }, ports: [port], source }));
    // Port 1 arrives before main's answer; a stranger's message for port 2 is ignored; port 2 comes after.
    const one = { name: 'one' };
    deliver(1, one);
    await expect(ports.connect()).resolves.toEqual({ id: 1, port: one });
    const second = ports.connect();
    await Promise.resolve();
    deliver(2, { name: 'stranger' }, {});
    const two = { name: 'two' };
    deliver(2, two);
    await expect(second).resolves.toEqual({ id: 2, port: two });
  });
});
