// The sidebar's entries. The model's screen names are finer than the navigation: SLAs and
// risks share one screen.
import type { ScreenName } from '../../shared/model';

export interface NavEntry {
  screen: ScreenName;
  label: string;
}

export const NAVIGATION: NavEntry[] = [
  { screen: 'today', label: 'Today' },
  { screen: 'calendar', label: 'Calendar' },
  { screen: 'team', label: 'Team' },
  { screen: 'fairness', label: 'Fairness' },
  { screen: 'ownership', label: 'Ownership' },
  { screen: 'runbooks', label: 'Runbooks' },
  { screen: 'drills', label: 'Drills' },
  { screen: 'slas', label: 'SLAs & risks' },
  { screen: 'export', label: 'Export & import' },
];

/** The navigation entry a screen name belongs to. */
export function navEntryOf(screen: ScreenName): NavEntry {
  const target = screen === 'risks' ? 'slas' : screen;
  return NAVIGATION.find((entry) => entry.screen === target) ?? NAVIGATION[0]!;
}
