// @vitest-environment jsdom
// The Team screen's rotations with the example team, against the real main-process code: a
// layer's days and hours, the lead's order, archiving and bringing back, and the team's zone.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import type { Api } from '../../src/shared/ipc/contract';
import { TeamScreen } from '../../src/renderer/features/team/TeamScreen';
import { queryClient } from '../../src/renderer/query/client';
import { testApp } from '../support/app';

let app: WatchbillApp;

beforeEach(() => {
  app = testApp();
  window.api = new Proxy({} as Api, {
    get: (_api, channel: string) => (args: unknown) => app.dispatch(channel, args),
  });
  queryClient.clear();
});

afterEach(() => {
  cleanup();
  delete window.api;
  app.close();
});

const TEAM = 'Data engineering on-call';
const names = () => app.repos.rotations.list().map((r) => r.name);
const list = async () => within(await screen.findByRole('list', { name: 'Rotations' }));

describe('Team screen: rotations', () => {
  test('a weekend layer is made beside the team’s rotation; a layer without a day is refused by the days', async () => {
    render(<TeamScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'New rotation' }));
    const form = within(screen.getByRole('form', { name: 'Create a rotation' }));
    fireEvent.change(form.getByRole('textbox', { name: 'Name' }), { target: { value: 'Weekends' } });
    const a = app.repos.engineers.list()[0]!;
    fireEvent.change(form.getByRole('combobox', { name: 'Add an engineer' }), { target: { value: String(a.id) } });
    fireEvent.click(form.getByRole('button', { name: 'Add to rotation' }));
    fireEvent.click(form.getByRole('radio', { name: 'Only some days or hours (a layer)' }));
    for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) fireEvent.click(form.getByRole('checkbox', { name: day }));
    fireEvent.click(form.getByRole('button', { name: 'Create rotation' }));
    expect(form.getByText('Pick at least one day.')).toBeTruthy();
    expect(names()).toEqual([TEAM]);

    fireEvent.click(form.getByRole('checkbox', { name: 'Sat' }));
    fireEvent.click(form.getByRole('checkbox', { name: 'Sun' }));
    fireEvent.click(form.getByRole('checkbox', { name: 'All day on those days' }));
    fireEvent.click(form.getByRole('checkbox', { name: 'Members may be on call elsewhere at the same time' }));
    fireEvent.click(form.getByRole('button', { name: 'Create rotation' }));
    await screen.findByRole('form', { name: 'The rotation: Weekends' });
    expect(app.repos.rotations.list()[1]).toMatchObject({
      name: 'Weekends',
      memberIds: [a.id],
      coverage: { weekdays: [6, 0], hours: null },
      allowsDoubleDuty: true,
    });
    expect((await list()).getByText(/Sat, Sun, all day/)).toBeTruthy();
    await act(async () => {});
  });

  test('reorders, archives and brings back a rotation; an archived one is listed after those in use', async () => {
    const [a, b] = app.repos.engineers.list();
    await app.handlers['rotations:create']({
      name: 'Weekends',
      timeZone: 'America/New_York',
      startDate: '2026-11-07',
      shiftDays: 7,
      handoffTime: '09:00',
      memberIds: [a!.id, b!.id],
      coverage: { weekdays: [0, 6], hours: null },
      allowsDoubleDuty: false,
    });
    render(<TeamScreen />);
    fireEvent.click((await list()).getByRole('button', { name: 'Move Weekends up' }));
    await waitFor(() => expect(names()).toEqual(['Weekends', TEAM]));
    await screen.findByText('Weekends moved up.');

    fireEvent.click((await list()).getByRole('button', { name: 'Archive Weekends' }));
    await waitFor(() => expect(app.repos.rotations.get(app.repos.rotations.list()[0]!.id)!.archivedAt).not.toBeNull());
    await (await list()).findByRole('button', { name: 'Bring back Weekends' });
    const items = (await list()).getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toContain(TEAM);
    expect(items[1]).toMatch(/Weekends\s*archived/);
    // Archived: no place in the order to change.
    expect((await list()).queryByRole('button', { name: 'Move Weekends down' })).toBeNull();

    fireEvent.click((await list()).getByRole('button', { name: 'Bring back Weekends' }));
    await waitFor(() => expect(app.repos.rotations.list().every((r) => r.archivedAt === null)).toBe(true));
    await (await list()).findByRole('button', { name: 'Archive Weekends' });
  });

  test('the team’s time zone is saved; a zone that does not exist is refused and nothing changes', async () => {
    render(<TeamScreen />);
    const form = within(await screen.findByRole('form', { name: "The team's time zone" }));
    const field = form.getByRole('combobox', { name: 'Team time zone' }) as HTMLInputElement;
    await waitFor(() => expect(field.value).toBe('America/New_York'));
    fireEvent.change(field, { target: { value: 'Mars/Olympus' } });
    fireEvent.click(form.getByRole('button', { name: 'Save zone' }));
    await form.findByText('Pick a time zone from the list, such as America/New_York.');
    expect(await app.dispatch('team:time-zone', {})).toEqual({ ok: true, value: 'America/New_York' });
    fireEvent.change(field, { target: { value: 'Europe/Berlin' } });
    fireEvent.click(form.getByRole('button', { name: 'Save zone' }));
    await form.findByText(/Saved: drills, deadlines and imported dates use Europe\/Berlin/);
    expect(await app.dispatch('team:time-zone', {})).toEqual({ ok: true, value: 'Europe/Berlin' });
  });
});
