// The calendar's keyboard: periods, today, views, undo and redo; not while typing or in a dialog.
import { useEffect } from 'react';
import type { CalendarApi } from '@fullcalendar/core';

export type CalendarViewKey = 'month' | 'week' | 'quarter' | 'list';

export const VIEW_KEYS: Record<string, CalendarViewKey> = { m: 'month', w: 'week', q: 'quarter', l: 'list' };

export function useCalendarKeys(
  calendar: () => CalendarApi | undefined,
  actions: {
    goView(key: CalendarViewKey): void;
    goToday(): void;
    step(direction: -1 | 1): void;
    undo(): void;
    redo(): void;
  },
): void {
  const { goView, goToday, step, undo, redo } = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [role="dialog"]')) return;
      if (!calendar()) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      // In the desktop app the Edit menu owns Ctrl/Cmd+Z (see App.tsx); here it would undo twice.
      const menuOwnsUndo = window.watchbillCommands !== undefined;
      if (mod && key === 'z' && !menuOwnsUndo) {
        event.preventDefault();
        if (event.shiftKey) redo();
        else undo();
        return;
      }
      if (mod && key === 'y' && !menuOwnsUndo) {
        event.preventDefault();
        redo();
        return;
      }
      if (mod || event.altKey) return;
      if (event.key === 'ArrowLeft' || event.key === 'PageUp') step(-1);
      else if (event.key === 'ArrowRight' || event.key === 'PageDown') step(1);
      else if (key === 't') goToday();
      else if (VIEW_KEYS[key]) goView(VIEW_KEYS[key]);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [calendar, goView, goToday, step, undo, redo]);
}
