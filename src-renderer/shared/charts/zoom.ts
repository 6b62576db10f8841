/**
 * Zoom for projectors where the page must do it itself: Ctrl/Cmd with + or − steps through the browsers'
 * usual zoom levels, Ctrl/Cmd+0 goes back to 100%, and the level is remembered on this machine. Applied as
 * CSS zoom on the root element, so everything grows alike: type, panels, diagrams and charts. Electron's
 * View menu zooms the window natively, so only a host that asks for it (Host.zoomsPage) gets this.
 */
const KEY = 'backprop-lab:zoom';

/** Chromium's own steps, so the keys feel like the browser's. */
export const ZOOM_LEVELS: readonly number[] = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];

export class PageZoom {
  private index: number;

  constructor(
    private readonly root: HTMLElement,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  ) {
    const stored = ZOOM_LEVELS.indexOf(Number(storage.getItem(KEY)));
    this.index = stored >= 0 ? stored : ZOOM_LEVELS.indexOf(1);
    this.apply();
  }

  get level(): number {
    return ZOOM_LEVELS[this.index];
  }

  zoomIn(): void {
    this.set(Math.min(this.index + 1, ZOOM_LEVELS.length - 1));
  }

  zoomOut(): void {
    this.set(Math.max(this.index - 1, 0));
  }

  reset(): void {
    this.set(ZOOM_LEVELS.indexOf(1));
  }

  /** Zooms on Ctrl/Cmd with +, =, − or 0 (main keyboard or keypad); says whether the key was one of them. */
  handleKey(event: KeyboardEvent): boolean {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented) return false;
    if (event.key === '+' || event.key === '=') this.zoomIn();
    else if (event.key === '-' || event.key === '−' || event.key === '_') this.zoomOut();
    else if (event.key === '0') this.reset();
    else return false;
    event.preventDefault();
    return true;
  }

  private set(index: number): void {
    this.index = index;
    if (this.level === 1) this.storage.removeItem(KEY);
    else this.storage.setItem(KEY, String(this.level));
    this.apply();
  }

  private apply(): void {
    if (this.level === 1) this.root.style.removeProperty('zoom');
    else this.root.style.setProperty('zoom', String(this.level));
  }
}

/** Starts the zoom keys for this window, at the level remembered; returns a function that stops them. */
export function startPageZoom(): () => void {
  const zoom = new PageZoom(document.documentElement, localStorage);
  const onKeyDown = (event: KeyboardEvent) => zoom.handleKey(event);
  addEventListener('keydown', onKeyDown);
  return () => removeEventListener('keydown', onKeyDown);
}
