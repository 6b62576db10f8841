import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, MAX_RECENT, PreferencesStore, readPreferences, withRecent } from '../../../src-main/main/preferences';

let folder: string;
beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'bplab-prefs-'))));
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('the preferences store', () => {
  it('starts from the defaults when there is no file yet', () => {
    expect(new PreferencesStore(join(folder, 'preferences.json')).get()).toEqual(DEFAULT_PREFERENCES);
  });

  it('remembers the window, theme and recent files across runs', async () => {
    const file = join(folder, 'preferences.json');
    const store = new PreferencesStore(file);
    void store.update({ window: { x: 10, y: 20, width: 1000, height: 700, maximized: false } });
    await store.update({ theme: 'dark', recent: [{ path: '/m/xor.bplab', openedAt: 5 }] });
    expect(new PreferencesStore(file).get()).toEqual({
      window: { x: 10, y: 20, width: 1000, height: 700, maximized: false },
      theme: 'dark',
      recent: [{ path: '/m/xor.bplab', openedAt: 5 }],
    });
    expect(JSON.parse(readFileSync(file, 'utf8')).theme).toBe('dark');
  });

  it('says when every write begun so far has reached the file', async () => {
    const file = join(folder, 'preferences.json');
    const store = new PreferencesStore(file);
    // Not awaited, as the window's place is saved when it closes.
    void store.update({ window: { x: 1, y: 2, width: 900, height: 600, maximized: false } });
    void store.update({ theme: 'light' });
    await store.settled();
    expect(readPreferences(file)).toMatchObject({ window: { x: 1, y: 2, width: 900, height: 600, maximized: false }, theme: 'light' });
  });

  it('falls back field by field on a damaged or foreign file', () => {
    const file = join(folder, 'preferences.json');
    writeFileSync(file, '{ not json');
    expect(readPreferences(file)).toEqual(DEFAULT_PREFERENCES);
    writeFileSync(file, JSON.stringify({ window: { x: 'left' }, theme: 'neon', recent: [{ path: '/a.bplab', openedAt: 1 }] }));
    expect(readPreferences(file)).toEqual({ window: null, theme: 'system', recent: [{ path: '/a.bplab', openedAt: 1 }] });
  });

  it('keeps going when the file cannot be written', async () => {
    const store = new PreferencesStore(join(folder, 'missing-folder', 'preferences.json'));
    const warn = console.warn;
    console.warn = () => undefined;
    await expect(store.update({ theme: 'light' })).resolves.toBeUndefined();
    console.warn = warn;
    expect(store.get().theme).toBe('light');
  });
});

describe('the recent list', () => {
  it('puts the latest first, without repeats, and keeps ten', () => {
    const entry = (path: string, openedAt = 0) => ({ path, openedAt });
    expect(withRecent([entry('/a'), entry('/b')], '/b', 9)).toEqual([entry('/b', 9), entry('/a')]);
    const many = Array.from({ length: 12 }, (_, i) => entry(`/m${i}`));
    expect(withRecent(many, '/new', 1)).toHaveLength(MAX_RECENT);
    expect(withRecent(many, '/new', 1)[0]).toEqual(entry('/new', 1));
  });
});
