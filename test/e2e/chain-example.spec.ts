/**
 * The chain example in the app: Step through shows each delta carrying the product of the weights above it,
 * δ_j = w_j ⋯ w_3 δ_4 (W^j's one weight written w[j]), checked against that formula evaluated on the seed's
 * initial weights here in Node; screenshots of the deltas at 1366×768 and 1920×1080.
 */
import { findExample } from '../../src-shared/data/examples';
import { Simulation } from '../../src-shared/engine/simulation';
import { expect, openExample, test } from './app';
import { screenshotPath } from './screenshots';

test('Step through the deep chain: each delta is the product of the weights above it times the output delta', async ({ page }, testInfo) => {
  const model = findExample('chain')!.build();
  const w = new Simulation(model).network.weights.map((W) => W[0]);
  const { input: [i], target: [t] } = model.patterns[0];
  const o = w[3] * w[2] * w[1] * w[0] * i;
  const dOut = -((t as number) - o);
  const delta = [Number.NaN, w[1] * w[2] * w[3] * dOut, w[2] * w[3] * dOut, w[3] * dOut, dOut];

  for (const size of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    await page.goto('/');
    await expect(page.getByRole('button', { name: findExample('chain')!.title, exact: true })).toBeVisible();
    await page.screenshot({ path: screenshotPath(`chain-gallery-${size.width}.png`, testInfo), fullPage: true });
    await openExample(page, findExample('chain')!.title);
    await page.getByRole('tab', { name: 'Step through' }).click();
    await page.getByRole('button', { name: 'Step pattern', exact: true }).click();
    await expect(page.getByTestId('step-heading')).toContainText(`Pattern 1 of 4 (${model.patterns[0].name})`);
    const title = page.getByTestId('phase-title');
    const next = page.getByRole('button', { name: 'Next phase →' });
    while ((await title.getAttribute('data-kind')) !== 'delta') await next.click();
    for (let layer = 4; layer >= 1; layer--) {
      await expect(title).toHaveAttribute('data-layer', String(layer));
      const unit = page.locator(`[data-testid="unit"][data-layer="${layer}"][data-unit="0"]`);
      const shown = Number(await unit.getAttribute('data-value'));
      expect(Math.abs(shown - delta[layer]), `δ${layer}`).toBeLessThanOrEqual(1e-14 * Math.abs(delta[layer]));
      if (layer === 1) await page.screenshot({ path: screenshotPath(`chain-delta-${size.width}.png`, testInfo) });
      if (layer > 1) await next.click();
    }
  }
});
