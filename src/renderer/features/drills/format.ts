// How the Drills screen words a drill's times and states; the rules themselves are in
// src/shared/domain/drills.ts.
import type { DueState } from '../../../shared/domain/drills';
import type { Engineer, Id } from '../../../shared/model';

export const DUE_LABELS: Record<DueState, string> = {
  overdue: 'Overdue',
  due: 'Due',
  planned: 'Planned',
  ok: 'Not yet',
};

export const namesOf = (engineers: readonly Engineer[]) => {
  const names = new Map(engineers.map((e) => [e.id, e.name]));
  return (id: Id | null): string => (id === null ? 'Nobody' : (names.get(id) ?? `Engineer #${id}`));
};

/** '+4:07': a moment on the drill's clock. */
export const onClock = (text: string) => (text === '—' ? text : `+${text}`);
