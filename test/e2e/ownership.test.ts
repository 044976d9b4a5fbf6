import { describe, expect, test } from 'vitest';
import { eachTestOn, expectVisible, screenshot } from './support/browser';
import { THANKSGIVING_SPLIT } from './support/instants';
import { engineerName, seed } from './support/seed';

// Owners do not depend on the day, so any frozen moment serves; this is the suite's usual one.
// Every test edits (or tries to edit) owners, so each gets its own copy of the example team.
const app = eachTestOn({ now: THANKSGIVING_SPLIT });

async function openOwnership() {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Ownership' }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Ownership' }));
  await expectVisible(page.getByTestId('ownership-row').first());
}

const rowOf = (name: string) =>
  app.page.getByTestId('ownership-row').filter({ has: app.page.getByRole('rowheader', { name, exact: true }) });
const cells = async (name: string) => (await rowOf(name).locator('td').allInnerTexts()).map((t) => t.trim());

describe('Ownership', () => {
  test('lists the five example pipelines by business area with their owners and reasons', async () => {
    const { page } = app;
    await openOwnership();
    const names = (await page.getByRole('rowheader').allInnerTexts()).map((t) => t.trim());
    expect(names.sort()).toEqual(
      ['Aggregate Engagement', 'Aggregate Growth', 'Aggregate Profit', 'Daily Growth', 'Unit-level Profit'].sort(),
    );
    for (const pipeline of seed.pipelines) {
      const [audience, primary, secondary, reason] = await cells(pipeline.name);
      expect(audience).toBe(pipeline.audience);
      expect(primary).toBe(engineerName(pipeline.primary));
      expect(secondary).toBe(engineerName(pipeline.secondary));
      expect(reason).toBe(pipeline.reason);
    }
    // Grouped: each area's heading row comes before its pipelines.
    const groups = (await page.locator('tr.group-row th').allInnerTexts()).map((t) => t.replace(/\d+$/, '').trim());
    expect(groups).toEqual(seed.areas);
    await screenshot(page, 'ownership', 'screenshot-ownership.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'ownership-dark');
  });

  test('an owner and a reason can be edited, and the change is kept after a reload', async () => {
    const { page } = app;
    await openOwnership();
    const pipeline = seed.pipelines.find((p) => p.name === 'Aggregate Profit')!;
    const newSecondary = engineerName('D');
    const newReason = 'Engineer D takes over the backup role while C leads the Growth migration.';
    await rowOf(pipeline.name)
      .getByRole('button', { name: `Edit owners of ${pipeline.name}` })
      .click();
    const secondary = page.getByLabel(`Secondary owner of ${pipeline.name}`);
    await secondary.selectOption({ label: newSecondary });
    await page.getByLabel(`Reason for the owners of ${pipeline.name}`).fill(newReason);
    await screenshot(page, 'ownership-editing');
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    await expectVisible(rowOf(pipeline.name).getByRole('button', { name: `Edit owners of ${pipeline.name}` }));
    expect((await cells(pipeline.name)).slice(1, 4)).toEqual([engineerName(pipeline.primary), newSecondary, newReason]);

    await page.reload();
    await openOwnership();
    expect((await cells(pipeline.name)).slice(1, 4)).toEqual([engineerName(pipeline.primary), newSecondary, newReason]);

    // The change is in the pipeline's history, next to the seeded owners.
    await rowOf(pipeline.name)
      .getByRole('button', { name: `History of ${pipeline.name}` })
      .click();
    const history = page.locator('.history');
    await expectVisible(history.getByText(newReason));
    expect(await history.innerText()).toContain(newSecondary);
    await screenshot(page, 'ownership-history');
  });

  test('the same engineer as primary and secondary is explained and cannot be saved', async () => {
    const { page } = app;
    await openOwnership();
    const pipeline = seed.pipelines.find((p) => p.name === 'Daily Growth')!;
    const before = await cells(pipeline.name);
    await rowOf(pipeline.name)
      .getByRole('button', { name: `Edit owners of ${pipeline.name}` })
      .click();
    const primaryName = engineerName(pipeline.primary);
    await page.getByLabel(`Secondary owner of ${pipeline.name}`).selectOption({ label: primaryName });

    const alert = page.getByRole('alert');
    await expectVisible(alert);
    expect(await alert.innerText()).toBe(
      `Primary and secondary owner are both ${primaryName}: the secondary owner must be someone else, so there is a backup.`,
    );
    const save = page.getByRole('button', { name: 'Save', exact: true });
    expect(await save.isDisabled()).toBe(true);
    // Ctrl+Enter is the keyboard's Save: it must not get round the rule either.
    await page.getByLabel(`Reason for the owners of ${pipeline.name}`).press('Control+Enter');
    await screenshot(page, 'ownership-same-person');

    // Choosing someone else clears the message and allows saving again; Cancel keeps the stored owners.
    await page
      .getByLabel(`Secondary owner of ${pipeline.name}`)
      .selectOption({ label: engineerName(pipeline.secondary) });
    await page.getByRole('alert').waitFor({ state: 'detached' });
    expect(await save.isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expectVisible(rowOf(pipeline.name).getByRole('button', { name: `Edit owners of ${pipeline.name}` }));
    expect(await cells(pipeline.name)).toEqual(before);

    await page.reload();
    await openOwnership();
    expect(await cells(pipeline.name)).toEqual(before);
  });

  test('the main process refuses the same pair too, and a refusal is shown in the row', async () => {
    const { page } = app;
    await openOwnership();
    // The rule is enforced by the main process as well, in the same words.
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/ownership:set', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ pipelineId: 1, primaryEngineerId: 1, secondaryEngineerId: 1, reason: 'x' }),
      });
      return (await response.json()) as { ok: boolean; error?: { code: string; message: string } };
    });
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('conflict');
    expect(answer.error?.message).toMatch(/^Primary and secondary owner are both /);

    // A refusal the form cannot foresee (here: the pipeline went away meanwhile) stays in the
    // row, with the edit still open, and nothing changes.
    const pipeline = seed.pipelines.find((p) => p.name === 'Aggregate Growth')!;
    const refusal = { ok: false, error: { code: 'not_found', message: 'There is no pipeline #3.' } };
    const isSave = (url: URL) => url.pathname === '/api/ownership:set';
    await page.route(isSave, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(refusal) }),
    );
    try {
      const before = await cells(pipeline.name);
      await rowOf(pipeline.name)
        .getByRole('button', { name: `Edit owners of ${pipeline.name}` })
        .click();
      await page.getByLabel(`Reason for the owners of ${pipeline.name}`).fill('A reason that will not be kept.');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      const alert = page.getByRole('alert');
      await expectVisible(alert);
      expect(await alert.innerText()).toBe('There is no pipeline #3.');
      await expectVisible(page.getByLabel(`Reason for the owners of ${pipeline.name}`));
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expectVisible(rowOf(pipeline.name).getByRole('button', { name: `Edit owners of ${pipeline.name}` }));
      expect(await cells(pipeline.name)).toEqual(before);
    } finally {
      await page.unroute(isSave);
    }
    expect(app.session.pageErrors).toEqual([]);
  });
});
