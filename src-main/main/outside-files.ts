/**
 * Model files that reach the running app from outside: the files it was launched with, a double-clicked
 * .bplab on macOS ('open-file', which can come before the app is ready), and a second launch on any
 * system ('second-instance': a double click on Windows and Linux starts the app again with the file on
 * its command line, and the single-instance lock hands that command line over). Each file opens in a
 * window of its own, or in the focused window if it holds nothing (DocumentWindows.openPath).
 */
import type { DocumentWindows } from './document-windows';
import { parseLaunch } from './launch-arguments';

export type OutsideFileWindows = Pick<DocumentWindows, 'openWindow' | 'openPath'>;

export class OutsideFiles {
  private ready = false;
  private readonly waiting: string[];

  /** `launchDocuments`: the model files on this launch's own command line. */
  constructor(private readonly windows: OutsideFileWindows, launchDocuments: readonly string[]) {
    this.waiting = [...launchDocuments];
  }

  /** macOS 'open-file': opened now, or once the app is ready. */
  openFile(path: string): void {
    if (this.ready) this.windows.openPath(path);
    else if (!this.waiting.includes(path)) this.waiting.push(path);
  }

  /** 'second-instance', with that launch's argv and working folder: its files, or else a new empty window. */
  secondInstance(argv: readonly string[], workingDirectory: string, defaultApp: boolean): void {
    const launch = parseLaunch(argv, { defaultApp, cwd: workingDirectory });
    const files = launch.kind === 'app' ? launch.documents : [];
    for (const file of files) this.openFile(file);
    // Before 'ready' the first window is still to come; a window made now would have no preferences yet.
    if (files.length === 0 && this.ready) this.windows.openWindow();
  }

  /** The app is ready: a window for each file that arrived so far, or one empty window. */
  start(): void {
    this.ready = true;
    const files = this.waiting.splice(0);
    if (files.length === 0) this.windows.openWindow();
    for (const file of files) this.windows.openWindow(file);
  }
}
