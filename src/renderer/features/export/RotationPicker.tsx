import type { ExportCatalog } from '../../../shared/ipc/channels/share';
import type { Id } from '../../../shared/model';

/** The rotations the exports are about: undefined ids mean all of them (the export's own default). */
export interface RotationChoice {
  ids: Id[] | undefined;
  problem: string | null;
}

/** What a choice of rotations asks of the exports: null is "all", as the channels read an omitted list. */
export function rotationChoice(chosen: Id[] | null): RotationChoice {
  if (chosen === null) return { ids: undefined, problem: null };
  return { ids: chosen, problem: chosen.length === 0 ? 'Choose at least one rotation.' : null };
}

/**
 * Which rotations the calendar file, the spreadsheets and the plan cover; shown only when the
 * team has more than one. Starts as every active rotation (null); an archived one can be added
 * to export its history.
 */
export function RotationPicker({
  catalog,
  chosen,
  onChange,
}: {
  catalog: ExportCatalog;
  chosen: Id[] | null;
  onChange: (chosen: Id[] | null) => void;
}) {
  if (catalog.rotations.length < 2) return null;
  const active = catalog.rotations.filter((r) => !r.archived).map((r) => r.id);
  const shown = chosen ?? active;
  const toggle = (id: Id, on: boolean) => {
    const next = catalog.rotations.filter((r) => (r.id === id ? on : shown.includes(r.id))).map((r) => r.id);
    const all = next.length === active.length && next.every((x) => active.includes(x));
    onChange(all ? null : next);
  };
  const { problem } = rotationChoice(chosen);
  return (
    <fieldset className="export-period export-rotations" aria-describedby="export-rotations-hint">
      <legend className="export-period__legend">Rotations</legend>
      {catalog.rotations.map((r) => (
        <label key={r.id} className="export-check">
          <input type="checkbox" checked={shown.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
          <span>
            {r.name}
            {r.archived && <span className="muted"> (archived)</span>}
          </span>
        </label>
      ))}
      <p id="export-rotations-hint" className="muted export-period__hint">
        {problem ? (
          <span className="inline-error">{problem}</span>
        ) : chosen === null ? (
          'Every active rotation: each calendar event and spreadsheet row names its rotation, and the plan has a section for each.'
        ) : (
          'Only the rotations ticked: the calendar file holds their shifts and the drills of the pipelines they answer for.'
        )}
      </p>
    </fieldset>
  );
}
