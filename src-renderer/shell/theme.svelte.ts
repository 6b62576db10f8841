/**
 * Light or dark: the system's choice unless the user picks one, remembered on this machine. The choice is
 * applied as data-theme on the root element, which app.css reads.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'backprop-lab:theme';

export class Theme {
  choice = $state<ThemeChoice>('system');
  /** What the system prefers right now. */
  private systemDark = $state(false);
  readonly dark = $derived(this.choice === 'dark' || (this.choice === 'system' && this.systemDark));

  constructor() {
    const stored = localStorage.getItem(KEY);
    if (stored === 'light' || stored === 'dark') this.choice = stored;
    const query = matchMedia('(prefers-color-scheme: dark)');
    this.systemDark = query.matches;
    query.addEventListener('change', (event) => (this.systemDark = event.matches));
    this.apply();
  }

  choose(choice: ThemeChoice): void {
    this.choice = choice;
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
    this.apply();
  }

  private apply(): void {
    if (this.choice === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = this.choice;
  }
}
