// Each screen is its own chunk, fetched the first time it is shown, so the app starts with
// the shell and one screen instead of every screen and FullCalendar. Once the first screen
// is up, the others load in the background, and from then on show without a loading state.
import { lazy, type ComponentType } from 'react';
import type { ScreenName } from '../shared/model';

interface LoadedScreen {
  /** Renders the screen: through React.lazy while its code loads, directly once loaded. */
  View: ComponentType;
  preload(): Promise<unknown>;
}

export function lazyScreen(load: () => Promise<ComponentType>): LoadedScreen {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // the next visit tries again
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  // React.lazy suspends for a moment even when the code is already here; a preloaded screen
  // renders at once, so switching screens never blanks the page.
  const View = () => {
    const Loaded = loaded ?? Lazy;
    return <Loaded />;
  };
  return { View, preload };
}

const slas = lazyScreen(() => import('./features/slas/SlasScreen').then((m) => m.SlasScreen));

export const SCREEN_VIEWS: Record<ScreenName, LoadedScreen> = {
  today: lazyScreen(() => import('./features/today/TodayScreen').then((m) => m.TodayScreen)),
  calendar: lazyScreen(() => import('./features/calendar/CalendarScreen').then((m) => m.CalendarScreen)),
  team: lazyScreen(() => import('./features/team/TeamScreen').then((m) => m.TeamScreen)),
  fairness: lazyScreen(() => import('./features/fairness/FairnessScreen').then((m) => m.FairnessScreen)),
  ownership: lazyScreen(() => import('./features/ownership/OwnershipScreen').then((m) => m.OwnershipScreen)),
  runbooks: lazyScreen(() => import('./features/runbooks/RunbooksScreen').then((m) => m.RunbooksScreen)),
  slas,
  risks: slas,
  drills: lazyScreen(() => import('./features/drills/DrillsScreen').then((m) => m.DrillsScreen)),
  export: lazyScreen(() => import('./features/export/ExportScreen').then((m) => m.ExportScreen)),
};

/** Loads every screen's code; a failure shows when that screen is opened, not here. */
export function preloadScreens(): void {
  for (const view of Object.values(SCREEN_VIEWS)) view.preload().catch(() => undefined);
}

/** Shown while a screen's code loads; invisible for the first moments so a quick load does not flash. */
export function ScreenLoading() {
  return (
    <p className="screen-loading muted" role="status">
      Loading…
    </p>
  );
}
