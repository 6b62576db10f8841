/**
 * Table-driven: every control that edits the document makes one undo step. Each is edited, undone (the
 * saved bytes equal the original's), and redone (the bytes equal the edited ones).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openExample, saveByDownload, setSetting, test, withoutFileAccess } from './app';

type Tab = 'Network' | 'Patterns' | 'Train';
type Model = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Control {
  name: string;
  tab: Tab;
  edit: (page: Page) => Promise<void>;
  /** What the edit changed, read from the saved document. */
  changed: (model: Model) => unknown;
}

const card = (page: Page, index: number) => page.getByTestId('layer-card').nth(index);
const choose = (label: string, value: string) => async (page: Page) => void (await page.getByLabel(label, { exact: true }).selectOption(value));
const setting = (label: string, value: string) => (page: Page) => setSetting(page, label, value);
async function commitText(page: Page, name: string, value: string, scope = page.locator('body')): Promise<void> {
  const field = scope.getByRole('textbox', { name, exact: true });
  await field.fill(value);
  await field.press('Enter');
}

const controls: Control[] = [
  { name: 'rule', tab: 'Train', edit: choose('Rule', 'feedback-alignment'), changed: (m) => m.training.rule },
  { name: 'loss', tab: 'Train', edit: choose('Loss', 'cross-entropy'), changed: (m) => m.training.loss },
  { name: 'learning rate', tab: 'Train', edit: setting('Learning rate λ', '0,25'), changed: (m) => m.training.learningRate },
  { name: 'momentum', tab: 'Train', edit: setting('Momentum α', '0.5'), changed: (m) => m.training.momentum },
  { name: 'weight decay', tab: 'Train', edit: setting('Weight decay κ', '0.001'), changed: (m) => m.training.weightDecay },
  { name: 'update', tab: 'Train', edit: choose('Update', 'batch'), changed: (m) => m.training.update },
  { name: 'pattern order', tab: 'Train', edit: choose('Pattern order', 'permuted'), changed: (m) => m.training.order },
  { name: 'initialization', tab: 'Train', edit: choose('Initialization', 'gaussian'), changed: (m) => m.training.init },
  { name: 'initial range', tab: 'Train', edit: setting('Range r', '2'), changed: (m) => m.training.init },
  { name: 'seed', tab: 'Train', edit: setting('Random seed', '7'), changed: (m) => m.training.seed },
  { name: 'snapshot schedule', tab: 'Train', edit: choose('Snapshots', 'every-100'), changed: (m) => m.training.snapshots },
  { name: 'new seed', tab: 'Train', edit: async (page) => page.getByRole('button', { name: 'New seed' }).click(), changed: (m) => m.training.seed },
  { name: 'max epochs', tab: 'Train', edit: setting('Max epochs', '100'), changed: (m) => m.training.maxEpochs },
  { name: 'error criterion', tab: 'Train', edit: setting('Error criterion', '0.1'), changed: (m) => m.training.errorCriterion },
  { name: 'margin', tab: 'Train', edit: setting('Margin', '0.3'), changed: (m) => m.training.margin },
  {
    name: 'stop when all correct',
    tab: 'Train',
    edit: async (page) => page.getByLabel('Stop once every pattern is correct').uncheck(),
    changed: (m) => m.training.stopWhenAllCorrect,
  },
  { name: 'model name', tab: 'Network', edit: (page) => commitText(page, 'Name', 'My XOR'), changed: (m) => m.name },
  {
    name: 'model description',
    tab: 'Network',
    edit: async (page) => {
      await page.getByRole('textbox', { name: 'Description' }).fill('Built in class.');
      await page.getByRole('textbox', { name: 'Description' }).blur();
    },
    changed: (m) => m.description,
  },
  { name: 'layer name', tab: 'Network', edit: (page) => commitText(page, 'Name of layer 1', 'middle'), changed: (m) => m.layers },
  { name: 'layer units', tab: 'Network', edit: (page) => commitText(page, 'Units', '3', card(page, 1)), changed: (m) => m.layers },
  {
    name: 'activation',
    tab: 'Network',
    edit: async (page) => void (await card(page, 1).locator('label.field select').selectOption('tanh')),
    changed: (m) => m.layers,
  },
  { name: 'bias', tab: 'Network', edit: async (page) => card(page, 1).getByLabel('Bias').uncheck(), changed: (m) => m.layers },
  { name: 'learns', tab: 'Network', edit: async (page) => card(page, 1).getByLabel('Learns').uncheck(), changed: (m) => m.layers },
  { name: 'unit names', tab: 'Network', edit: (page) => commitText(page, 'Unit names', 'a, b', card(page, 3)), changed: (m) => m.layers },
  {
    name: 'draw projection',
    tab: 'Network',
    edit: async (page) => {
      await card(page, 3).getByTestId('connect-to').selectOption({ label: 'output' });
      await card(page, 3).getByRole('button', { name: 'Connect', exact: true }).click();
    },
    changed: (m) => m.projections ?? null,
  },
  { name: 'add layer', tab: 'Network', edit: async (page) => page.getByRole('button', { name: 'Hidden layer' }).click(), changed: (m) => m.layers },
  { name: 'remove layer', tab: 'Network', edit: async (page) => page.getByRole('button', { name: 'Remove hidden', exact: true }).click(), changed: (m) => m.layers },
  {
    name: 'move layer',
    tab: 'Network',
    edit: async (page) => page.getByRole('button', { name: 'Move hidden 2 toward the input' }).click(),
    changed: (m) => m.layers,
  },
  { name: 'pattern value', tab: 'Patterns', edit: (page) => commitText(page, '01, input in 1', '0.5'), changed: (m) => m.patterns[1].input },
  { name: 'pattern name', tab: 'Patterns', edit: (page) => commitText(page, 'Name of pattern 1', 'zero'), changed: (m) => m.patterns[0].name },
  { name: 'add pattern', tab: 'Patterns', edit: async (page) => page.getByRole('button', { name: 'Add pattern' }).click(), changed: (m) => m.patterns.length },
  { name: 'duplicate pattern', tab: 'Patterns', edit: async (page) => page.getByRole('button', { name: 'Duplicate' }).click(), changed: (m) => m.patterns.length },
  { name: 'delete pattern', tab: 'Patterns', edit: async (page) => page.getByRole('button', { name: 'Delete' }).click(), changed: (m) => m.patterns.length },
];

// One test per tab, run in parallel: the table is the suite's longest test, and CI has two workers.
test.describe.configure({ mode: 'parallel' });

for (const tab of ['Train', 'Network', 'Patterns'] as const) {
  test(`every control of the ${tab} tab edits, undoes to the original bytes, and redoes`, async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    await withoutFileAccess(page);
    await openExample(page, 'XOR');
    // A second hidden layer, so that moving one is a valid edit too.
    await page.getByRole('tab', { name: 'Network' }).click();
    await page.getByRole('button', { name: 'Hidden layer' }).click();
    let saves = 0;
    const save = async () => {
      const path = testInfo.outputPath(`save-${saves++}.bplab`);
      await saveByDownload(page, path);
      return readFileSync(path, 'utf8');
    };
    const original = await save();
    const before = JSON.parse(original);

    for (const control of controls.filter((candidate) => candidate.tab === tab)) {
      await test.step(control.name, async () => {
        await page.getByRole('tab', { name: control.tab }).click();
        await control.edit(page);
        await expect(page.getByTestId('unsaved-marker')).toBeVisible();
        const edited = await save();
        expect(control.changed(JSON.parse(edited)), `${control.name} changes the document`).not.toEqual(control.changed(before));

        await page.getByRole('button', { name: 'Undo' }).click();
        expect(await save(), `${control.name} undone`).toBe(original);
        await page.getByRole('button', { name: 'Redo' }).click();
        expect(await save(), `${control.name} redone`).toBe(edited);
        // Back to the original for the next control (the last save was of the edit: this is unsaved again).
        await page.getByRole('button', { name: 'Undo' }).click();
        await expect(page.getByTestId('unsaved-marker')).toBeVisible();
      });
    }
  });
}
