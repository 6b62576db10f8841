/**
 * WCAG 2 A and AA, contrast included, checked by axe (bundled: it runs offline) on every screen a user
 * reaches first: the gallery, and each of the workbench's tabs, before and after some training, in the
 * light theme and in the dark one.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './app';

// Independent tests, among the suite's longest: spread over both workers, so neither finishes long after the other.
test.describe.configure({ mode: 'parallel' });

const THEMES = ['light', 'dark'] as const;
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The rules whose outcome depends on colour. The dark theme changes only colours (the theme switch sets
 * CSS variables), so in it these are all that can newly fail; the light theme runs every WCAG A/AA rule.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Every violation of WCAG A/AA on the page as it is now, one line each, with the elements at fault. */
async function violations(page: Page, theme: (typeof THEMES)[number]): Promise<string[]> {
  const axe = new AxeBuilder({ page });
  const results = await (theme === 'dark' ? axe.withRules(COLOUR_RULES) : axe.withTags(WCAG_AA)).analyze();
  // Axe must really have looked: on any of these screens it checks colour contrast at least.
  expect(results.passes.map(({ id }) => id)).toContain('color-contrast');
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help}`),
  );
}

/** Picks the theme with the switch; the system says the other one, so the switch must be what makes it. */
async function chooseTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  await page.emulateMedia({ colorScheme: theme === 'dark' ? 'light' : 'dark' });
  await page.goto('/');
  await page.getByLabel('Theme').selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

for (const theme of THEMES) {
  test(`the gallery passes axe's WCAG AA checks in the ${theme} theme`, async ({ page }) => {
    await chooseTheme(page, theme);
    expect(await violations(page, theme)).toEqual([]);
  });

  test(`every workbench tab passes axe's WCAG AA checks in the ${theme} theme`, async ({ page }) => {
    // Axe takes seconds a screen; XOR's small network shows every kind of panel with the fewest elements.
    test.setTimeout(300_000);
    await chooseTheme(page, theme);
    await page.getByRole('button', { name: 'XOR', exact: true }).click();
    await expect(page.getByTestId('status')).toHaveText('Ready');
    const found: Record<string, string[]> = {};
    const check = async (screen: string) => {
      const screenViolations = await violations(page, theme);
      if (screenViolations.length > 0) found[screen] = screenViolations;
    };
    await check('the Train tab before training');
    // Trained a few epochs, so every tab shows its outputs, charts and weights.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let epoch = 1; epoch <= 3; epoch++) {
      await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('epoch')).toHaveText(String(epoch));
      // → is taken only once the step has finished (the epoch shows before the trainer says Paused).
      await expect(page.getByTestId('status')).toHaveText('Paused');
    }
    // Whatever tabs there are: a tab added later is checked too.
    const names = await page.getByRole('tab').allInnerTexts();
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) {
      await page.getByRole('tab', { name, exact: true }).click();
      await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('tabpanel')).toBeVisible();
      await check(`the ${name} tab`);
    }
    expect(found).toEqual({});
  });
}
