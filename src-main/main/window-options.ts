/**
 * The main window's options. The renderer is treated like a web page that must not reach the machine:
 * no Node, a sandboxed process, its own JavaScript world apart from the preload's, and the web's own
 * origin rules. Everything it may do goes through the preload's verbs.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { DEFAULT_SIZE, MIN_SIZE } from './window-placement';

/** Without a preload path (the help window), the page gets no verbs at all. */
export function secureWebPreferences(preloadPath?: string): WebPreferences {
  return {
    ...(preloadPath === undefined ? {} : { preload: preloadPath }),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // A model file dropped on the window is the page's to handle; Chromium would otherwise open it.
    navigateOnDragDrop: false,
  };
}

/** `placement`: where and how big (window-placement.ts); without it, the default size, centred. */
export function mainWindowOptions(preloadPath: string, placement: { x?: number; y?: number; width: number; height: number } = DEFAULT_SIZE): BrowserWindowConstructorOptions {
  return {
    title: 'Backprop Lab',
    ...(placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : {}),
    width: placement.width,
    height: placement.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    // Shown on 'ready-to-show', so the window never flashes empty while the app loads.
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** The help window: the app's own help pages, text and pictures, with no preload and so no verbs. */
export function helpWindowOptions(): BrowserWindowConstructorOptions {
  return {
    title: 'Backprop Lab Help',
    width: 900,
    height: 800,
    minWidth: MIN_SIZE.width / 2,
    minHeight: MIN_SIZE.height / 2,
    show: false,
    webPreferences: secureWebPreferences(),
  };
}
