/**
 * The help ships with the app: the user guide, the file format and how to cite open from the first screen
 * and with F1, offline (the offline guard fails on any request leaving the origin), pictures and all.
 */
import type { Page } from '@playwright/test';
import { expect, openExample, test } from './app';

/** Every picture on the page has loaded (a missing file leaves naturalWidth 0). */
async function expectPicturesLoaded(page: Page, atLeast: number): Promise<void> {
  const images = page.locator('main img');
  await expect(images).not.toHaveCount(0);
  expect(await images.count()).toBeGreaterThanOrEqual(atLeast);
  for (const image of await images.all()) {
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  }
}

test('Help opens the user guide with its pictures, and the pages link to each other', async ({ page, context }) => {
  await page.goto('/');
  const problems: string[] = [];
  context.on('page', (opened) => opened.on('console', (message) => problems.push(`${message.type()}: ${message.text()}`)));
  const [guide] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Help' }).click()]);
  await expect(guide.getByRole('heading', { level: 1 })).toHaveText('Backprop Lab user guide');
  await expect(guide.getByRole('heading', { name: '4. Train' })).toBeVisible();
  await expectPicturesLoaded(guide, 9);
  await expect(guide.getByRole('navigation', { name: 'Help pages' }).getByRole('link', { name: 'User guide' })).toHaveAttribute('aria-current', 'page');

  await guide.getByRole('navigation', { name: 'Help pages' }).getByRole('link', { name: 'Model file format' }).click();
  await expect(guide.getByRole('heading', { level: 1 })).toContainText('model file');
  await guide.getByRole('navigation', { name: 'Help pages' }).getByRole('link', { name: 'How to cite' }).click();
  const version = (await import('../../package.json', { with: { type: 'json' } })).default.version;
  await expect(guide.locator('blockquote')).toContainText(`(version ${version}) [Computer software]`);
  await guide.screenshot({ path: test.info().outputPath('how-to-cite.png') });
  expect(problems.filter((problem) => /^(error|warning)/.test(problem))).toEqual([]);
});

test('F1 opens the user guide from the workbench', async ({ page, context }) => {
  await openExample(page, 'XOR');
  const [guide] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('F1')]);
  await expect(guide.getByRole('heading', { level: 1 })).toHaveText('Backprop Lab user guide');
  await expect(guide).toHaveURL(/\/help\/user-guide\.html$/);
});
