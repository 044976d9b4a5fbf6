import { addDays } from 'date-fns';
import type { HandlersFor } from '../../shared/ipc/contract';
import type { todayChannels } from '../../shared/ipc/channels/today';
import { holidaysBetween } from '../../shared/domain/holidays';
import { computeSegments, nextHandoff, onCallAt, scheduleWarnings } from '../../shared/domain/rotation';
import { localDateOf, zonedInstant } from '../../shared/domain/time';
import { yearIn } from '../../shared/format';
import type { ModelWarning, Rotation } from '../../shared/model';
import type { OnCallNow, TodayView } from '../../shared/views';
import type { ServiceContext } from './context';
import { drillTodayWarnings } from './drills';
import { planWarnings } from './pipelines';
import { doubleDutyWarningsFor } from '../queries/duties';
import { teamZone } from '../queries/team';

/** How far ahead Today looks for holidays and schedule warnings. */
const LOOKAHEAD_DAYS = 60;

export function todayHandlers({ repos, now }: ServiceContext): HandlersFor<typeof todayChannels> {
  return {
    'today:get': ({ at }) => {
      const moment = at ? new Date(at) : now();
      const engineers = repos.engineers.list();
      const rotation: Rotation | null = repos.rotations.list()[0] ?? null;
      // Owners, runbooks, investor owners both tied up, the quarterly review: as on the Ownership screen.
      const warnings: ModelWarning[] = [
        ...planWarnings(repos, moment),
        ...drillTodayWarnings(repos, moment),
        // Someone on call in two rotations at once, across every rotation.
        ...doubleDutyWarningsFor(
          repos,
          null,
          moment.toISOString(),
          addDays(moment, LOOKAHEAD_DAYS).toISOString(),
          yearIn(moment.getTime(), teamZone(repos)),
        ),
      ];
      const view: TodayView = {
        at: moment.toISOString(),
        rotation,
        engineers,
        now: null,
        next: null,
        nextHandoff: null,
        upcomingHolidays: [],
        warnings,
      };
      if (!rotation || rotation.memberIds.length === 0) return view;

      const overrides = repos.rotations.overrides(rotation.id);
      const horizon = addDays(moment, LOOKAHEAD_DAYS);
      const segments = computeSegments(rotation, overrides, moment.toISOString(), horizon.toISOString());
      const toOnCall = (i: number): OnCallNow | null => {
        const s = segments[i];
        return s ? { primaryId: s.primaryId, secondaryId: s.secondaryId, since: s.startsAt, until: s.endsAt } : null;
      };
      const current = onCallAt(rotation, overrides, moment.toISOString());
      view.now = current.segment
        ? {
            primaryId: current.primaryId,
            secondaryId: current.secondaryId,
            since: current.segment.startsAt,
            until: current.segment.endsAt,
          }
        : null;
      view.next = toOnCall(segments.findIndex((s) => s.startsAt > moment.toISOString()));
      view.nextHandoff = nextHandoff(rotation, overrides, moment.toISOString());

      const calendar = repos.holidays.teamCalendar();
      if (calendar) {
        const holidays = holidaysBetween(
          calendar,
          localDateOf(moment.toISOString(), rotation.timeZone),
          localDateOf(horizon.toISOString(), rotation.timeZone),
        );
        view.upcomingHolidays = holidays.slice(0, 6).map((h) => {
          // Who holds the holiday: the pair on call at noon, local time, that day.
          const noon = onCallAt(rotation, overrides, zonedInstant(h.date, '12:00', rotation.timeZone));
          return { ...h, primaryId: noon.primaryId, secondaryId: noon.secondaryId };
        });
      }
      view.warnings.push(
        ...scheduleWarnings({
          rotation,
          overrides,
          engineers,
          unavailability: repos.engineers.listUnavailability(),
          from: moment.toISOString(),
          to: horizon.toISOString(),
          currentYear: yearIn(moment.getTime(), rotation.timeZone),
        }),
      );
      return view;
    },
  };
}
