// @vitest-environment jsdom
// The query layer against the real main-process code: a save refreshes exactly what the
// staleness table says, and what is shown stays visible while it is read again.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import type { Api, Channel } from '../../src/shared/ipc/contract';
import { queryClient, useChannel } from '../../src/renderer/query/client';
import { onStale, save } from '../../src/renderer/query/save';
import { testApp } from '../support/app';

let app: WatchbillApp;
let asked: Channel[];

beforeEach(() => {
  app = testApp();
  asked = [];
  queryClient.clear();
  window.api = new Proxy({} as Api, {
    get: (_api, channel: string) => (args: unknown) => {
      asked.push(channel as Channel);
      return app.dispatch(channel, args);
    },
  });
});

afterEach(() => {
  cleanup();
  delete window.api;
  app.close();
});

function Screens() {
  const matrix = useChannel('ownership:matrix', {});
  const pipelines = useChannel('pipelines:list', {});
  const drills = useChannel('drills:list', {});
  return (
    <ul>
      <li data-testid="matrix">{matrix.data ? `${matrix.data.rows.length} rows` : matrix.status}</li>
      <li data-testid="pipelines">{pipelines.data?.map((r) => r.pipeline.name).join(', ') ?? pipelines.status}</li>
      <li data-testid="drills">{drills.data ? `${drills.data.drills.length} drills` : drills.status}</li>
    </ul>
  );
}

describe('saving through the query layer', () => {
  test('saving a pipeline refreshes the ownership matrix and the pipelines list, not the drills', async () => {
    render(<Screens />);
    await waitFor(() => expect(screen.getByTestId('drills').textContent).toMatch(/drills$/));
    await waitFor(() => expect(screen.getByTestId('matrix').textContent).toMatch(/rows$/));
    const rowsBefore = screen.getByTestId('matrix').textContent;
    const row = app.repos.pipelines.list()[0]!;
    asked = [];

    const result = await save('pipelines:save', {
      id: row.id,
      name: 'Renamed Pipeline',
      areaId: row.areaId,
      audience: row.audience,
    });

    expect(result.ok).toBe(true);
    await waitFor(() => expect(screen.getByTestId('pipelines').textContent).toContain('Renamed Pipeline'));
    expect(screen.getByTestId('matrix').textContent).toBe(rowsBefore);
    expect(asked).toContain('ownership:matrix');
    expect(asked).toContain('pipelines:list');
    expect(asked).not.toContain('drills:list');
  });

  test('a refused save refreshes nothing and answers the refusal in words', async () => {
    render(<Screens />);
    await waitFor(() => expect(screen.getByTestId('pipelines').textContent).not.toBe('loading'));
    asked = [];
    const result = await save('risks:delete', { riskId: 987654 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/\S/);
    expect(asked).toEqual(['risks:delete']);
  });

  test('a slice keeping its own copy is told which of its channels went stale', async () => {
    const told: string[][] = [];
    const stop = onStale(['schedule:window', 'rotations:list', 'drills:list'], (stale) =>
      told.push([...stale].filter((c) => ['schedule:window', 'rotations:list', 'drills:list'].includes(c)).sort()),
    );
    const away = await save('unavailability:add', {
      engineerId: app.repos.engineers.list()[0]!.id,
      startDate: '2026-12-07',
      endDate: '2026-12-08',
      reason: 'Dentist',
    });
    stop();
    expect(away.ok).toBe(true);
    expect(told).toEqual([['schedule:window']]);
  });
});
