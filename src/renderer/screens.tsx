// Each screen is its own chunk, fetched the first time it is shown, so the app starts with
// the shell and one screen instead of every screen and FullCalendar. Once the first screen
// is up, the others load in the background, and from then on show without a loading state.
import { useEffect, useState, type ComponentType } from 'react';
import type { ScreenName } from '../shared/model';

interface LoadedScreen {
  /**
   * Renders the screen, or the loading state while its code arrives; `onShown` runs once the
   * screen itself is on the page. A failed load is thrown to the error boundary around it.
   */
  View: ComponentType<{ onShown?: () => void }>;
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
  // Not React.lazy: Suspense holds back content that arrives after its fallback showed until
  // 300 ms have passed (its throttle), so a screen chosen while the app starts would wait for
  // nothing. Here the screen shows in the frame after its code arrives, and a preloaded one at once.
  const View = ({ onShown }: { onShown?: () => void }) => {
    const [screen, setScreen] = useState<{ component: ComponentType } | { failure: unknown } | undefined>(() =>
      loaded ? { component: loaded } : undefined,
    );
    useEffect(() => {
      if (screen) return;
      let wanted = true;
      preload().then(
        (component) => wanted && setScreen({ component }),
        (failure: unknown) => wanted && setScreen({ failure }),
      );
      return () => {
        wanted = false;
      };
    }, [screen]);
    if (!screen) return <ScreenLoading />;
    if ('failure' in screen) throw screen.failure;
    return (
      <>
        <screen.component />
        {onShown && <OnMount run={onShown} />}
      </>
    );
  };
  return { View, preload };
}

/** Runs `run` once, when it and its siblings are on the page. */
function OnMount({ run }: { run: () => void }) {
  // Once per mount: the screen around it is keyed by its name, so each screen mounts it anew.
  useEffect(() => {
    run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return null;
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
