// The events a publish sends, one calendar object each, with a hash of what they say so an
// unchanged event is never sent again (DTSTAMP, the moment of the export, is left out of it).
import { createHash } from 'node:crypto';
import type { ICalEventData } from 'ical-generator';
import { icsEvents, renderCalendar, type IcsInput } from '../export/ics';

export interface PlannedEvent {
  uid: string;
  summary: string;
  startsAt: string;
  endsAt: string;
  /** A VCALENDAR holding this one event, as a CalDAV server stores it. */
  ics: string;
  hash: string;
}

/** Calendar objects on a server must not carry METHOD (RFC 4791 §4.1) and get one fixed name. */
const OBJECT_META = (input: IcsInput) => ({ calendarName: 'Watchbill', appVersion: input.appVersion });

const instant = (value: ICalEventData['start']) =>
  new Date(String(value instanceof Date ? value.toISOString() : value)).toISOString();

export function plannedEvents(input: IcsInput): PlannedEvent[] {
  return icsEvents(input).map((event) => {
    const ics = renderCalendar(OBJECT_META(input), [event], 'none');
    return {
      uid: String(event.id),
      summary: String(event.summary ?? ''),
      startsAt: instant(event.start),
      endsAt: instant(event.end ?? event.start),
      ics,
      hash: contentHash(ics),
    };
  });
}

/** What the event says, without when it was written. */
export function contentHash(ics: string): string {
  return createHash('sha256')
    .update(ics.replace(/^DTSTAMP:[^\r\n]*\r?\n/gm, ''))
    .digest('hex');
}

/** A file name on the server for a UID: its safe characters, as the same UID always gives. */
export const objectName = (uid: string) => `${uid.replace(/[^A-Za-z0-9._-]/g, '_')}.ics`;
