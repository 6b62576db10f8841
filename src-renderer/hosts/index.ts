/**
 * Picks the host once, at start-up: Electron when its preload exposed the API, the web build otherwise.
 * Nothing else in the renderer asks which host it has.
 */
import { PRELOAD_GLOBAL, type PreloadApi } from '../../src-shared/ipc/preload-api';
import type { Host } from './host';
import { createWebHost } from './web';

interface ElectronHostModule {
  createElectronHost(api: PreloadApi): Host;
}

// A glob, not import('./electron'): the web build must not depend on the Electron host (a separate file,
// loaded only inside Electron), and a glob that matches nothing still builds.
const electronHost = import.meta.glob<ElectronHostModule>('./electron.ts');

export async function pickHost(): Promise<Host> {
  const api = (window as unknown as Record<string, PreloadApi | undefined>)[PRELOAD_GLOBAL];
  const load = electronHost['./electron.ts'];
  if (api && load) return (await load()).createElectronHost(api);
  return createWebHost();
}
