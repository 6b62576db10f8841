/** What the page's autosave keeps, read from the page itself: for the web and the Electron end-to-end tests. */
import type { Page } from '@playwright/test';

/** How many autosaved drafts the page's IndexedDB holds (hosts/web-recovery.ts, the same in Electron). */
export function recoveryDrafts(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('backprop-lab');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('recovery')) return resolve(0);
          const count = db.transaction('recovery').objectStore('recovery').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
}
