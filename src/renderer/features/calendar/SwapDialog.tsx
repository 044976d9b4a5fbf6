import { useEffect, useState } from 'react';
import type { ScheduleOperation } from '../../../shared/ipc/schemas';
import type { Engineer, Id } from '../../../shared/model';
import type { EditPreview } from '../../../shared/views';
import { Dialog } from '../../components/Dialog';
import { EngineerName } from '../../components/EngineerName';
import { formatMoment } from '../../components/format';
import { useStore } from '../../store';
import { FairnessCompare } from './FairnessCompare';

/**
 * Confirms an edit that needs a look first (a swap): what changes, and fairness before and
 * after, from the main process's preview. `onClose(true)` once saved.
 */
export function PreviewDialog({
  title,
  operation,
  engineers,
  timeZone,
  onClose,
}: {
  title: string;
  operation: ScheduleOperation;
  engineers: Map<Id, Engineer>;
  timeZone: string;
  onClose: (saved: boolean) => void;
}) {
  const previewEdit = useStore((s) => s.previewEdit);
  const applyEdit = useStore((s) => s.applyEdit);
  const [preview, setPreview] = useState<EditPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    void previewEdit(operation).then((result) => {
      if (!live) return;
      if (result.ok) setPreview(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [previewEdit, operation]);

  const confirm = async () => {
    setSaving(true);
    const saved = await applyEdit(operation);
    setSaving(false);
    onClose(saved);
  };

  const primaries = preview?.change.add.filter((o) => o.role === 'primary') ?? [];
  const backups = preview?.change.add.filter((o) => o.role === 'secondary') ?? [];
  return (
    <Dialog
      title={title}
      onClose={() => onClose(false)}
      wide
      testId="preview-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => onClose(false)}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void confirm()}
            disabled={!preview || saving}
            data-autofocus
          >
            {saving ? 'Saving…' : 'Confirm'}
          </button>
        </>
      }
    >
      {error && (
        <p className="inline-error" role="alert">
          This cannot be done: {error}
        </p>
      )}
      {!preview && !error && <p className="muted">Working out what changes…</p>}
      {preview && (
        <>
          <ul className="change-list">
            {primaries.map((o, i) => (
              <li key={`p${i}`}>
                <EngineerName id={o.engineerId} engineers={engineers} /> takes primary from{' '}
                <strong>{formatMoment(o.startsAt, timeZone)}</strong> to{' '}
                <strong>{formatMoment(o.endsAt, timeZone)}</strong>
              </li>
            ))}
            {backups.map((o, i) => (
              <li key={`s${i}`} className="muted">
                <EngineerName id={o.engineerId} engineers={engineers} /> backs up from{' '}
                {formatMoment(o.startsAt, timeZone)} to {formatMoment(o.endsAt, timeZone)}
              </li>
            ))}
          </ul>
          <FairnessCompare
            before={preview.fairness.before}
            after={preview.fairness.after}
            engineers={engineers}
            caption={`Fairness over ${preview.fairness.before.period.label ?? `${preview.fairness.before.period.startDate} to ${preview.fairness.before.period.endDate}`}: burden, and difference from fair share (positive: carries more than their share)`}
          />
        </>
      )}
    </Dialog>
  );
}
