import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import { createDispatch, mergeHandlers } from '../../src/main/ipc/register';
import { mergeChannelGroups } from '../../src/shared/ipc/channels/define';
import { noArgs } from '../../src/shared/ipc/schemas';
import { testApp } from '../support/app';

let app: WatchbillApp;
beforeEach(() => (app = testApp()));
afterEach(() => app.close());

const historyCount = () =>
  app.repos.pipelines.list().reduce((n, p) => n + app.repos.pipelines.ownershipHistory(p.id).length, 0);

describe('the bridge refuses bad payloads and writes nothing', () => {
  const cases: [string, unknown, RegExp][] = [
    ['a missing field', { pipelineId: 1, primaryEngineerId: 1, reason: 'x' }, /secondaryEngineerId/],
    [
      'a field of the wrong type',
      { pipelineId: '1', primaryEngineerId: 1, secondaryEngineerId: 2, reason: 'x' },
      /pipelineId/,
    ],
    ['a negative id', { pipelineId: -3, primaryEngineerId: 1, secondaryEngineerId: 2, reason: 'x' }, /pipelineId/],
    [
      'an unexpected field',
      { pipelineId: 1, primaryEngineerId: 1, secondaryEngineerId: 2, reason: 'x', admin: true },
      /admin/,
    ],
    ['not an object', 'DROP TABLE engineers', /payload/],
    ['an array', [1, 2, 3], /payload/],
  ];
  it.each(cases)('%s', async (_what, payload, field) => {
    const before = historyCount();
    const result = await app.dispatch('ownership:set', payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(field);
    expect(historyCount()).toBe(before);
  });

  it('names an unknown channel', async () => {
    const result = await app.dispatch('engineers:drop', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: "There is no channel 'engineers:drop'." },
    });
  });

  it('answers a refusal of the service as an error, not a throw', async () => {
    const [a] = app.repos.engineers.list();
    const [pipeline] = app.repos.pipelines.list();
    const before = historyCount();
    const result = await app.dispatch('ownership:set', {
      pipelineId: pipeline!.id,
      primaryEngineerId: a!.id,
      secondaryEngineerId: a!.id,
      reason: 'one person',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/both Engineer A/) },
    });
    expect(historyCount()).toBe(before);
  });

  it("answers a write SQLite refuses in words, never with SQLite's own text", async () => {
    const calendar = app.repos.holidays.teamCalendar()!.calendar;
    const logged: unknown[] = [];
    // A handler that skips the service's own check, as a future one might.
    const dispatch = createDispatch(
      {
        ...app.handlers,
        'holidays:add-custom': (input) => {
          app.repos.holidays.insertCustom({ calendarId: calendar.id, ...input });
          app.repos.holidays.insertCustom({ calendarId: calendar.id, ...input });
          return app.repos.holidays.teamCalendar()!.custom[0]!;
        },
      },
      { log: (_message, error) => logged.push(error) },
    );
    const result = await dispatch('holidays:add-custom', { date: '2026-12-28', name: 'Team day', weight: 1 });
    expect(result).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'This was not saved: it would make two entries the same.' },
    });
    expect(logged).toHaveLength(1);
  });

  it('reports an unexpected failure as internal with the reason', async () => {
    app.close();
    const result = await app.dispatch('engineers:list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('handler table', () => {
  it('refuses a channel declared by two groups', () => {
    const spec = { args: noArgs, result: null };
    expect(() => mergeChannelGroups({ 'a:list': spec }, { 'a:list': spec })).toThrow(
      "The channel 'a:list' is declared twice.",
    );
  });

  it('refuses a channel served twice or not at all', () => {
    const list = app.handlers['engineers:list'];
    expect(() => mergeHandlers(app.handlers, { 'engineers:list': list })).toThrow(/two handlers/);
    expect(() => mergeHandlers({ 'engineers:list': list })).toThrow(/without a handler: .*today:get/);
  });
});
