import { useId, useState } from 'react';
import type { ExportCatalog } from '../../../shared/ipc/channels/share';
import type { CsvTable, IcsContent } from '../../../shared/ipc/share-schemas';
import type { IsoDate } from '../../../shared/model';
import { useAppInfo } from '../../query/app-info';
import type { RotationChoice } from './RotationPicker';
import { SaveStatus } from './SaveStatus';
import { useExporter } from './useExporter';

export interface Range {
  from: IsoDate;
  to: IsoDate;
}

/** Why a range cannot be exported, or null. */
export function rangeProblem(range: Range): string | null {
  if (!range.from || !range.to) return 'Give both a first and a last day.';
  if (range.to < range.from) return 'The last day is before the first day.';
  return null;
}

/** The period the calendar file and the dated spreadsheets cover; starts as the current quarter. */
export function PeriodPicker({
  range,
  catalog,
  onChange,
}: {
  range: Range;
  catalog: ExportCatalog;
  onChange: (range: Range) => void;
}) {
  const problem = rangeProblem(range);
  const isDefault = range.from === catalog.defaultRange.from && range.to === catalog.defaultRange.to;
  return (
    <fieldset className="export-period" aria-describedby="export-period-hint">
      <legend className="export-period__legend">Period</legend>
      <label className="inline-field">
        <span className="field__label">From</span>
        <input
          type="date"
          className="input"
          value={range.from}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => onChange({ ...range, from: e.target.value })}
        />
      </label>
      <label className="inline-field">
        <span className="field__label">To (included)</span>
        <input
          type="date"
          className="input"
          value={range.to}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => onChange({ ...range, to: e.target.value })}
        />
      </label>
      <button
        type="button"
        className="button button--quiet"
        disabled={isDefault}
        onClick={() => onChange({ from: catalog.defaultRange.from, to: catalog.defaultRange.to })}
      >
        This quarter ({catalog.defaultRange.label})
      </button>
      <p id="export-period-hint" className="muted export-period__hint">
        {problem ? (
          <span className="inline-error">{problem}</span>
        ) : (
          <>
            For calendar files and the schedule and fairness spreadsheets; dates in the team’s zone, {catalog.timeZone}.
          </>
        )}
      </p>
    </fieldset>
  );
}

const ICS_LABELS: Record<IcsContent, string> = { shifts: 'On-call shifts', holidays: 'Holidays', drills: 'Drills' };

export function IcsCard({
  catalog,
  range,
  rotations,
}: {
  catalog: ExportCatalog;
  range: Range;
  rotations: RotationChoice;
}) {
  const { state, run } = useExporter();
  const [who, setWho] = useState('team');
  const [include, setInclude] = useState<IcsContent[]>(() =>
    catalog.ics.contents.filter((c) => c !== 'shifts' || catalog.ics.hasShifts),
  );
  const whoId = useId();
  const engineers = [...catalog.engineers].sort((a, b) => Number(b.active) - Number(a.active));
  const unavailable = (c: IcsContent): string | null => {
    if (c === 'shifts' && !catalog.ics.hasShifts) return 'no rotation yet: set one up on the Calendar screen';
    if (c === 'holidays' && !catalog.ics.hasHolidays) return 'no holiday calendar yet';
    return null;
  };
  const toggle = (c: IcsContent, on: boolean) =>
    setInclude((now) => catalog.ics.contents.filter((x) => (x === c ? on : now.includes(x))));
  const blocked =
    include.length === 0 ? 'Choose at least one thing to include.' : (rotations.problem ?? rangeProblem(range));

  return (
    <section className="panel export-card" aria-labelledby="export-ics-title">
      <h3 id="export-ics-title" className="export-card__title">
        Calendar file <span className="export-card__ext">.ics</span>
      </h3>
      <p className="muted export-card__about">
        For Google Calendar, Outlook or Apple Calendar. Importing an updated file again updates the events instead of
        duplicating them.
      </p>
      <div className="export-card__fields">
        <div>
          <label className="field__label" htmlFor={whoId}>
            Whose shifts
          </label>
          <select id={whoId} className="input" value={who} onChange={(e) => setWho(e.target.value)}>
            <option value="team">{catalog.rotations.length > 1 ? 'Everyone' : 'The whole team'}</option>
            {engineers.map((e) => (
              <option key={e.id} value={String(e.id)}>
                {e.name}
                {e.active ? '' : ' (inactive)'}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="export-checks">
          <legend className="field__label">Include</legend>
          {catalog.ics.contents.map((c) => {
            const why = unavailable(c);
            return (
              <label key={c} className="export-check">
                <input
                  type="checkbox"
                  checked={include.includes(c)}
                  disabled={why !== null && !include.includes(c)}
                  onChange={(e) => toggle(c, e.target.checked)}
                />
                <span>
                  {ICS_LABELS[c]}
                  {c === 'drills' && <span className="muted"> ({catalog.ics.drillCount} this quarter)</span>}
                  {why && <span className="muted"> — {why}</span>}
                </span>
              </label>
            );
          })}
        </fieldset>
      </div>
      <div className="export-card__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={blocked !== null || state.busy}
          title={blocked ?? undefined}
          onClick={() =>
            void run('export:ics', {
              rotationIds: rotations.ids,
              from: range.from,
              to: range.to,
              include,
              ...(who === 'team' ? {} : { engineerId: Number(who) }),
            })
          }
        >
          Export calendar file
        </button>
        {include.length === 0 && <span className="inline-error">Choose at least one thing to include.</span>}
      </div>
      <SaveStatus state={state} />
    </section>
  );
}

const CSV_LABELS: Record<CsvTable, { label: string; about: string }> = {
  schedule: {
    label: 'Schedule',
    about: 'One row per shift segment: rotation, from, to, primary, secondary, kind, reason.',
  },
  fairness: { label: 'Fairness', about: 'Each engineer’s days, weekend and holiday load and burden over the period.' },
  ownership: { label: 'Ownership', about: 'Every pipeline with its primary and secondary owner and the reason.' },
};

export function CsvCard({
  catalog,
  range,
  rotations,
}: {
  catalog: ExportCatalog;
  range: Range;
  rotations: RotationChoice;
}) {
  const { state, run } = useExporter();
  const [table, setTable] = useState<CsvTable>('schedule');
  const [bom, setBom] = useState(true);
  const dated = table !== 'ownership';
  const noRotation = dated && !catalog.ics.hasShifts;
  const blocked = noRotation
    ? 'There is no rotation yet: set one up on the Calendar screen.'
    : dated
      ? (rotations.problem ?? rangeProblem(range))
      : null;

  return (
    <section className="panel export-card" aria-labelledby="export-csv-title">
      <h3 id="export-csv-title" className="export-card__title">
        Spreadsheet <span className="export-card__ext">.csv</span>
      </h3>
      <div className="segmented" role="group" aria-label="Table">
        {catalog.csv.tables.map((t) => (
          <button key={t} type="button" className="button" aria-pressed={table === t} onClick={() => setTable(t)}>
            {CSV_LABELS[t].label}
          </button>
        ))}
      </div>
      <p className="muted export-card__about">
        {CSV_LABELS[table].about} {dated ? 'Covers the period above.' : 'As it stands today.'}
      </p>
      <label className="export-check">
        <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
        <span>
          Excel-friendly (BOM) <span className="muted">— so Excel reads accented names correctly</span>
        </span>
      </label>
      <div className="export-card__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={blocked !== null || state.busy}
          onClick={() =>
            void run(
              'export:csv',
              dated ? { table, bom, rotationIds: rotations.ids, from: range.from, to: range.to } : { table, bom },
            )
          }
        >
          Export {CSV_LABELS[table].label.toLowerCase()} CSV
        </button>
        {noRotation && <span className="muted">{blocked}</span>}
      </div>
      <SaveStatus state={state} />
    </section>
  );
}

export function BackupCard() {
  const { state, run } = useExporter();
  const schemaVersion = useAppInfo()?.schemaVersion;
  return (
    <section className="panel export-card export-card--backup" aria-labelledby="export-backup-title">
      <h3 id="export-backup-title" className="export-card__title">
        Backup <span className="export-card__ext">.json</span>
      </h3>
      <p className="muted export-card__about">
        The whole database in one file{schemaVersion ? ` (schema version ${schemaVersion})` : ''}, to keep safe or to
        move Watchbill to another machine. Restore it with Import below.
      </p>
      <div className="export-card__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={state.busy}
          onClick={() => void run('export:backup', {})}
        >
          Export backup
        </button>
      </div>
      <SaveStatus state={state} />
    </section>
  );
}
