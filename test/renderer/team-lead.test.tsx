// @vitest-environment jsdom
// The team lead under "Who do I call now?", against the real main-process code on an
// in-memory database (window.api goes straight to its dispatcher).
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import type { Api } from '../../src/shared/ipc/contract';
import { WhoPanel } from '../../src/renderer/features/runbooks/WhoPanel';
import { queryClient } from '../../src/renderer/query/client';
import { testApp } from '../support/app';

let app: WatchbillApp;
let pipelineId: number;

beforeEach(async () => {
  app = testApp();
  window.api = new Proxy({} as Api, {
    get: (_api, channel: string) => (args: unknown) => app.dispatch(channel, args),
  });
  queryClient.clear();
  pipelineId = app.repos.pipelines.list().find((p) => p.name === 'Aggregate Profit')!.id;
});

afterEach(() => {
  cleanup();
  delete window.api;
  app.close();
});

const stored = async () => {
  const result = await app.dispatch('team-lead:get', {});
  return result.ok ? result.value : result.error;
};
const line = () => screen.getByTestId('team-lead');
/** The escalation path's team-lead level, as the panel shows it. */
const teamLeadLevel = () =>
  screen.getAllByRole('listitem').find((item) => item.querySelector('.who__role')?.textContent === 'Team lead')!
    .textContent;

async function openDialog(name: string) {
  const button = await screen.findByRole('button', { name });
  // Disabled until the lead is read.
  await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
  fireEvent.click(button);
  return within(screen.getByRole('dialog', { name: 'Team lead' }));
}

describe('Team lead', () => {
  test('a contact without a name is refused by the field, in the schema’s words; with one it is stored and called', async () => {
    render(<WhoPanel pipelineId={pipelineId} hasUnsavedPath={false} />);
    await waitFor(() => expect(line().textContent).toContain('not set'));
    await waitFor(() => expect(teamLeadLevel()).toContain('Data engineering lead'));

    const dialog = await openDialog('Set team lead…');
    fireEvent.change(dialog.getByRole('combobox', { name: 'Who is the team lead?' }), {
      target: { value: 'contact' },
    });
    const name = dialog.getByRole('textbox', { name: 'Name' });
    fireEvent.change(dialog.getByRole('textbox', { name: 'Contact' }), { target: { value: 'dana@example.com' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Save team lead' }));

    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby')!)!.textContent).toBe('Must not be empty.');
    expect(document.activeElement).toBe(name);
    expect(await stored()).toBeNull();

    // Typing a name takes the message away at once; blanks alone would not.
    fireEvent.change(name, { target: { value: '   ' } });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(name, { target: { value: ' Dana Lee ' } });
    expect(name.hasAttribute('aria-invalid')).toBe(false);
    fireEvent.click(dialog.getByRole('button', { name: 'Save team lead' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await stored()).toEqual({ kind: 'contact', name: 'Dana Lee', detail: 'dana@example.com' });
    expect(line().textContent).toContain('Dana Lee · dana@example.com');
    await waitFor(() => expect(teamLeadLevel()).toContain('Dana Lee'));
    expect(teamLeadLevel()).toContain('dana@example.com');
  });

  test('an engineer of the team can be the lead, and “Not set” clears it again', async () => {
    render(<WhoPanel pipelineId={pipelineId} hasUnsavedPath={false} />);
    const b = app.repos.engineers.list().find((e) => e.name === 'Engineer B')!;

    let dialog = await openDialog('Set team lead…');
    fireEvent.change(dialog.getByRole('combobox', { name: 'Who is the team lead?' }), {
      target: { value: String(b.id) },
    });
    expect(dialog.queryByRole('textbox', { name: 'Name' })).toBeNull();
    fireEvent.click(dialog.getByRole('button', { name: 'Save team lead' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await stored()).toEqual({ kind: 'engineer', engineerId: b.id });
    expect(line().textContent).toContain(`Engineer B · ${b.email}`);
    await waitFor(() => expect(teamLeadLevel()).toContain('Engineer B'));

    dialog = await openDialog('Change team lead…');
    fireEvent.change(dialog.getByRole('combobox', { name: 'Who is the team lead?' }), { target: { value: '' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Save team lead' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await stored()).toBeNull();
    expect(line().textContent).toContain('not set');
    await waitFor(() => expect(teamLeadLevel()).toContain('Data engineering lead'));
  });
});
