import { Component, useEffect, useRef, type ReactNode } from 'react';
import { SCREENS, type ScreenName } from '../shared/model';
import { Sidebar } from './components/Sidebar';
import { keepTitleFocused } from './focusHeading';
import { preloadScreens, SCREEN_VIEWS } from './screens';
import { useClockKnown } from './query/app-info';
import { useStore } from './store';

export function App() {
  const screen = useStore((s) => s.screen);
  const navigate = useStore((s) => s.navigate);
  // Screens wait for app:info, which brings the main process's clock: a calendar opened
  // before it would start on the wrong day when the clock is set (WATCHBILL_NOW).
  const clockKnown = useClockKnown();
  const resumeDrill = useStore((s) => s.resumeDrill);
  const main = useRef<HTMLElement>(null);
  const firstScreen = useRef(screen);
  const leftFirstScreen = useRef(false);
  const stopTitleFocus = useRef<(() => void) | null>(null);

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

  // The other screens' code loads once the first screen is up and the page is idle.
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    idle(preloadScreens);
  }, []);

  // A new screen starts at its top (unless it brings a pipeline into view), with keyboard
  // focus on its title so the keyboard user hears where they are; not on first load. Runs
  // once the screen is on the page, after its code has loaded.
  const onScreenShown = (shown: ScreenName) => {
    // The screen the app opened on keeps the page's own focus; any screen chosen after it
    // (even before the first one had finished loading) gets its title focused.
    if (!leftFirstScreen.current && shown === firstScreen.current) return;
    leftFirstScreen.current = true;
    if (useStore.getState().focusPipelineId === null) main.current?.scrollTo({ top: 0 });
    stopTitleFocus.current?.();
    stopTitleFocus.current = main.current ? keepTitleFocused(main.current) : null;
  };

  return (
    <div className="app">
      <Sidebar />
      <main className="main" ref={main}>
        {clockKnown && (
          <ErrorBoundary key={screen}>
            <ScreenView screen={screen} onShown={() => onScreenShown(screen)} />
          </ErrorBoundary>
        )}
      </main>
    </div>
  );
}

function ScreenView({ screen, onShown }: { screen: ScreenName; onShown: () => void }) {
  const { View } = SCREEN_VIEWS[screen];
  return <View onShown={onShown} />;
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
