import { addDays } from 'date-fns';
import type { HandlersFor } from '../../shared/ipc/contract';
import type { todayChannels } from '../../shared/ipc/channels/today';
import { coverageWords } from '../../shared/domain/coverage-words';
import { holidaysBetween } from '../../shared/domain/holidays';
import { coversAlways } from '../../shared/domain/layers';
import { computeSegments, nextHandoff, onCallAt, scheduleWarnings } from '../../shared/domain/rotation';
import { whyNobodyFrom } from '../../shared/domain/routing';
import {
  addDays as addLocalDays,
  localDateOf,
  startOfLocalDayMs,
  toInstant,
  zonedInstant,
} from '../../shared/domain/time';
import { yearIn } from '../../shared/format';
import type { Engineer, IsoDate, ModelWarning, Override, Rotation, Segment } from '../../shared/model';
import type { OnCallNow, RotationToday, TodayView } from '../../shared/views';
import { teamZone } from '../queries/team';
import type { ServiceContext } from './context';
import { drillTodayWarnings } from '../queries/drills';
import { planWarnings } from '../queries/ownership';
import { doubleDutyWarningsFor } from '../queries/duties';
import { overridesAround, unavailabilityAround } from '../queries/schedule';

/** How far ahead Today looks for holidays and schedule warnings. */
const LOOKAHEAD_DAYS = 60;

/** Who holds one rotation now and next, as of `moment`. */
function rotationToday(rotation: Rotation, overrides: readonly Override[], moment: Date, horizon: Date): RotationToday {
  const at = moment.toISOString();
  const covers = coversAlways(rotation.coverage) ? null : coverageWords(rotation.coverage, rotation.timeZone);
  const view: RotationToday = { rotation, now: null, nobody: null, covers, next: null, nextHandoff: null };
  if (rotation.memberIds.length === 0) return { ...view, nobody: whyNobodyFrom(rotation, at, 'primary') };
  const segments = computeSegments(rotation, overrides, at, horizon.toISOString());
  const current = onCallAt(rotation, overrides, at);
  const slot = (s: Segment): OnCallNow => ({
    primaryId: s.primaryId,
    secondaryId: s.secondaryId,
    since: s.startsAt,
    until: s.endsAt,
  });
  const next = segments.find((s) => s.startsAt > at);
  return {
    ...view,
    now: current.segment ? slot(current.segment) : null,
    nobody: current.primaryId === null ? whyNobodyFrom(rotation, at, 'primary') : null,
    next: next ? slot(next) : null,
    nextHandoff: nextHandoff(rotation, overrides, at),
  };
}

/**
 * Who holds a holiday in a rotation: the pair on call at noon, its local time, that day; for a
 * layer not answering at noon (a night half), the first pair it has on call that day; none
 * when it does not answer that day at all (a weekday layer on a Saturday).
 */
function holidayPair(rotation: Rotation, overrides: readonly Override[], date: IsoDate) {
  const noon = onCallAt(rotation, overrides, zonedInstant(date, '12:00', rotation.timeZone));
  if (noon.primaryId !== null || noon.secondaryId !== null)
    return { primaryId: noon.primaryId, secondaryId: noon.secondaryId };
  const [first] = computeSegments(
    rotation,
    overrides,
    toInstant(startOfLocalDayMs(date, rotation.timeZone)),
    toInstant(startOfLocalDayMs(addLocalDays(date, 1), rotation.timeZone)),
  );
  return first ? { primaryId: first.primaryId, secondaryId: first.secondaryId } : null;
}

export function todayHandlers({ repos, now }: ServiceContext): HandlersFor<typeof todayChannels> {
  return {
    'today:get': ({ at }) => {
      const moment = at ? new Date(at) : now();
      const horizon = addDays(moment, LOOKAHEAD_DAYS);
      const engineers: Engineer[] = repos.engineers.list();
      const zone = teamZone(repos);
      const rotations = repos.rotations.active().map((rotation) => ({
        rotation,
        // The next hand-off looks as far ahead as the last override: every one from now on,
        // none of the history behind.
        overrides: overridesAround(repos, rotation, moment.toISOString()),
      }));
      // Owners, runbooks, unrouted pipelines, the quarterly review: as on the Ownership screen.
      const warnings: ModelWarning[] = [
        ...planWarnings(repos, moment),
        ...drillTodayWarnings(repos, moment),
        // Someone on call in two rotations at once, across every rotation.
        ...doubleDutyWarningsFor(
          repos,
          null,
          moment.toISOString(),
          horizon.toISOString(),
          yearIn(moment.getTime(), zone),
        ),
      ];
      const view: TodayView = {
        at: moment.toISOString(),
        timeZone: zone,
        rotations: rotations.map(({ rotation, overrides }) => rotationToday(rotation, overrides, moment, horizon)),
        engineers,
        upcomingHolidays: [],
        warnings,
      };
      const staffed = rotations.filter(({ rotation }) => rotation.memberIds.length > 0);
      if (staffed.length === 0) return view;

      const calendar = repos.holidays.teamCalendar();
      if (calendar) {
        const holidays = holidaysBetween(
          calendar,
          localDateOf(moment.toISOString(), zone),
          localDateOf(horizon.toISOString(), zone),
        );
        view.upcomingHolidays = holidays.slice(0, 6).map((h) => ({
          ...h,
          holders: staffed.flatMap(({ rotation, overrides }) => {
            const pair = holidayPair(rotation, overrides, h.date);
            return pair ? [{ rotationId: rotation.id, ...pair }] : [];
          }),
        }));
      }
      const unavailability = unavailabilityAround(repos, moment.toISOString(), horizon.toISOString());
      for (const { rotation, overrides } of staffed) {
        view.warnings.push(
          ...scheduleWarnings({
            rotation,
            overrides,
            engineers,
            unavailability,
            from: moment.toISOString(),
            to: horizon.toISOString(),
            currentYear: yearIn(moment.getTime(), rotation.timeZone),
          }),
        );
      }
      return view;
    },
  };
}
