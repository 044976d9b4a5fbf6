import { Component, useEffect, useRef, type ReactNode } from 'react';
import { SCREENS, type ScreenName } from '../shared/model';
import { Sidebar } from './components/Sidebar';
import { CalendarScreen } from './features/calendar/CalendarScreen';
import { DrillsScreen } from './features/drills/DrillsScreen';
import { ExportScreen } from './features/export/ExportScreen';
import { FairnessScreen } from './features/fairness/FairnessScreen';
import { OwnershipScreen } from './features/ownership/OwnershipScreen';
import { RunbooksScreen } from './features/runbooks/RunbooksScreen';
import { SlasScreen } from './features/slas/SlasScreen';
import { TeamScreen } from './features/team/TeamScreen';
import { TodayScreen } from './features/today/TodayScreen';
import { useStore } from './store';

function Screen({ screen }: { screen: ScreenName }) {
  switch (screen) {
    case 'today':
      return <TodayScreen />;
    case 'ownership':
      return <OwnershipScreen />;
    case 'calendar':
      return <CalendarScreen />;
    case 'team':
      return <TeamScreen />;
    case 'fairness':
      return <FairnessScreen />;
    case 'runbooks':
      return <RunbooksScreen />;
    case 'slas':
    case 'risks':
      return <SlasScreen />;
    case 'drills':
      return <DrillsScreen />;
    case 'export':
      return <ExportScreen />;
  }
}

export function App() {
  const screen = useStore((s) => s.screen);
  const navigate = useStore((s) => s.navigate);
  const focusPipelineId = useStore((s) => s.focusPipelineId);
  const loadAppInfo = useStore((s) => s.loadAppInfo);
  // Screens wait for app:info, which brings the main process's clock: a calendar opened
  // before it would start on the wrong day when the clock is set (WATCHBILL_NOW).
  const clockKnown = useStore((s) => s.appInfoState.status === 'ready' || s.appInfoState.status === 'error');
  const resumeDrill = useStore((s) => s.resumeDrill);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    void loadAppInfo();
  }, [loadAppInfo]);

  // A reload in the middle of a drill goes back to its runner.
  useEffect(() => {
    void resumeDrill();
  }, [resumeDrill]);

  // Menu commands from the desktop app ('navigate:export', 'edit:undo', …). Undo and redo
  // act on the text being edited when a field has focus, else on the schedule's journal.
  useEffect(() => {
    return window.watchbillCommands?.onCommand((command) => {
      const [verb, target] = command.split(':');
      if (verb === 'navigate' && (SCREENS as readonly string[]).includes(target ?? '')) navigate(target as ScreenName);
      if (verb === 'edit' && (target === 'undo' || target === 'redo')) {
        const editing = document.activeElement?.closest('input, textarea, select, [contenteditable="true"]');
        if (editing) document.execCommand(target);
        else if (target === 'undo') void useStore.getState().undoEdit();
        else void useStore.getState().redoEdit();
      }
    });
  }, [navigate]);

  // A new screen starts at its top (unless it brings a pipeline into view), with keyboard
  // focus on its title so the keyboard user hears where they are; not on first load.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (focusPipelineId === null) main.current?.scrollTo({ top: 0 });
    main.current?.querySelector<HTMLElement>('#screen-title')?.focus({ preventScroll: true });
    // Only a change of screen moves focus; the pipeline is read as it was at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [screen]);

  return (
    <div className="app">
      <Sidebar />
      <main className="main" ref={main}>
        {clockKnown && (
          <ErrorBoundary key={screen}>
            <Screen screen={screen} />
          </ErrorBoundary>
        )}
      </main>
    </div>
  );
}

class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error) {
      return (
        <div className="notice notice--error" role="alert">
          <p>This screen failed: {this.state.error.message}</p>
          <p className="muted">Choose another screen, or reload the window.</p>
        </div>
      );
    }
    return this.props.children;
  }
}
