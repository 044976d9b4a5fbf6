import { useState } from 'react';
import { localDateOf } from '../../../shared/domain/time';
import type { SwapSuggestion } from '../../../shared/domain/planner';
import type { Engineer, Id } from '../../../shared/model';
import { EngineerName } from '../../components/EngineerName';
import { formatDay } from '../../components/format';
import { fixed, signed } from '../../components/numbers';
import { EmptyState } from '../../components/Notice';
import { useStore } from '../../store';

/** Single swaps that would narrow the spread, each applicable with one click (and undoable on the calendar). */
export function SuggestedSwaps({
  suggestions,
  engineers,
  timeZone,
  rotationId,
}: {
  suggestions: SwapSuggestion[];
  engineers: Map<Id, Engineer>;
  timeZone: string;
  /** The rotation viewed, whose shifts the suggestions swap. */
  rotationId: Id | null;
}) {
  const applySuggestion = useStore((s) => s.applySuggestion);
  const [busy, setBusy] = useState(false);
  if (suggestions.length === 0) {
    return (
      <EmptyState title="No swap would make this period fairer">
        Every single swap of two future shifts leaves the spread as it is or wider.
      </EmptyState>
    );
  }
  /** The start of the shift the other engineer takes over: the week `ownerId` gives away. */
  const weekOf = (s: SwapSuggestion, ownerId: Id) => {
    const taker = ownerId === s.engineerA ? s.engineerB : s.engineerA;
    const taken = s.change.add.find((o) => o.role === 'primary' && o.engineerId === taker);
    return taken ? `week of ${formatDay(localDateOf(taken.startsAt, timeZone))}` : '';
  };
  return (
    <ul className="suggestions" data-testid="suggestions">
      {suggestions.map((s) => (
        <li key={`${s.shiftA}-${s.shiftB}`} className="suggestion">
          <div className="suggestion__what">
            <p>
              <EngineerName id={s.engineerA} engineers={engineers} /> ({weekOf(s, s.engineerA)}) swaps with{' '}
              <EngineerName id={s.engineerB} engineers={engineers} /> ({weekOf(s, s.engineerB)})
            </p>
            <p className="muted">
              Balance spread {fixed(s.spreadBefore)} → <strong>{fixed(s.spreadAfter)}</strong>
              {' · '}
              {s.deltas
                .map(
                  (d) =>
                    `${engineers.get(d.engineerId)?.name ?? d.engineerId} ${signed(d.differenceBefore)} → ${signed(d.differenceAfter)}`,
                )
                .join(', ')}
            </p>
          </div>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void applySuggestion(s, rotationId).finally(() => setBusy(false));
            }}
          >
            Apply swap
          </button>
        </li>
      ))}
    </ul>
  );
}
