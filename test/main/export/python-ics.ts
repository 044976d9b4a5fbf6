// Reads a calendar file with Python's icalendar (Debian's python3-icalendar), a reader the
// exporter shares no code with, as calendar tools and scripts people write do.
import { spawnSync } from 'node:child_process';

export interface ReadEvent {
  uid: string;
  summary: string;
  rotation: string | null;
  engineer: string | null;
  start: string;
  end: string;
}

const SCRIPT = `
import json, sys
from icalendar import Calendar
calendar = Calendar.from_ical(sys.stdin.buffer.read())
events = []
for e in calendar.walk('VEVENT'):
    def text(name):
        value = e.get(name)
        return None if value is None else str(value)
    events.append({
        'uid': text('UID'), 'summary': text('SUMMARY'),
        'rotation': text('X-WATCHBILL-ROTATION'), 'engineer': text('X-WATCHBILL-ENGINEER'),
        'start': e.decoded('DTSTART').isoformat(), 'end': e.decoded('DTEND').isoformat(),
    })
print(json.dumps({'name': str(calendar.get('X-WR-CALNAME')), 'events': events}))
`;

/** The calendar's name and its events as Python's icalendar reads them (instants as ISO with offset). */
export function readWithPython(ics: string): { name: string; events: ReadEvent[] } {
  const result = spawnSync('/usr/bin/python3', ['-c', SCRIPT], { input: ics, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3-icalendar could not read the file:\n${result.stderr}`);
  return JSON.parse(result.stdout) as { name: string; events: ReadEvent[] };
}
