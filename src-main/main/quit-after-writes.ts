/**
 * The app's last writes reach the disk before the process ends. The window's place is saved as the window
 * closes, which on quitting is just before Electron ends the process; Node's file operations still under
 * way would end with it, and the next launch would open the window where it was the time before. So the
 * first 'will-quit' waits for the writes and then quits again.
 */

/** The part of Electron's `app` this needs. */
export interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/** `writes`: resolves once every write begun so far has ended (it never rejects). */
export function finishWritesBeforeQuit(app: QuittingApp, writes: () => Promise<void>): void {
  let finished = false;
  let waiting = false;
  app.on('will-quit', (event) => {
    if (finished) return;
    event.preventDefault();
    if (waiting) return;
    waiting = true;
    void writes().finally(() => {
      finished = true;
      app.quit();
    });
  });
}
