// The limits of the bridge (src/shared/ipc/limits.ts) and the refusals that used to reach
// the user as `internal` with SQLite's or the date library's text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import { testApp } from '../support/app';

let app: WatchbillApp;
beforeEach(() => (app = testApp()));
afterEach(() => app.close());

const refusal = async (channel: string, payload: unknown) => {
  const before = JSON.stringify(app.repos.backup.dump());
  const result = await app.dispatch(channel, payload);
  expect(JSON.stringify(app.repos.backup.dump())).toBe(before);
  if (result.ok) throw new Error(`${channel} accepted ${JSON.stringify(payload)}`);
  return result.error;
};

describe('ranges have a documented maximum span', () => {
  it.each([
    ['plan:propose', { from: '2026-01-01', to: '2036-01-01' }, 'to: must be at most two years after from'],
    [
      'swaps:suggest',
      { period: { kind: 'custom', from: '1900-01-01', to: '2100-01-01' } },
      'period.to: must be at most two years after from',
    ],
    [
      'schedule:apply',
      { operation: { op: 'plan', from: '2026-01-01', to: '2126-01-01' } },
      'operation.to: must be at most two years after from',
    ],
    [
      'schedule:get',
      { from: '2026-01-01T00:00:00Z', to: '2040-01-01T00:00:00Z' },
      'to: must be at most ten years after from',
    ],
    [
      'fairness:get',
      { period: { kind: 'custom', from: '2000-01-01', to: '2026-01-01' } },
      'period.to: must be at most ten years after from',
    ],
    ['holidays:list', { from: '1900-01-01', to: '2200-12-31' }, 'to: must be at most twenty years after from'],
    ['export:ics', { from: '2026-01-01', to: '2036-01-01' }, 'to: must be at most five years after from'],
  ])('%s refuses a range beyond its limit', async (channel, payload, message) => {
    expect(await refusal(channel, payload)).toEqual({ code: 'invalid_input', message: `${channel}: ${message}` });
  });

  it('accepts a range right at the limit', async () => {
    const result = await app.dispatch('holidays:list', { from: '2026-01-01', to: '2045-12-31' });
    expect(result.ok).toBe(true);
  });
});

describe('dates lie in the years 1900 to 2200', () => {
  it.each([
    ['today:get', { at: '9999-12-31T23:59:59Z' }, 'at'],
    ['today:get', { at: '0001-01-01T00:00:00Z' }, 'at'],
    ['holidays:list', { from: '1899-12-31', to: '1900-01-02' }, 'from'],
    ['holidays:add-custom', { date: '2201-01-01', name: 'Far', weight: 1 }, 'date'],
  ])('%s refuses %j', async (channel, payload, field) => {
    expect(await refusal(channel, payload)).toEqual({
      code: 'invalid_input',
      message: `${channel}: ${field}: must be in the years 1900 to 2200`,
    });
  });
});

describe('refusals in plain words', () => {
  it('refuses a custom holiday that is already there, naming it', async () => {
    const day = { date: '2026-12-28', name: 'Team day', weight: 1 };
    expect((await app.dispatch('holidays:add-custom', day)).ok).toBe(true);
    expect(await refusal('holidays:add-custom', day)).toEqual({
      code: 'conflict',
      message: 'Team day on Mon 28 Dec 2026 is already a custom holiday.',
    });
  });

  it('refuses to split a shift outside it', async () => {
    const error = await refusal('schedule:apply', {
      operation: {
        op: 'split',
        shiftIndex: 0,
        at: '2020-01-01T00:00:00Z',
        firstEngineerId: 1,
        secondEngineerId: 2,
        reason: '',
      },
    });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^The split moment .* is not inside that shift \(.* to .*\)\.$/);
  });

  it('refuses a rotation without members, whether saved or created: one rule', async () => {
    const [rotation] = app.repos.rotations.list();
    const { id, archivedAt: _archivedAt, position: _position, ...draft } = { ...rotation!, memberIds: [] };
    expect(await refusal('rotations:save', { id, ...draft })).toEqual({
      code: 'invalid_input',
      message: 'rotations:save: memberIds: needs at least one engineer',
    });
    expect(await refusal('rotations:create', draft)).toEqual({
      code: 'invalid_input',
      message: 'rotations:create: memberIds: needs at least one engineer',
    });
  });
});
