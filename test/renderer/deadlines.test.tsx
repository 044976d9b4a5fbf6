// @vitest-environment jsdom
// The SLA deadline list (SLAs screen, Today) on the real main-process answer.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { followMainClock } from '../../src/renderer/clock';
import { DeadlineList } from '../../src/renderer/features/slas/DeadlineList';
import { frozenAt, testApp } from '../support/app';
import { callOk } from '../main/export/support';

afterEach(cleanup);

test("today's deadlines that have passed say so; the one due this minute and tomorrow's do not", async () => {
  // Thu 3 Dec 2026, 12:00 in New York: Aggregate Profit was due at 09:00, Aggregate Growth at
  // 10:00, Daily Growth is due now at 12:00.
  const now = '2026-12-03T17:00:00.000Z';
  const app = testApp({ clock: frozenAt(new Date(now)) });
  const view = await callOk(app, 'slas:deadlines', {});
  app.close();
  followMainClock({ now, clock: 'frozen' });
  render(<DeadlineList view={view} emptyText="none" />);

  const rows = screen.getAllByTestId('deadline').map((li) => ({
    text: li.textContent ?? '',
    passed: li.classList.contains('deadline--passed'),
  }));
  const today = rows.slice(0, 3);
  expect(today.map((r) => r.text)).toEqual([
    expect.stringMatching(/^09:00 EST.*Aggregate Profit.*passed 3 hours ago$/),
    expect.stringMatching(/^10:00 EST.*Aggregate Growth.*passed 2 hours ago$/),
    expect.stringMatching(/^12:00 EST.*Daily Growth/),
  ]);
  expect(today.map((r) => r.passed)).toEqual([true, true, false]);
  expect(rows.slice(3).some((r) => r.passed || /passed/.test(r.text))).toBe(false);
  expect(rows.length).toBeGreaterThan(3);
});
