// @vitest-environment jsdom
// The Team screen against the real main-process code on an empty in-memory database.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import type { Api } from '../../src/shared/ipc/contract';
import { TeamScreen } from '../../src/renderer/features/team/TeamScreen';
import { queryClient } from '../../src/renderer/query/client';
import { testApp } from '../support/app';

let app: WatchbillApp;

beforeEach(() => {
  app = testApp({ empty: true });
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

const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' ');

async function addEngineer(name: string) {
  fireEvent.click(screen.getByRole('button', { name: 'Add engineer' }));
  const dialog = within(await screen.findByRole('dialog', { name: 'Add an engineer' }));
  fireEvent.change(dialog.getByRole('textbox', { name: 'Name' }), { target: { value: name } });
  fireEvent.click(dialog.getByRole('button', { name: 'Add engineer' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

describe('Team screen', () => {
  test('adds an engineer, refusing a blank name or a bad email by the field, and lets them leave without losing them', async () => {
    render(<TeamScreen />);
    await screen.findByText('No engineers yet');

    fireEvent.click(screen.getByRole('button', { name: 'Add engineer' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Add an engineer' }));
    const name = dialog.getByRole('textbox', { name: 'Name' });
    const email = dialog.getByRole('textbox', { name: 'Email' });
    fireEvent.change(email, { target: { value: 'not an address' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Add engineer' }));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(name)).toBe('Enter a name.');
    expect(describedBy(email)).toContain('Enter an email address such as ada@example.com, or leave it empty.');
    expect(document.activeElement).toBe(name);
    expect(app.repos.engineers.list()).toEqual([]);

    fireEvent.change(name, { target: { value: 'Ada Lovelace' } });
    fireEvent.change(email, { target: { value: 'ada@example.com' } });
    fireEvent.change(dialog.getByLabelText('Colour'), { target: { value: '#777777' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Add engineer' }));
    expect(describedBy(dialog.getByLabelText('Colour'))).toContain('Names are hard to read on this colour');
    expect(app.repos.engineers.list()).toEqual([]);

    fireEvent.change(dialog.getByLabelText('Colour'), { target: { value: '#1d4ed8' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Add engineer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const row = screen.getByRole('row', { name: /Ada Lovelace/ });
    expect(row.textContent).toContain('ada@example.com');
    expect(row.textContent).toContain('On the team');

    // The same name twice is refused by the main process, and said by the name.
    fireEvent.click(screen.getByRole('button', { name: 'Add engineer' }));
    const again = within(await screen.findByRole('dialog', { name: 'Add an engineer' }));
    fireEvent.change(again.getByRole('textbox', { name: 'Name' }), { target: { value: 'ada lovelace' } });
    fireEvent.click(again.getByRole('button', { name: 'Add engineer' }));
    await waitFor(() =>
      expect(describedBy(again.getByRole('textbox', { name: 'Name' }))).toBe(
        'There is already an engineer called Ada Lovelace.',
      ),
    );
    fireEvent.click(again.getByRole('button', { name: 'Cancel' }));

    fireEvent.click(screen.getByRole('button', { name: 'Edit Ada Lovelace' }));
    const edit = within(await screen.findByRole('dialog', { name: 'Edit Ada Lovelace' }));
    fireEvent.click(edit.getByRole('checkbox', { name: 'Still on the team' }));
    fireEvent.click(edit.getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(screen.getByRole('row', { name: /Ada Lovelace/ }).textContent).toContain('Left the team'),
    );
    expect(app.repos.engineers.list()).toMatchObject([{ name: 'Ada Lovelace', active: false }]);
  });

  test('records time away, refusing a last day before the first, and removes it', async () => {
    render(<TeamScreen />);
    await screen.findByText('No engineers yet');
    await addEngineer('Bo');

    fireEvent.click(screen.getByRole('button', { name: 'Add time away for Bo' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Time away for Bo' }));
    fireEvent.change(dialog.getByLabelText('First day away'), { target: { value: '2026-12-21' } });
    fireEvent.change(dialog.getByLabelText('Last day away'), { target: { value: '2026-12-18' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Add time away' }));
    expect(describedBy(dialog.getByLabelText('Last day away'))).toContain('Must not be before the first day.');
    expect(app.repos.engineers.listUnavailability()).toEqual([]);

    fireEvent.change(dialog.getByLabelText('Last day away'), { target: { value: '2026-12-24' } });
    fireEvent.change(dialog.getByRole('textbox', { name: 'Reason' }), { target: { value: 'Holiday' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Add time away' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(app.repos.engineers.listUnavailability()).toMatchObject([
      { startDate: '2026-12-21', endDate: '2026-12-24', reason: 'Holiday' },
    ]);
    const away = within(screen.getByRole('region', { name: 'Time away' }));
    expect(away.getByRole('row', { name: /Bo/ }).textContent).toContain('Holiday');

    fireEvent.click(away.getByRole('button', { name: /Remove Bo's time away/ }));
    await waitFor(() => expect(away.queryByRole('row', { name: /Bo/ })).toBeNull());
    expect(app.repos.engineers.listUnavailability()).toEqual([]);
  });

  test('creates the rotation in the order chosen with the buttons, then edits it', async () => {
    for (const [name, color] of [
      ['Ada', '#1d4ed8'],
      ['Bo', '#b45309'],
      ['Cy', '#047857'],
    ] as const)
      app.repos.engineers.insert({ name, email: null, color, active: true, timeZone: 'Europe/Berlin' });
    render(<TeamScreen />);
    const form = within(await screen.findByRole('form', { name: 'Create the rotation' }));
    expect(form.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Ada'),
      expect.stringContaining('Bo'),
      expect.stringContaining('Cy'),
    ]);
    expect((form.getByRole('button', { name: 'Move Ada up' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(form.getByRole('button', { name: 'Move Ada down' }));
    fireEvent.click(form.getByRole('button', { name: 'Remove Cy from the rotation' }));
    fireEvent.change(form.getByLabelText('Days per shift'), { target: { value: '0' } });
    fireEvent.click(form.getByRole('button', { name: 'Create rotation' }));
    expect(describedBy(form.getByLabelText('Days per shift'))).toContain('Must be at least 1 day.');
    expect(app.repos.rotations.list()).toEqual([]);

    fireEvent.change(form.getByLabelText('Days per shift'), { target: { value: '14' } });
    fireEvent.change(form.getByLabelText('First shift starts'), { target: { value: '2026-11-02' } });
    fireEvent.click(form.getByRole('button', { name: 'Create rotation' }));
    await screen.findByRole('form', { name: /^The rotation/ });
    const id = (name: string) => app.repos.engineers.findByName(name)!.id;
    expect(app.repos.rotations.list()).toMatchObject([
      { startDate: '2026-11-02', shiftDays: 14, memberIds: [id('Bo'), id('Ada')], timeZone: 'Europe/Berlin' },
    ]);

    const edit = within(screen.getByRole('form', { name: /^The rotation/ }));
    fireEvent.change(edit.getByRole('combobox', { name: 'Add an engineer' }), { target: { value: String(id('Cy')) } });
    fireEvent.click(edit.getByRole('button', { name: 'Add to rotation' }));
    fireEvent.click(edit.getByRole('button', { name: 'Move Cy up' }));
    fireEvent.click(edit.getByRole('button', { name: 'Save rotation' }));
    await waitFor(() => expect(app.repos.rotations.list()[0]!.memberIds).toEqual([id('Bo'), id('Cy'), id('Ada')]));
    await act(async () => {});
  });
});
