// `watchbill who` without --pipeline: who is primary and secondary in each rotation at a moment,
// read from each rotation's schedule through the same channel as the calendar.
import { MOMENT_FORMS, parseMoment } from '../../shared/domain/moments';
import { describeCoverage } from '../../shared/domain/coverage-words';
import { formatLocal } from '../../shared/domain/time';
import type { WatchbillApp } from '../app';
import { namer, table } from './format';
import { call } from './open';
import { rotationsFor } from './rotation-option';

const DAY_MS = 86_400_000;

/** --at, read by the shared rule: without an offset it is team time. */
export function momentArg(value: string, timeZone: string): string {
  const at = parseMoment(value, timeZone);
  if (at === null) throw new Error(`--at must be a date and time as ${MOMENT_FORMS}, not '${value}'.`);
  return at;
}

export async function onCallNow(
  app: WatchbillApp,
  values: { rotation?: string | undefined; at?: string | undefined; json: boolean },
): Promise<number> {
  const rotations = await rotationsFor(app, values.rotation);
  // One rotation named: its zone; all of them: the team's.
  const zone = values.rotation !== undefined ? rotations[0]!.timeZone : await call(app, 'team:time-zone', {});
  const at = values.at ? momentArg(values.at, zone) : (await call(app, 'app:info', {})).now;
  const answers = [];
  for (const rotation of rotations) {
    // Past the shift's end, so the segment holding `at` is whole and says until when it lasts.
    const to = new Date(Date.parse(at) + (rotation.shiftDays + 1) * DAY_MS).toISOString();
    const view = await call(app, 'schedule:get', { from: at, to, rotationId: rotation.id });
    const segment = view.segments.find((s) => s.startsAt <= at && at < s.endsAt) ?? null;
    answers.push({ rotation, segment });
  }
  if (values.json) {
    console.log(
      JSON.stringify(
        {
          at,
          rotations: answers.map(({ rotation, segment }) => ({
            rotationId: rotation.id,
            rotation: rotation.name,
            primaryId: segment?.primaryId ?? null,
            secondaryId: segment?.secondaryId ?? null,
            until: segment?.endsAt ?? null,
          })),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const name = namer(await call(app, 'engineers:list', {}));
  console.log(`On call at ${formatLocal(at, zone)} (${zone})`);
  console.log(
    table(
      ['rotation', 'primary', 'secondary', 'until', 'note'],
      answers.map(({ rotation, segment }) => {
        const covers = describeCoverage(rotation.coverage);
        const nobody = segment === null || (segment.primaryId === null && segment.secondaryId === null);
        return [
          rotation.name,
          nobody ? '—' : name(segment.primaryId),
          nobody ? '—' : name(segment.secondaryId),
          segment ? `${formatLocal(segment.endsAt, rotation.timeZone)} (${rotation.timeZone})` : '',
          nobody
            ? `nobody from ${rotation.name}${values.at ? ' then' : ' now'}${covers ? ` (it covers ${covers} ${rotation.timeZone} time)` : ''}`
            : '',
        ];
      }),
    ),
  );
  return 0;
}
