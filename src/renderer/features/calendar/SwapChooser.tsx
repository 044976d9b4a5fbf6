import { useId, useState } from 'react';
import { shiftBounds } from '../../../shared/domain/rotation';
import { localDateOf } from '../../../shared/domain/time';
import { formatDay, yearOf } from '../../../shared/format';
import type { Engineer, Id, Rotation, Segment } from '../../../shared/model';
import { nameOf } from './events';

/** How many weeks either side of a shift the keyboard swap offers. */
const REACH = 8;

/**
 * The keyboard's way to swap (a drag's is dropping the shift on another week): pick the other
 * week from a list, then confirm as after a drag.
 */
export function SwapChooser({
  segment,
  rotation,
  segments,
  engineers,
  onSwap,
}: {
  segment: Segment;
  rotation: Rotation;
  /** The loaded schedule, for who holds each week offered. */
  segments: readonly Segment[];
  engineers: Map<Id, Engineer>;
  onSwap: (shiftIndex: number) => void;
}) {
  const fieldId = useId();
  const choices = swapChoices(segment, rotation, segments, engineers);
  const [target, setTarget] = useState<number>(choices.find((c) => c.index === segment.shiftIndex + 1)?.index ?? -1);
  if (choices.length === 0) return null;
  return (
    <form
      className="swap-chooser"
      onSubmit={(event) => {
        event.preventDefault();
        if (target >= 0) onSwap(target);
      }}
    >
      <label htmlFor={fieldId} className="field__label">
        Swap this week with
      </label>
      <div className="swap-chooser__row">
        <select id={fieldId} className="input" value={target} onChange={(e) => setTarget(Number(e.target.value))}>
          {choices.map((c) => (
            <option key={c.index} value={c.index}>
              {c.label}
            </option>
          ))}
        </select>
        <button type="submit" className="button">
          Swap…
        </button>
      </div>
    </form>
  );
}

/** The weeks around `segment`'s, not before the rotation's start: 'Thu 11 Feb – Thu 18 Feb · Engineer C'. */
export function swapChoices(
  segment: Segment,
  rotation: Rotation,
  segments: readonly Segment[],
  engineers: Map<Id, Engineer>,
): { index: number; label: string }[] {
  const zone = rotation.timeZone;
  const choices: { index: number; label: string }[] = [];
  for (let index = Math.max(0, segment.shiftIndex - REACH); index <= segment.shiftIndex + REACH; index += 1) {
    if (index === segment.shiftIndex) continue;
    const { startsAt, endsAt } = shiftBounds(rotation, index);
    const first = localDateOf(startsAt, zone);
    const last = localDateOf(endsAt, zone);
    const holders = [...new Set(segments.filter((s) => s.shiftIndex === index).map((s) => s.primaryId))];
    const who = holders.length > 0 ? ` · ${holders.map((id) => nameOf(engineers, id)).join(', ')}` : '';
    choices.push({
      index,
      label: `${formatDay(first, yearOf(first))} – ${formatDay(last, yearOf(first))}${who}`,
    });
  }
  return choices;
}
