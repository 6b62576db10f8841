/**
 * The screens hold together from a lecture hall's 1366×768 projector to a 4K monitor: nothing runs off the
 * window's side and the panels never overlap. And for the back row, the page zooms with Ctrl/Cmd +, −
 * and 0 (Electron's View menu does it natively; the web build has no menu, so the page does it itself).
 */
import type { Page } from '@playwright/test';
import { expect, openExample, setSetting, test } from './app';

// Independent tests, among the suite's longest: spread over both workers, so neither finishes long after the other.
test.describe.configure({ mode: 'parallel' });

const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];

/**
 * Visible elements that reach past the window's left or right edge, as short descriptions. Content inside
 * a scrolling or clipping box is that box's business: only the box itself must stay in the window.
 */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const describe = (element: Element) => {
      const id = element.id ? `#${element.id}` : '';
      const classes = typeof element.className === 'string' && element.className ? `.${element.className.trim().split(/\s+/).join('.')}` : '';
      const label = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30) ?? '';
      return `${element.tagName.toLowerCase()}${id}${classes} "${label}"`;
    };
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
      if ((box.right > width + 0.5 || box.left < -0.5) && !clipped(element)) found.push(`${describe(element)}: ${Math.round(box.left)}–${Math.round(box.right)} of ${width}`);
    }
    return found;
  });
}

/** Pairs of the given panels whose boxes overlap (by more than a rounding pixel), as descriptions. */
function overlaps(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate((selectors) => {
    const panels = selectors.flatMap((selector) =>
      Array.from(document.querySelectorAll(selector)).filter((element) => element.getBoundingClientRect().width > 0).map((element, index) => ({ element, name: `${selector}[${index}]` })),
    );
    const found: string[] = [];
    for (const [i, a] of panels.entries()) {
      for (const b of panels.slice(i + 1)) {
        // A panel inside another is not an overlap.
        if (a.element.contains(b.element) || b.element.contains(a.element)) continue;
        const p = a.element.getBoundingClientRect();
        const q = b.element.getBoundingClientRect();
        const across = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const down = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (across > 1 && down > 1) found.push(`${a.name} and ${b.name} overlap by ${Math.round(across)}×${Math.round(down)}`);
      }
    }
    return found;
  }, selectors);
}

/** The workbench's main parts, and the panels inside the open tab. */
const WORKBENCH_PANELS = [
  'header.bar',
  '[role="tablist"]',
  '[role="group"][aria-label="Training controls"]',
  '[role="tabpanel"]',
  '[role="tabpanel"] section',
  '[role="tabpanel"] aside',
  '[role="tabpanel"] main',
];

for (const screen of SCREENS) {
  test(`at ${screen.width}×${screen.height} nothing runs off the side and no panels overlap`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(screen);
    await page.goto('/');
    const problems: Record<string, string[]> = {};
    const note = (where: string, found: string[]) => {
      if (found.length > 0) problems[where] = found;
    };
    note('the gallery', [...(await overflowing(page)), ...(await overlaps(page, ['main.gallery > *', 'main.gallery li']))]);

    // The widest example: its output table and pattern grid are the likeliest to run off.
    await openExample(page, 'Rumelhart & Todd: living things', { pace: 'example' });
    await page.getByRole('tab', { name: 'Train', exact: true }).click();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('epoch')).toHaveText('1');
    const names = await page.getByRole('tab').allInnerTexts();
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) {
      await page.getByRole('tab', { name, exact: true }).click();
      await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
      // Let charts and diagrams take their measured size.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      note(`the ${name} tab`, [...(await overflowing(page)), ...(await overlaps(page, WORKBENCH_PANELS))]);
    }
    expect(problems).toEqual({});
  });
}

for (const screen of [{ width: 1280, height: 720 }, { width: 1366, height: 768 }]) {
  test(`at ${screen.width}×${screen.height} the document bar keeps a long name, the unsaved marker, the commands and the theme on one line`, async ({ page }) => {
    await page.setViewportSize(screen);
    await page.goto('/');
    await openExample(page, 'Rumelhart & Todd: living things', { pace: 'example' });
    await page.getByRole('tab', { name: 'Train', exact: true }).click();
    await setSetting(page, 'Learning rate λ', '0.3');
    await expect(page.getByTestId('unsaved-marker')).toBeVisible();
    // Each part of the bar starts above the bottom of the first: one line. The name shortens instead, whole on hover.
    const rows = await page.evaluate(() => {
      const parts = Array.from(document.querySelector('header.bar')!.children).map((part) => part.getBoundingClientRect());
      return parts.filter((box) => box.top >= parts[0].bottom).length;
    });
    expect(rows).toBe(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('title', 'Rumelhart & Todd: living things 12-8-15-26');
    expect(await overflowing(page)).toEqual([]);
  });
}

test('the checks see an element that runs off the side and panels that overlap', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    const wide = document.createElement('section');
    wide.className = 'too-wide';
    wide.style.cssText = 'position: absolute; top: 0; left: 0; width: 200vw; height: 10px';
    const over = document.createElement('section');
    over.className = 'over';
    over.style.cssText = 'position: absolute; top: 5px; left: 5px; width: 50px; height: 10px';
    document.body.append(wide, over);
  });
  expect((await overflowing(page)).join('\n')).toContain('section.too-wide');
  expect(await overlaps(page, ['section.too-wide', 'section.over'])).toEqual(['section.too-wide[0] and section.over[0] overlap by 50×5']);
});

test('Ctrl + and − zoom the page in steps, Ctrl 0 resets it, and the level is remembered', async ({ page }) => {
  await page.goto('/');
  const heading = page.getByRole('heading', { level: 1 });
  const height = async () => (await heading.boundingBox())!.height;
  const zoom = () => page.evaluate(() => getComputedStyle(document.documentElement).zoom);
  const normal = await height();
  await expect.poll(zoom).toBe('1');

  await page.keyboard.press('Control+Equal');
  await page.keyboard.press('Control+Equal');
  await expect.poll(zoom).toBe('1.25');
  expect(await height()).toBeCloseTo(normal * 1.25, 0);

  // Remembered across a reload (applied once the page's script has run: polled), and on the workbench too.
  await page.reload();
  await expect.poll(zoom).toBe('1.25');
  await page.getByRole('button', { name: 'XOR', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Ready');
  await page.keyboard.press('Control+Minus');
  await expect.poll(zoom).toBe('1.1');
  await page.keyboard.press('Control+NumpadAdd');
  await expect.poll(zoom).toBe('1.25');

  await page.keyboard.press('Control+Digit0');
  await expect.poll(zoom).toBe('1');
  expect(await page.evaluate(() => localStorage.getItem('backprop-lab:zoom'))).toBeNull();
  await page.keyboard.press('Control+Minus');
  await expect.poll(zoom).toBe('0.9');
});

/** How far `locator`'s box reaches past the window's bottom (or above its top), in pixels; 0 when it is in view. */
async function pastTheFold(page: Page, locator: ReturnType<Page['locator']>): Promise<number> {
  const box = (await locator.boundingBox())!;
  const height = page.viewportSize()!.height;
  return Math.max(0, Math.round(box.y + box.height - height), Math.round(-box.y));
}

test('at 1366×768 the outputs, a unit’s numbers and the input units’ values are in view without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openExample(page, 'XOR');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Stopped');
  // The whole Outputs table of a lecture example, beside the run it belongs to.
  await expect(page.getByTestId('pattern-row')).toHaveCount(4);
  expect(await pastTheFold(page, page.getByRole('heading', { name: /^Outputs/ })), 'Outputs heading').toBe(0);
  expect(await pastTheFold(page, page.getByTestId('pattern-row').last()), 'last output row').toBe(0);

  await page.getByRole('button', { name: 'Step pattern', exact: true }).click();
  await page.getByRole('tab', { name: 'Step through' }).click();
  await expect(page.getByTestId('step-heading')).toContainText('Pattern 1 of 4');
  const diagram = page.getByTestId('step-diagram');
  // The input layer is drawn last (at the bottom), its values under its circles: the diagram's bottom edge.
  expect(await pastTheFold(page, diagram), 'the diagram down to the input values').toBe(0);
  // A hidden unit: the forward pass of layer 1 gives it a net input and an activation.
  await page.getByTestId('unit').nth(2).click();
  await expect(page.getByTestId('unit-row').first()).toBeVisible();
  expect(await pastTheFold(page, page.getByTestId('unit-numbers')), 'a unit’s numbers').toBe(0);
});

test('New opens on the builder, and the title keeps the network’s shape whole at 1366×768', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByRole('button', { name: 'New model', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Network', exact: true })).toHaveAttribute('aria-selected', 'true');
  // Edited, the bar carries the unsaved marker too, and a long name: the name may shorten, never the shape.
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('Untitled model of the lab session on the generalisation of learned associations');
  await name.press('Tab');
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();
  const shape = page.getByRole('heading', { level: 1 }).locator('.shape');
  await expect(shape).toHaveText('2-1');
  const clipped = await shape.evaluate((element) => {
    const heading = element.closest('h1')!.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    return box.right > heading.right + 0.5 || element.scrollWidth > element.clientWidth + 0.5;
  });
  expect(clipped).toBe(false);
});
