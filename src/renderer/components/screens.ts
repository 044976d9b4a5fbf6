// The sidebar's entries. The model's screen names are finer than the navigation: SLAs and
// risks share one screen.
import type { ScreenName } from '../../shared/model';

export interface NavEntry {
  screen: ScreenName;
  label: string;
  /** False while the screen is only a notice. */
  built: boolean;
}

export const NAVIGATION: NavEntry[] = [
  { screen: 'today', label: 'Today', built: true },
  { screen: 'calendar', label: 'Calendar', built: true },
  { screen: 'fairness', label: 'Fairness', built: true },
  { screen: 'ownership', label: 'Ownership', built: true },
  { screen: 'runbooks', label: 'Runbooks', built: true },
  { screen: 'drills', label: 'Drills', built: true },
  { screen: 'slas', label: 'SLAs & risks', built: true },
  { screen: 'export', label: 'Export & import', built: true },
];

/** The navigation entry a screen name belongs to. */
export function navEntryOf(screen: ScreenName): NavEntry {
  const target = screen === 'risks' ? 'slas' : screen;
  return NAVIGATION.find((entry) => entry.screen === target) ?? NAVIGATION[0]!;
}
