import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectVisible, openWatchbill, screenshot, type Session } from './support/browser';
import { THANKSGIVING_SPLIT } from './support/instants';
import { engineerName, seed, seededOnCall } from './support/seed';

let session: Session;

beforeAll(async () => {
  session = await openWatchbill({ now: THANKSGIVING_SPLIT });
});

afterAll(async () => {
  await session?.close();
});

describe('Today', () => {
  test('shows who of the example team is on call now and next, and the next hand-off', async () => {
    const { page } = session;
    const before = seededOnCall(new Date());
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Today' }));

    const now = page.getByTestId('oncall-now');
    await expectVisible(now);
    const after = seededOnCall(new Date());
    const nowText = await now.innerText();
    // The server uses the real clock: whoever the seed's rotation puts on call right now.
    expect([before.primary, after.primary]).toContain(pickFrom(nowText, 'Primary'));
    expect([before.secondary, after.secondary]).toContain(pickFrom(nowText, 'Secondary'));
    // Times in the rotation's zone (New York), not the browser's (Berlin).
    expect(nowText).toMatch(/until \w{3} \d{1,2} \w{3}( \d{4})?, \d{2}:\d{2} E[SD]T/);

    const next = await page.getByTestId('oncall-next').innerText();
    const allNames = seed.engineers.map((e) => e.name);
    expect(allNames).toContain(pickFrom(next, 'Primary'));
    const handoff = await page.getByRole('group', { name: 'Next hand-off' }).innerText();
    expect(handoff).toMatch(/\d{2}:\d{2} E[SD]T/);
    expect(handoff).toMatch(/^in /m);

    await expectVisible(page.getByRole('heading', { name: /^Warnings/ }));
    await expectVisible(page.getByRole('heading', { name: 'Upcoming holidays' }));
    // Holidays in the next 60 days depend on today's date: a table of them or an explanation.
    const holidays = page.getByRole('region', { name: 'Upcoming holidays' });
    const holidayText = await holidays.innerText();
    expect(holidayText).toMatch(/Primary\s+Secondary|No holidays in the next 60 days/i);
    const subtitle = await page.locator('.screen-header__subtitle').innerText();
    expect(subtitle).toContain(seed.rotation.name);
    expect(subtitle).toContain(seed.rotation.timeZone);

    await screenshot(page, 'today', 'screenshot-today.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'today-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(session.pageErrors).toEqual([]);
  });

  test('a warning is a button that opens the screen where it is fixed', async () => {
    const { page } = session;
    // Give a pipeline no secondary owner, through the app's own API, then look at Today again.
    const unitProfit = seed.pipelines[0]!;
    const result = await page.evaluate(async (name) => {
      const post = async (channel: string, body: unknown) =>
        (await fetch(`/api/${channel}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }).then((r) => r.json())) as { ok: boolean; value?: unknown };
      const rows = (await post('pipelines:list', {})) as {
        value: { pipeline: { id: number; name: string }; ownership: { primaryEngineerId: number; reason: string } }[];
      };
      const row = rows.value.find((r) => r.pipeline.name === name)!;
      return post('ownership:set', {
        pipelineId: row.pipeline.id,
        primaryEngineerId: row.ownership.primaryEngineerId,
        secondaryEngineerId: null,
        reason: row.ownership.reason,
      });
    }, unitProfit.name);
    expect(result.ok).toBe(true);

    await page.getByRole('button', { name: 'Refresh' }).click();
    const warning = page.getByRole('button', {
      name: new RegExp(`^${escape(unitProfit.name)} has no secondary owner\\.`),
    });
    await expectVisible(warning);
    await warning.click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Ownership' }));
    const focused = page.locator('tr.row--focused');
    await expectVisible(focused);
    expect(await focused.locator('th').innerText()).toBe(unitProfit.name);
    expect(await focused.innerText()).toContain(engineerName(unitProfit.primary));
  });

  test('every screen in the sidebar opens with its title, without errors in the page', async () => {
    const { page } = session;
    for (const label of ['Calendar', 'Team', 'Fairness', 'Ownership', 'Runbooks', 'Drills', 'SLAs & risks', 'Export']) {
      await page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: new RegExp(`^${escape(label)}`) })
        .click();
      await expectVisible(page.getByRole('heading', { level: 1, name: label }));
    }
    expect(session.pageErrors).toEqual([]);
    await page.getByRole('button', { name: /^Today/ }).click();
    await expectVisible(page.getByTestId('oncall-now'));
  });
});

/** The engineer named after a role label in a card's text ('Primary\nEngineer C\n…'). */
function pickFrom(text: string, role: string): string | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const index = lines.indexOf(role);
  return index >= 0 ? (lines[index + 1] ?? null) : null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
