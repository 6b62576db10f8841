/**
 * One help window for the app's own help pages (help-links.ts): Help → User Guide opens it, or brings it
 * forward showing the page asked for. Takes its window from a factory, so tests run it with a fake.
 */
import type { BrowserWindow } from 'electron';

export type HelpBrowserWindow = Pick<BrowserWindow, 'loadURL' | 'show' | 'focus' | 'isDestroyed' | 'once'>;

export class HelpWindow<W extends HelpBrowserWindow> {
  private window: W | null = null;

  constructor(private readonly create: () => W) {}

  show(url: string): void {
    if (this.window && !this.window.isDestroyed()) {
      void this.window.loadURL(url);
      this.window.focus();
      return;
    }
    const window = this.create();
    this.window = window;
    window.once('closed', () => {
      if (this.window === window) this.window = null;
    });
    window.once('ready-to-show', () => window.show());
    void window.loadURL(url);
  }
}
