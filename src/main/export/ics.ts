// Calendar files (RFC 5545) for Google Calendar, Outlook and Apple Calendar, written by
// ical-generator (folding at 75 octets without splitting a character, escaping, CRLF).
// Timed events are in UTC, holidays are all-day DATE values with an exclusive end, and
// every UID is derived from what the event is and carries the database's random id, so
// importing an updated export updates the events in place instead of adding copies, and two
// teams' files imported into one calendar never replace each other's events.
import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency, type ICalEventData } from 'ical-generator';
import type { IcsContent } from '../../shared/ipc/share-schemas';
import { describeParticipants } from '../../shared/domain/drills';
import { addDays, zonedMs } from '../../shared/domain/time';
import type { Engineer, Holiday, Id, Override, Role, Rotation, Segment } from '../../shared/model';
import type { DrillSummary } from '../db/repositories/drills';

export interface IcsInput {
  calendarName: string;
  /** The random id made once per database: the right-hand side of every UID. */
  databaseId: string;
  appVersion: string;
  /** DTSTAMP of every event: when the file was made. */
  stamp: Date;
  include: readonly IcsContent[];
  /** The rotations whose shifts the file holds, in the lead's order: one, several or all. */
  rotations: readonly RotationShifts[];
  /** The exported range: shifts overlapping it are written whole. */
  range: { from: string; to: string };
  engineers: readonly Engineer[];
  /** Only this engineer's shifts and drills. */
  engineerId?: Id | undefined;
  holidays: readonly Holiday[];
  drills: readonly DrillSummary[];
  pipelineNames: ReadonlyMap<Id, string>;
}

/** One rotation's part of a calendar file. */
export interface RotationShifts {
  rotation: Rotation;
  /** The computed schedule over whole shifts around the range (see roleStretches). */
  segments: readonly Segment[];
  overrides: readonly Override[];
}

/** A stretch of time during which one engineer holds one role without interruption. */
export interface RoleStretch {
  role: Role;
  engineerId: Id;
  startsAt: string;
  endsAt: string;
  overrideIds: Id[];
}

const ROLE_LABEL: Record<Role, string> = { primary: 'Primary', secondary: 'Secondary (backup)' };
const UID_DOMAIN = 'watchbill.invalid';
/** A drill without a recorded end shows as an hour in the calendar. */
const DRILL_DEFAULT_MS = 60 * 60_000;

/** Joins touching segments where the same engineer holds `role`: one calendar event per stretch. */
export function roleStretches(segments: readonly Segment[], role: Role): RoleStretch[] {
  const stretches: RoleStretch[] = [];
  for (const segment of segments) {
    const holder = role === 'primary' ? segment.primaryId : segment.secondaryId;
    if (holder === null) continue;
    const last = stretches[stretches.length - 1];
    if (last && last.engineerId === holder && last.endsAt === segment.startsAt) {
      last.endsAt = segment.endsAt;
      for (const id of segment.overrideIds) if (!last.overrideIds.includes(id)) last.overrideIds.push(id);
    } else {
      stretches.push({
        role,
        engineerId: holder,
        startsAt: segment.startsAt,
        endsAt: segment.endsAt,
        overrideIds: [...segment.overrideIds],
      });
    }
  }
  return stretches;
}

const compactUtc = (instant: string) =>
  new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** 'shift-…@3f9c…e1.watchbill.invalid': unique to this database, the same in every export of it. */
const uidIn = (databaseId: string, local: string) => `${local}@${databaseId}.${UID_DOMAIN}`;

/** Stable: the same rotation, role and start give the same UID in every export. */
export function shiftUid(databaseId: string, rotationId: Id, role: Role, startsAt: string): string {
  return uidIn(databaseId, `shift-${rotationId}-${role}-${compactUtc(startsAt)}`);
}

export function holidayUid(databaseId: string, holiday: Pick<Holiday, 'date' | 'name'>): string {
  const slug = holiday.name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 40);
  return uidIn(databaseId, `holiday-${holiday.date}-${slug || 'day'}-${fnv1a(holiday.name)}`);
}

export const drillUid = (databaseId: string, drillId: Id) => uidIn(databaseId, `drill-${drillId}`);

/** A short hash so two names that slug alike ('Día' and 'Dia') still get different UIDs. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** All-day values are written from the UTC date of the Date, so a plain date maps to its own UTC midnight. */
const dateValue = (date: string) => new Date(`${date}T00:00:00.000Z`);

export function buildIcs(input: IcsInput): string {
  return renderCalendar(input, icsEvents(input));
}

/** The events of the calendar, one per shift stretch, holiday and drill: what publishing sends one by one. */
export function icsEvents(input: IcsInput): ICalEventData[] {
  const names = new Map(input.engineers.map((e) => [e.id, e.name]));
  const nameOf = (id: Id | null) => (id === null ? 'nobody' : (names.get(id) ?? `engineer #${id}`));
  const events: ICalEventData[] = [];

  if (input.include.includes('shifts')) {
    // With several rotations in one file, each event says which one it belongs to.
    const named = input.rotations.length > 1;
    for (const { rotation, segments, overrides: rotationOverrides } of input.rotations) {
      const overrides = new Map(rotationOverrides.map((o) => [o.id, o]));
      for (const role of ['primary', 'secondary'] as const) {
        for (const stretch of roleStretches(segments, role)) {
          if (
            Date.parse(stretch.endsAt) <= Date.parse(input.range.from) ||
            Date.parse(stretch.startsAt) >= Date.parse(input.range.to)
          )
            continue;
          if (input.engineerId !== undefined && stretch.engineerId !== input.engineerId) continue;
          const partner = partnerDuring(segments, stretch);
          const reasons = stretch.overrideIds
            .map((id) => overrides.get(id))
            .filter((o): o is Override => o !== undefined && o.role === role)
            .map((o) => `${o.kind}: ${o.reason.trim() || 'no reason given'}`);
          events.push({
            id: shiftUid(input.databaseId, rotation.id, role, stretch.startsAt),
            start: new Date(stretch.startsAt),
            end: new Date(stretch.endsAt),
            stamp: input.stamp,
            summary: `${ROLE_LABEL[role]} on call${named ? ` (${rotation.name})` : ''}: ${nameOf(stretch.engineerId)}`,
            description: [
              `${rotation.name}: ${nameOf(stretch.engineerId)} is ${role} on call.`,
              partner.length ? `${role === 'primary' ? 'Backup' : 'Primary'}: ${partner.map(nameOf).join(', ')}.` : '',
              ...reasons,
            ]
              .filter(Boolean)
              .join('\n'),
            categories: [
              { name: 'On call' },
              { name: role === 'primary' ? 'Primary' : 'Secondary' },
              ...(named ? [{ name: rotation.name }] : []),
            ],
            transparency: ICalEventTransparency.OPAQUE,
            x: {
              'X-WATCHBILL-ROLE': role,
              'X-WATCHBILL-ROTATION': rotation.name,
              'X-WATCHBILL-ENGINEER': nameOf(stretch.engineerId),
            },
          });
        }
      }
    }
  }

  if (input.include.includes('holidays')) {
    for (const holiday of input.holidays) {
      const onCall = input.rotations.flatMap(({ rotation, segments }) => {
        const cover = onCallAtNoon(rotation, segments, holiday.date);
        if (!cover || (cover.primaryId === null && cover.secondaryId === null)) return [];
        const who = `${nameOf(cover.primaryId)} (primary), ${nameOf(cover.secondaryId)} (secondary)`;
        return [input.rotations.length > 1 ? `On call in ${rotation.name}: ${who}.` : `On call: ${who}.`];
      });
      events.push({
        id: holidayUid(input.databaseId, holiday),
        start: dateValue(holiday.date),
        end: dateValue(addDays(holiday.date, 1)),
        allDay: true,
        stamp: input.stamp,
        summary: holiday.name,
        description: [`Holiday (weight ${holiday.weight}).`, ...onCall].filter(Boolean).join('\n'),
        categories: [{ name: 'Holiday' }],
        transparency: ICalEventTransparency.TRANSPARENT,
        x: { 'X-WATCHBILL-WEIGHT': String(holiday.weight) },
      });
    }
  }

  if (input.include.includes('drills')) {
    for (const drill of input.drills) {
      if (
        input.engineerId !== undefined &&
        !drill.participants.some((p) => p.engineerId === input.engineerId) &&
        drill.facilitatorId !== input.engineerId
      )
        continue;
      const start = new Date(drill.startedAt ?? drill.scheduledAt);
      const end =
        drill.finishedAt && Date.parse(drill.finishedAt) > start.getTime()
          ? new Date(drill.finishedAt)
          : new Date(start.getTime() + DRILL_DEFAULT_MS);
      const pipeline = input.pipelineNames.get(drill.pipelineId) ?? `pipeline #${drill.pipelineId}`;
      events.push({
        id: drillUid(input.databaseId, drill.id),
        start,
        end,
        stamp: input.stamp,
        summary: `Drill: ${pipeline}${drill.scenarioTitle ? ` — ${drill.scenarioTitle}` : ''}`,
        description: [
          `Emergency-response drill (${drill.status}${drill.outcome ? `, ${drill.outcome.replace(/_/g, ' ')}` : ''}).`,
          drill.participants.length ? `Participants: ${describeParticipants(drill.participants, nameOf)}.` : '',
          drill.findings.trim() ? `Findings: ${drill.findings.trim()}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
        status: ICalEventStatus.CONFIRMED,
        categories: [{ name: 'Drill' }],
        x: { 'X-WATCHBILL-DRILL-STATUS': drill.status },
      });
    }
  }

  return events;
}

/** A calendar file holding `events` (all of them, or one per object on a calendar server). */
export function renderCalendar(
  meta: Pick<IcsInput, 'calendarName' | 'appVersion'>,
  events: readonly ICalEventData[],
  method: 'publish' | 'none' = 'publish',
): string {
  const calendar = ical({
    name: meta.calendarName,
    prodId: { company: 'Watchbill', product: `Watchbill ${meta.appVersion}`, language: 'EN' },
    ...(method === 'publish' ? { method: ICalCalendarMethod.PUBLISH } : {}),
    events: [...events],
  });
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves the
  // final END:VCALENDAR bare, which strict readers report as a truncated file.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** Who holds the other role while a stretch lasts (several when it changes hands). */
function partnerDuring(segments: readonly Segment[], stretch: RoleStretch): Id[] {
  const ids: Id[] = [];
  for (const s of segments) {
    if (s.endsAt <= stretch.startsAt || s.startsAt >= stretch.endsAt) continue;
    const other = stretch.role === 'primary' ? s.secondaryId : s.primaryId;
    if (other !== null && !ids.includes(other)) ids.push(other);
  }
  return ids;
}

function onCallAtNoon(rotation: Rotation, segments: readonly Segment[], date: string): Segment | null {
  const noon = zonedMs(date, '12:00', rotation.timeZone);
  return segments.find((s) => Date.parse(s.startsAt) <= noon && noon < Date.parse(s.endsAt)) ?? null;
}
