import { describe, expect, test } from 'vitest';
import { eachTestOn, expectVisible, screenshot } from './support/browser';
import { THANKSGIVING_SPLIT } from './support/instants';

// With no rotation nothing on these screens depends on the day; the moment is frozen all the same,
// so no screen reads the wall clock.
const app = eachTestOn({ now: THANKSGIVING_SPLIT, empty: true });

describe('An empty database (serve --empty)', () => {
  test('Today and Ownership say what is missing and what to do', async () => {
    const { page } = app;
    await expectVisible(page.getByText('No on-call rotation yet'));
    expect(await page.locator('.empty').first().innerText()).toMatch(/without --empty/);
    await expectVisible(page.getByRole('heading', { name: /^Warnings/ }));
    await screenshot(page, 'today-empty');
    // The way out: the Team screen, where engineers and the rotation are set up.
    await page.getByRole('button', { name: 'Open Team' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Team' }));

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Ownership' }).click();
    await expectVisible(page.getByText('No pipelines yet'));
    expect(await page.getByTestId('ownership-row').count()).toBe(0);
    await screenshot(page, 'ownership-empty');
    expect(app.session.pageErrors).toEqual([]);
  });
});
