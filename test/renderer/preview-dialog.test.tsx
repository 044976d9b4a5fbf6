// @vitest-environment jsdom
// The confirmation of a cover or a swap against the real main process (an in-memory database
// with the example team): Confirm saves once however often it is pressed, and says "Saving…"
// only when the save is slow.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Api } from '../../src/shared/ipc/contract';
import type { ScheduleOperation } from '../../src/shared/ipc/schemas';
import type { WatchbillApp } from '../../src/main/app';
import { testApp } from '../support/app';
import { NOVEMBER } from '../support/calendar-range';

let app: WatchbillApp;
let calls: string[];
let release: () => void;

beforeEach(async () => {
  app = testApp();
  calls = [];
  // Every save is held until the test lets it through, as a slow disk would.
  const saved = new Promise<void>((done) => (release = done));
  window.api = new Proxy({} as Api, {
    get: (_target, channel: string) => async (args: unknown) => {
      calls.push(channel);
      const answer = await app.dispatch(channel, args);
      if (channel === 'schedule:apply') await saved;
      return answer;
    },
  });
  vi.resetModules();
});

afterEach(() => {
  cleanup();
  delete window.api;
  app.close();
});

test('Confirm saves once however often it is pressed, and says "Saving…" while a slow save lasts', async () => {
  const { useStore } = await import('../../src/renderer/store');
  const { PreviewDialog } = await import('../../src/renderer/features/calendar/SwapDialog');
  await useStore.getState().loadCalendarRotation();
  await useStore.getState().loadSchedule(NOVEMBER);
  const engineers = app.repos.engineers.list();
  const d = engineers.find((e) => e.name.endsWith('D'))!;
  const cover: ScheduleOperation = {
    op: 'cover-days',
    dates: ['2026-11-18'],
    role: 'primary',
    engineerId: d.id,
    kind: 'cover',
    reason: 'dentist',
  };
  const closed: boolean[] = [];
  render(
    <PreviewDialog
      title="Engineer D covers"
      operation={cover}
      engineers={new Map(engineers.map((e) => [e.id, e]))}
      timeZone="America/New_York"
      onClose={(saved) => closed.push(saved)}
    />,
  );
  const confirm = await screen.findByRole('button', { name: 'Confirm' });
  await waitFor(() => expect(confirm.hasAttribute('disabled')).toBe(false));

  fireEvent.click(confirm);
  fireEvent.click(confirm);
  // Nothing on screen changes at once: a quick save shows the edit saved as the next thing drawn.
  expect(screen.getByRole('button', { name: 'Confirm' })).toBe(confirm);
  // The save is slow: the button says so, and it was asked for once.
  await screen.findByRole('button', { name: 'Saving…' });
  expect(calls.filter((c) => c === 'schedule:apply')).toHaveLength(1);
  expect(closed).toEqual([]);

  await act(async () => release());
  await waitFor(() => expect(closed).toEqual([true]));
  expect(useStore.getState().calendarMessage?.text).toBe(`Saved: ${d.name} covers.`);
  expect(app.repos.rotations.overrides(1).filter((o) => o.reason === 'dentist')).toHaveLength(1);
});
