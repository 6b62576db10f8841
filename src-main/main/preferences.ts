/**
 * What the app remembers between runs, in one small JSON file in the user's data folder: the last
 * window's place and size, the theme, and the recent documents. A missing or damaged file means the
 * defaults (it is only convenience); writes are atomic and one at a time, so a crash never leaves half a file.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomic-write';

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  maximized: z.boolean(),
});
export type WindowPlacement = z.infer<typeof boundsSchema>;

export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

const preferencesSchema = z.object({
  window: boundsSchema.nullable().catch(null),
  theme: themeSchema.catch('system'),
  recent: z.array(z.object({ path: z.string(), openedAt: z.number() })).catch([]),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = { window: null, theme: 'system', recent: [] };
export const MAX_RECENT = 10;

export class PreferencesStore {
  private value: Preferences;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {
    this.value = readPreferences(file);
  }

  get(): Preferences {
    return this.value;
  }

  /** Changes the preferences now and writes them after any write already under way. */
  update(change: Partial<Preferences>): Promise<void> {
    this.value = { ...this.value, ...change };
    const snapshot = JSON.stringify(this.value, null, 2);
    this.writing = this.writing.then(() => writeFileAtomic(this.file, snapshot)).catch((error: Error) => {
      console.warn(`Could not remember preferences in ${this.file}: ${error.message}`);
    });
    return this.writing;
  }

  /** Resolves once every write begun so far has ended, written or not. */
  settled(): Promise<void> {
    return this.writing;
  }
}

export function readPreferences(file: string): Preferences {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return DEFAULT_PREFERENCES;
  }
  const parsed = preferencesSchema.safeParse(data);
  return parsed.success ? parsed.data : DEFAULT_PREFERENCES;
}

export type RecentEntry = Preferences['recent'][number];

/** The recent list with `path` first (opened `now`), without repeats, at most MAX_RECENT long. */
export function withRecent(recent: readonly RecentEntry[], path: string, now: number): RecentEntry[] {
  return [{ path, openedAt: now }, ...recent.filter((entry) => entry.path !== path)].slice(0, MAX_RECENT);
}
