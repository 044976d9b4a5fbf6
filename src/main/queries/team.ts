// The team's own time zone: what "today" means for drills, deadlines and imported dates. Each
// rotation keeps its own zone for its hand-offs; the team's is set once for the file (made
// from the first rotation's by migration 90, and by the example team's seed).
import { localDateOf } from '../../shared/domain/time';
import type { Repositories } from '../db/repositories';

export const TEAM_ZONE_KEY = 'teamTimeZone';

export const teamZone = (repos: Repositories): string => repos.settings.get<string>(TEAM_ZONE_KEY) ?? 'UTC';

/** The team's local date, in the team's zone (a setting of the file, whatever its rotations' zones). */
export function teamToday(repos: Repositories, now: Date): string {
  return localDateOf(now.getTime(), teamZone(repos));
}
