/**
 * The Step through tab: the lecture, live. Stepping patterns one at a time in online mode ends exactly
 * where Step epoch does; every phase is reachable, shows its equation, and shows the engine's numbers
 * (checked against the engine run here in Node on the same model); slow motion slows the run.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { findExample } from '../../src-shared/data/examples';
import { Simulation } from '../../src-shared/engine/simulation';
import { formatValue } from '../../src-renderer/step-through/step-phases';
import { serializeModel } from '../../src-shared/model/serialize';
import { expect, openExample, openThroughPicker, saveByDownload, sentCommands, shownPatterns, test, withoutFileAccess } from './app';

/** The names of XOR's patterns in the order its first epoch presents them (its order is permuted by the seed). */
function firstEpochOrder(): string[] {
  const model = findExample('xor')!.build();
  const simulation = new Simulation(model);
  return model.patterns.map(() => {
    const name = model.patterns[simulation.nextPattern()].name;
    simulation.advance(1);
    return name;
  });
}

async function openStepThrough(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Step through' }).click();
  await expect(page.getByTestId('step-heading')).toBeVisible();
}

/** The saved document's weights and biases, and the epoch it stands at. */
async function savedState(page: Page, path: string): Promise<{ epoch: number; weights: unknown; biases: unknown }> {
  await saveByDownload(page, path);
  const { state } = JSON.parse(readFileSync(path, 'utf8'));
  return { epoch: state.epoch, weights: state.weights, biases: state.biases };
}

test('stepping every pattern of an epoch online leaves exactly the weights Step epoch leaves', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  await openExample(page, 'XOR');
  await openStepThrough(page);
  const stepPattern = page.getByRole('button', { name: 'Step pattern', exact: true });
  const names = firstEpochOrder();
  for (let k = 1; k <= 4; k++) {
    await stepPattern.click();
    // The k-th pattern of the first epoch, in the seed's order.
    await expect(page.getByTestId('step-heading')).toHaveText(`Pattern ${k} of 4 (${names[k - 1]}) · epoch 1, ${k < 4 ? 'under way (0 completed)' : 'which it completed'}`);
  }
  await expect(page.getByText(/epoch 1 · tss/)).toBeVisible();
  expect(await sentCommands(page, 'stepPattern')).toHaveLength(4);
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByTestId('epoch')).toHaveText('1');
  await expect(page.getByTestId('stop-message')).toHaveText(`Presented pattern 4 of 4 (${names[3]}) of epoch 1, which it completed.`);
  const byPatterns = { outputs: await shownPatterns(page), state: await savedState(page, testInfo.outputPath('by-patterns.bplab')) };

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Ready');
  await page.getByRole('button', { name: 'Step epoch', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText('1');
  await expect(page.getByTestId('status')).toHaveText('Paused');
  await expect(page.getByTestId('stop-message')).toHaveText('Stepped to epoch 1.');
  const byEpoch = { outputs: await shownPatterns(page), state: await savedState(page, testInfo.outputPath('by-epoch.bplab')) };

  expect(byPatterns.state.epoch).toBe(1);
  expect(byPatterns.state.weights).toEqual(byEpoch.state.weights);
  expect(byPatterns.state.biases).toEqual(byEpoch.state.biases);
  expect(byPatterns.outputs).toEqual(byEpoch.outputs);
  // And the weights did move: the comparison is not between two untouched networks.
  const initial = new Simulation(findExample('xor')!.build()).weightRows();
  expect(byEpoch.state.weights).not.toEqual(initial.weights);
});

test('every phase is reachable, with its equation and the engine’s numbers', async ({ page }) => {
  // The same model and first pattern, computed by the engine here in Node.
  const simulation = new Simulation(findExample('xor')!.build());
  const expected = simulation.inspect(simulation.nextPattern());

  await openExample(page, 'XOR');
  await openStepThrough(page);
  await page.getByRole('button', { name: 'Step pattern', exact: true }).click();
  await expect(page.getByTestId('step-heading')).toHaveText(`Pattern 1 of 4 (${expected.name}) · epoch 1, under way (0 completed)`);
  await expect(page.getByTestId('step-mode')).toContainText('Presented and learned from');

  const title = page.getByTestId('phase-title');
  const equation = page.getByTestId('phase-equation');
  const unit = (layer: number, k: number) => page.locator(`[data-testid="unit"][data-layer="${layer}"][data-unit="${k}"]`);
  const row = (label: string) => page.locator(`[data-testid="unit-row"][data-label="${label}"]`);
  const next = page.getByRole('button', { name: 'Next phase →' });
  const expectShown = async (locator: ReturnType<Page['locator']>, value: number) => {
    expect(Number(await locator.getAttribute('data-value'))).toBeCloseTo(value, 12);
    await expect(locator).toContainText(formatValue(value));
  };

  // 1. Forward pass, layer by layer: h_j = f(n_j).
  await expect(title).toHaveAttribute('data-kind', 'forward');
  await expect(title).toHaveAttribute('data-layer', '1');
  await expect(equation).toContainText('n1 = W0 h0 + b1');
  await expectShown(unit(1, 0), expected.layers[1].activation[0]);
  await expectShown(unit(1, 1), expected.layers[1].activation[1]);
  await expect(unit(2, 0)).not.toHaveAttribute('data-value');
  await next.click();
  await expect(title).toHaveAttribute('data-layer', '2');
  await expectShown(unit(2, 0), expected.output[0]);
  await unit(2, 0).click();
  await expectShown(row('net input'), expected.layers[2].netInput[0]);
  await expectShown(row('activation'), expected.output[0]);
  await expect(row('error')).toHaveCount(0);

  // 2. Target beside the output.
  await next.click();
  await expect(title).toHaveAttribute('data-kind', 'target');
  await expect(page.getByTestId('target-label')).toHaveText(`t = ${formatValue(expected.target[0])}`);
  await expectShown(row('target'), expected.target[0]!);

  // 3. Error signal e = t − o.
  await next.click();
  await expect(title).toHaveAttribute('data-kind', 'error');
  await expect(equation).toContainText('e = t − o');
  await expectShown(unit(2, 0), expected.error[0]!);
  await expectShown(row('error'), expected.error[0]!);
  await expect(page.getByTestId('scale-legend')).toContainText('error');

  // 4. Deltas back, the output's then the hidden layer's, with the sign convention.
  await next.click();
  await expect(title).toHaveAttribute('data-kind', 'delta');
  await expect(title).toHaveAttribute('data-layer', '2');
  await expect(equation).toContainText('δ2 = −(t − o) ⊙ f′(n2)');
  await expect(page.getByTestId('sign-convention')).toContainText(expected.signConvention);
  await expectShown(unit(2, 0), expected.layers[2].delta![0]);
  await expectShown(row('delta'), expected.layers[2].delta![0]);
  await next.click();
  await expect(title).toHaveAttribute('data-layer', '1');
  await expect(equation).toContainText('δ1 = [(W1)T δ2] ⊙ f′(n1)');
  await expectShown(unit(1, 1), expected.layers[1].delta![1]);

  // 5. Weight changes ΔW = −λ δ hᵀ, per projection, top down; a unit lists its incoming changes.
  await next.click();
  await expect(title).toHaveAttribute('data-kind', 'weight-change');
  await expect(equation).toContainText('ΔW1 = −λ δ2 h1T');
  await expect(page.getByTestId('weight-change-line')).toHaveCount(2);
  const incoming = page.getByTestId('incoming-changes').locator('tbody tr');
  await expect(incoming).toHaveCount(3);
  const change = expected.weightLayers[1].weightChange;
  for (const [k, value] of [...change.weights[0], change.biases[0]].entries()) {
    expect(Number(await incoming.nth(k).getAttribute('data-value'))).toBeCloseTo(value, 12);
    await expect(incoming.nth(k)).toContainText(formatValue(value));
  }
  await next.click();
  await expect(equation).toContainText('ΔW0 = −λ δ1 h0T');
  await expect(page.getByTestId('weight-change-line')).toHaveCount(4);
  await expect(next).toBeDisabled();
  await expect(page.getByTestId('phase-count')).toHaveText('phase 8 of 8');
});

test('the keyboard steps patterns and phases, and a pattern can be looked at without training', async ({ page }) => {
  await openExample(page, 'XOR');
  await openStepThrough(page);
  // Before any step: a chosen pattern's forward pass, looked at, not trained.
  await expect(page.getByTestId('step-mode')).toContainText('Looked at, not trained');
  await expect(page.getByTestId('step-heading')).toHaveText('Pattern 1 of 4 (00) · weights after epoch 0');
  await page.getByLabel('Look at pattern').selectOption({ label: '3: 10' });
  await expect(page.getByTestId('step-heading')).toHaveText('Pattern 3 of 4 (10) · weights after epoch 0');
  const simulation = new Simulation(findExample('xor')!.build());
  const third = simulation.inspect(2);
  await page.locator('main, .step-through').first().click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('phase-title')).toHaveAttribute('data-layer', '2');
  const output = page.locator('[data-testid="unit"][data-layer="2"]');
  expect(Number(await output.getAttribute('data-value'))).toBeCloseTo(third.output[0], 12);
  expect(await sentCommands(page, 'stepPattern')).toEqual([]);
  expect(await sentCommands(page, 'inspect')).toContainEqual({ type: 'inspect', probe: { set: 'train', pattern: 2 } });

  await page.keyboard.press('n');
  await expect(page.getByTestId('phase-title')).toHaveAttribute('data-kind', 'target');
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('phase-title')).toHaveAttribute('data-layer', '2');

  // Shift+→ presents the next pattern: the stepped pattern replaces the looked-at one, from its forward pass.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('step-heading')).toHaveText(`Pattern 1 of 4 (${firstEpochOrder()[0]}) · epoch 1, under way (0 completed)`);
  await expect(page.getByTestId('phase-count')).toHaveText('phase 1 of 8');
  expect(await sentCommands(page, 'stepPattern')).toEqual([{ type: 'stepPattern' }]);
  // A unit is selected from the keyboard too.
  await page.locator('[data-testid="unit"][data-layer="1"][data-unit="0"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('unit-numbers')).toContainText('hidden unit 1');
  await expect(page.getByTestId('scale-legend')).toContainText('activation');
});

test('the Display control’s slow motion sends pace and slows the run', async ({ page }) => {
  await openExample(page, 'XOR');
  await page.getByLabel('Max epochs').fill('1000000');
  await page.getByLabel('Max epochs').press('Enter');
  // Opening the example at full speed (openExample) may have sent a pace already: only what follows counts.
  const earlier = (await sentCommands(page, 'pace')).length;
  const paces = async () => (await sentCommands(page, 'pace')).slice(earlier);
  await page.getByLabel('Display').selectOption({ label: 'Slow: 5 epochs/s' });
  expect(await paces()).toEqual([{ type: 'pace', epochsPerSecond: 5 }]);
  const started = Date.now();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Training…');
  await expect.poll(async () => Number(await page.getByTestId('epoch').textContent()), { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
  const epoch = Number(await page.getByTestId('epoch').textContent());
  const seconds = (Date.now() - started) / 1000;
  // Five a second, give or take the first one: at full speed XOR runs thousands a second.
  expect(epoch).toBeLessThanOrEqual(5 * seconds + 2);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Paused');
  await page.getByLabel('Display').selectOption({ label: 'Every epoch' });
  expect(await paces()).toEqual([{ type: 'pace', epochsPerSecond: 5 }, { type: 'pace', epochsPerSecond: null }]);
});

test('a layer too wide for circles is drawn as a grid of cells, each a unit', async ({ page }) => {
  const wide = findExample('xor')!.build();
  wide.layers[1] = { ...wide.layers[1], units: 120 };
  await withoutFileAccess(page);
  await page.goto('/');
  await openThroughPicker(page, { name: 'wide.bplab', mimeType: 'application/json', buffer: Buffer.from(serializeModel(wide)) });
  await openStepThrough(page);
  await expect(page.locator('[data-testid="unit"][data-layer="1"]')).toHaveCount(120);
});

test('at 1366 px no unit’s number runs into another, and no connection crosses a number, in any phase', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  // XOR and the 8-3-8 as a class sees them; the semantic network's seven targets over sixteen hidden units.
  for (const example of ['XOR', '8-3-8 encoder', 'Semantic development (four items)']) {
    let labelled = 0;
    await openExample(page, example);
    await openStepThrough(page);
    await page.getByRole('button', { name: 'Step pattern', exact: true }).click();
    const next = page.getByRole('button', { name: 'Next phase →' });
    for (let phase = 1; ; phase++) {
      await expect(page.getByTestId('phase-count')).toContainText(`phase ${phase} of`);
      // In the diagram's own units: each number's and target's box as drawn, and each connection's ends.
      const drawn = await page.getByTestId('step-diagram').evaluate((svg) => {
        const texts = Array.from(svg.querySelectorAll<SVGTextElement>('text.number, text.target')).map((text) => {
          const box = text.getBBox();
          return { text: text.textContent ?? '', left: box.x, right: box.x + box.width, top: box.y, bottom: box.y + box.height };
        });
        const lines = Array.from(svg.querySelectorAll<SVGLineElement>('.projection:not(.faint) line')).map((line) => ({
          x1: line.x1.baseVal.value,
          y1: line.y1.baseVal.value,
          x2: line.x2.baseVal.value,
          y2: line.y2.baseVal.value,
          half: Number(line.getAttribute('stroke-width') ?? 1) / 2,
        }));
        const { width, height } = (svg as SVGSVGElement).viewBox.baseVal;
        return { texts, lines, width, height };
      });
      const where = `${example}, phase ${phase}`;
      labelled += drawn.texts.length;
      // Gathered, then compared once: a Playwright expect per pair would take longer than the test may.
      const problems: string[] = [];
      for (const box of drawn.texts) {
        if (box.left < 0 || box.top < 0 || box.right > drawn.width || box.bottom > drawn.height) problems.push(`“${box.text}” runs out of the diagram`);
      }
      drawn.texts.forEach((a, i) =>
        drawn.texts.slice(i + 1).forEach((b) => {
          const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          if (!apart) problems.push(`“${a.text}” and “${b.text}” overlap`);
        }),
      );
      // A line, with its stroke, touches a box if a point along it comes within half its width of the box.
      for (const line of drawn.lines) {
        const steps = Math.ceil(Math.hypot(line.x2 - line.x1, line.y2 - line.y1));
        for (const box of drawn.texts) {
          const crosses = Array.from({ length: steps + 1 }, (_, s) => s / steps).some((f) => {
            const x = line.x1 + f * (line.x2 - line.x1);
            const y = line.y1 + f * (line.y2 - line.y1);
            return x > box.left - line.half && x < box.right + line.half && y > box.top - line.half && y < box.bottom + line.half;
          });
          if (crosses) problems.push(`a line from (${line.x1}, ${line.y1}) to (${line.x2}, ${line.y2}) crosses “${box.text}”`);
        }
      }
      expect(problems, where).toEqual([]);
      if (await next.isDisabled()) break;
      await next.click();
    }
    expect(labelled, `${example}: numbers and targets were drawn`).toBeGreaterThan(0);
  }
});
