// The staleness table: every channel is tagged, and every change makes something a screen reads stale.
import { describe, expect, test } from 'vitest';
import { CHANNEL_NAMES } from '../../src/shared/ipc/contract';
import { channelUse, staleAfter } from '../../src/renderer/query/staleness';

const changing = CHANNEL_NAMES.filter((name) => 'writes' in channelUse[name]);

describe('the staleness table', () => {
  test('tags every channel of the contract, and nothing else', () => {
    expect(Object.keys(channelUse).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  test('every changing channel makes at least one read stale', () => {
    expect(changing.length).toBeGreaterThan(40);
    const forgotten = changing.filter((name) => staleAfter(name).length === 0);
    expect(forgotten).toEqual([]);
  });

  test('a change never lists another change as stale, and a read makes nothing stale', () => {
    for (const name of changing) {
      expect(staleAfter(name).filter((stale) => 'writes' in channelUse[stale])).toEqual([]);
    }
    expect(staleAfter('ownership:matrix')).toEqual([]);
  });

  test('saving a pipeline stales the matrix and the pipelines list, not the drills', () => {
    const stale = staleAfter('pipelines:save');
    expect(stale).toEqual(expect.arrayContaining(['ownership:matrix', 'pipelines:list', 'areas:list', 'today:get']));
    expect(stale).not.toContain('drills:list');
    expect(stale).not.toContain('schedule:window');
  });

  test('time away moves the schedule: the calendar window, Today and fairness are stale, not the runbooks', () => {
    const stale = staleAfter('unavailability:add');
    expect(stale).toEqual(
      expect.arrayContaining(['schedule:window', 'today:get', 'fairness:get', 'unavailability:list']),
    );
    expect(stale).not.toContain('runbooks:get');
  });
});
