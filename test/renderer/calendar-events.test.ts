import { describe, expect, test } from 'vitest';
import { contrastRatio, readableTextOn } from '../../src/shared/domain/colors';
import {
  currentSegment,
  drillEvents,
  resizableOverride,
  segmentEvents,
  uncutSegment,
  warningsByDate,
} from '../../src/renderer/features/calendar/events';
import { computeSegments } from '../../src/shared/domain/rotation';
import type { ScheduleView } from '../../src/shared/views';
import { fromWall, toWall } from '../../src/renderer/features/calendar/wallclock';
import type { Engineer, ModelWarning, Override, Segment } from '../../src/shared/model';
import { seedRotation } from '../shared/fixtures';

const zone = 'America/New_York';
const engineers = new Map<number, Engineer>([
  [1, { id: 1, name: 'A', email: null, color: '#2563eb', active: true, timeZone: zone }],
  [2, { id: 2, name: 'B', email: null, color: '#fde047', active: true, timeZone: zone }],
]);

describe('calendar events', () => {
  test('the drills layer: a drill at its local time for an hour, a due drill on its day', () => {
    const view = {
      drills: {
        drills: [
          {
            id: 4,
            pipelineName: 'Aggregate Profit',
            scenarioTitle: 'Job failures',
            scheduledAt: '2026-11-24T15:00:00.000Z',
            status: 'planned',
          },
        ],
        due: [{ pipelineId: 2, pipelineName: 'Aggregate Growth', state: 'overdue', date: '2026-11-21' }],
      },
    } as unknown as ScheduleView;
    expect(drillEvents(view, zone)).toEqual([
      expect.objectContaining({
        title: 'Drill: Aggregate Profit — Job failures',
        start: '2026-11-24T10:00:00',
        end: '2026-11-24T11:00:00',
        editable: false,
      }),
      expect.objectContaining({
        title: 'Drill overdue: Aggregate Growth',
        start: '2026-11-21',
        allDay: true,
        classNames: ['cal-drill', 'cal-drill--overdue'],
      }),
    ]);
  });

  test('a segment is titled with primary and backup, coloured by the primary with readable text', () => {
    const segment: Segment = {
      startsAt: '2026-11-26T14:00:00.000Z',
      endsAt: '2026-12-03T14:00:00.000Z',
      primaryId: 2,
      secondaryId: 1,
      shiftIndex: 47,
      overrideIds: [],
    };
    const [event] = segmentEvents([segment], [], engineers, zone);
    expect(event).toMatchObject({
      title: 'B · backup A',
      start: '2026-11-26T09:00:00',
      end: '2026-12-03T09:00:00',
      backgroundColor: '#fde047',
      textColor: '#111827',
      allDay: false,
      durationEditable: false,
    });
    expect(contrastRatio(event!.backgroundColor!, event!.textColor!)).toBeGreaterThanOrEqual(4.5);
    expect(readableTextOn('#2563eb')).toBe('#ffffff');
  });

  test('a cover of whole days is an all-day event that can be resized, marked with its kind', () => {
    const cover: Override = {
      id: 9,
      rotationId: 1,
      startsAt: '2026-11-26T05:00:00.000Z',
      endsAt: '2026-11-28T05:00:00.000Z',
      role: 'primary',
      engineerId: 1,
      kind: 'holiday_cover',
      reason: 'Thanksgiving',
      twinId: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const segment: Segment = { ...cover, primaryId: 1, secondaryId: 2, shiftIndex: 47, overrideIds: [9] };
    const [event] = segmentEvents([segment], [cover], engineers, zone);
    expect(event).toMatchObject({ allDay: true, start: '2026-11-26', end: '2026-11-28', durationEditable: true });
    expect(event!.extendedProps).toMatchObject({ kinds: ['holiday_cover'] });
    // A resize reshapes the cover that made the primary; the backup's own cover would not do.
    expect(resizableOverride(segment, [cover])?.id).toBe(9);
    expect(resizableOverride({ ...segment, primaryId: 2 }, [cover])).toBeNull();
  });

  test('the segment behind a drawn event is looked up by its times, with the saved override ids', () => {
    const drawn: Segment = {
      startsAt: '2026-11-26T05:00:00.000Z',
      endsAt: '2026-11-28T05:00:00.000Z',
      primaryId: 1,
      secondaryId: 2,
      shiftIndex: 47,
      overrideIds: [1001],
    };
    const saved = { ...drawn, overrideIds: [9] };
    const other = { ...drawn, startsAt: '2026-11-28T05:00:00.000Z', endsAt: '2026-12-03T14:00:00.000Z' };
    expect(currentSegment(drawn, [other, saved])).toBe(saved);
    expect(currentSegment(drawn, [other])).toBe(drawn);
  });

  test('Shift details of a week the month cuts tell when it really starts and ends', () => {
    // The seeds' rotation, weekly from Thu 1 Jan 2026, hand-off 09:00 in New York. December
    // 2026's grid runs from Mon 30 Nov to Mon 11 Jan, cutting the weeks of Thu 26 Nov and Thu 7 Jan.
    const grid = computeSegments(seedRotation, [], '2026-11-30T05:00:00.000Z', '2027-01-11T05:00:00.000Z');
    const around = computeSegments(seedRotation, [], '2026-09-01T04:00:00.000Z', '2027-04-01T04:00:00.000Z');
    const [first, last] = [grid[0]!, grid[grid.length - 1]!];
    expect(first.startsAt).toBe('2026-11-30T05:00:00.000Z');
    expect(uncutSegment(first, around)).toMatchObject({
      startsAt: '2026-11-26T14:00:00.000Z',
      endsAt: '2026-12-03T14:00:00.000Z',
    });
    expect(uncutSegment(last, around)).toMatchObject({
      startsAt: '2027-01-07T14:00:00.000Z',
      endsAt: '2027-01-14T14:00:00.000Z',
    });
    // A week inside the grid is whole already; with nothing loaded around, the piece is all there is.
    expect(uncutSegment(grid[1]!, around)).toEqual(grid[1]);
    expect(uncutSegment(first, [])).toBe(first);
  });

  test('the wall clock round-trips across a DST change', () => {
    const instant = '2027-03-14T06:30:00.000Z';
    const wall = toWall(instant, zone);
    expect(fromWall(new Date(`${wall}Z`), zone)).toBe(instant);
  });

  test('warnings are placed on every local date they cover', () => {
    const warning: ModelWarning = {
      kind: 'same_primary_secondary',
      message: 'x',
      link: { screen: 'calendar' },
      engineerIds: [1],
      from: '2027-02-17T05:00:00.000Z',
      to: '2027-02-19T05:00:00.000Z',
    };
    expect([...warningsByDate([warning], zone).keys()]).toEqual(['2027-02-17', '2027-02-18']);
  });
});
