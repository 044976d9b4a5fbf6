// The team the engine and planner benches plan for: `size` engineers in the example team's zone.
import type { Engineer } from '../src/shared/model';

export function benchTeam(size: number): Engineer[] {
  return Array.from({ length: size }, (_, i) => ({
    id: i + 1,
    name: `Engineer ${i + 1}`,
    email: null,
    color: '#888888',
    active: true,
    timeZone: 'America/New_York',
  }));
}
