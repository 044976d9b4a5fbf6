import { useMemo, useState } from 'react';
import { ErrorNotice } from '../../components/Notice';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useChannel } from '../../query/client';
import { useAppInfo } from '../../query/app-info';
import { BackupCard, CsvCard, IcsCard, PeriodPicker, type Range } from './ExportCards';
import { hostOf } from '../../api/files';
import { ImportPanel } from './ImportPanel';
import { PlanCard } from './PlanCard';
import { RotationPicker, rotationChoice } from './RotationPicker';
import type { Id } from '../../../shared/model';
import './export.css';

/** Calendar files, spreadsheets, the plan and backups out; engineers, holidays and backups in. */
export function ExportScreen() {
  const { data: catalog, reload: loadExportCatalog, ...state } = useChannel('export:list', {});
  const appInfo = useAppInfo();
  const [range, setRange] = useState<Range | null>(null);
  const [chosenRotations, setChosenRotations] = useState<Id[] | null>(null);
  // One object per choice, so a card's effects run when the choice changes, not on every render.
  const rotations = useMemo(() => rotationChoice(chosenRotations), [chosenRotations]);

  // The period starts as the catalog's current quarter, once it is known.
  const period = range ?? (catalog ? { from: catalog.defaultRange.from, to: catalog.defaultRange.to } : null);
  const desktop = hostOf(appInfo) === 'electron';

  return (
    <section className="screen screen--export" aria-labelledby="screen-title">
      <ScreenHeader
        title="Export & import"
        subtitle={
          desktop
            ? 'Share the schedule and the plan, keep a backup, bring in engineers and holidays. You choose where each file is saved.'
            : 'Share the schedule and the plan, keep a backup, bring in engineers and holidays. Files go to your browser’s downloads.'
        }
      />
      {state.status === 'error' && !catalog && (
        <ErrorNotice
          message={`What can be exported could not be loaded: ${state.error}`}
          onRetry={() => void loadExportCatalog()}
        />
      )}
      {!catalog && state.status !== 'error' && <p className="muted">Loading…</p>}
      {catalog && period && (
        <>
          <h2 className="export-heading">Export</h2>
          <PeriodPicker range={period} catalog={catalog} onChange={setRange} />
          <RotationPicker catalog={catalog} chosen={chosenRotations} onChange={setChosenRotations} />
          <div className="export-grid">
            <IcsCard catalog={catalog} range={period} rotations={rotations} />
            <CsvCard catalog={catalog} range={period} rotations={rotations} />
            <PlanCard catalog={catalog} rotations={rotations} />
            <BackupCard />
          </div>
          <h2 id="import-title" className="export-heading">
            Import
          </h2>
          <ImportPanel catalog={catalog} />
        </>
      )}
    </section>
  );
}
