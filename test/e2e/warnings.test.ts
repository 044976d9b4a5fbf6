import { describe, expect, test } from 'vitest';
import { eachTestOn, expectVisible, screenshot } from './support/browser';

// Thu 3 Dec 2026, 09:00 in New York: the example team on its first start, before the lead has
// done anything. The investor pipelines' drills fall due today; the rest can wait a little.
const app = eachTestOn({ now: '2026-12-03T14:00:00Z' });

describe('Warnings on Today', () => {
  test('come ranked: what needs action today first, each tier and kind with its count', async () => {
    const { page } = app;
    const panel = page.getByRole('region', { name: /^Warnings/ });
    await expectVisible(panel.getByRole('heading', { name: /^Needs action today/ }));
    const tiers = await panel
      .locator('.warning-tier')
      .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
    expect(tiers.map((label) => label?.replace(/: \d+$/, ''))).toEqual([
      'Needs action today',
      'In the next 7 days',
      'When there is time',
    ]);
    // The first thing the lead reads: today's drills, and nothing that can wait.
    const today = panel.locator('.warning-tier').first();
    expect(await today.getAttribute('aria-label')).toBe('Needs action today: 3');
    expect(await today.locator('.warning-group__title').allInnerTexts()).toEqual(['Drills due 3']);
    expect(await today.locator('.warning__message').allInnerTexts()).toEqual([
      'Aggregate Profit is due for a drill by Thu 3 Dec (it has never had one).',
      'Aggregate Growth is due for a drill by Thu 3 Dec (it has never had one).',
      'Aggregate Engagement is due for a drill by Thu 3 Dec (it has never had one).',
    ]);
    // The tiers' counts add up to the panel's, each warning shown once.
    const total = Number(await page.locator('#warnings-title .count').innerText());
    const counts = tiers.map((label) => Number(label?.split(': ')[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(await panel.locator('.warning__message').count()).toBe(total);
    await screenshot(page, 'today-warnings-ranked');
  });
});
