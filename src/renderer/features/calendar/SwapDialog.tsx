import { memo, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { afterNextPaint } from '../../afterNextPaint';
import type { ScheduleOperation } from '../../../shared/ipc/schemas';
import type { Engineer, Id } from '../../../shared/model';
import type { EditPreview } from '../../../shared/views';
import { Dialog } from '../../components/Dialog';
import { EngineerName } from '../../components/EngineerName';
import { formatMoment } from '../../components/format';
import { useStore } from '../../store';
import { FairnessCompare } from './FairnessCompare';

/** How long a save may take before Confirm says "Saving…". */
const SHOW_SAVING_AFTER_MS = 150;

/**
 * Confirms an edit that needs a look first (a swap, a cover): what changes, and fairness before
 * and after, from the main process's preview. Once the preview is on screen, the calendar behind
 * it draws the edit ahead (proposeEdit), taken back if it is not confirmed. `onClose(true)` once
 * saved.
 */
export function PreviewDialog({
  title,
  operation,
  engineers,
  timeZone,
  onClose,
  takeBackDrag,
}: {
  title: string;
  operation: ScheduleOperation;
  engineers: Map<Id, Engineer>;
  timeZone: string;
  onClose: (saved: boolean) => void;
  /** What the drop moved by itself (FullCalendar's own move of a dragged shift), taken back before the edit is drawn. */
  takeBackDrag?: () => void;
}) {
  const previewEdit = useStore((s) => s.previewEdit);
  const proposeEdit = useStore((s) => s.proposeEdit);
  const withdrawProposal = useStore((s) => s.withdrawProposal);
  const applyEdit = useStore((s) => s.applyEdit);
  const [preview, setPreview] = useState<EditPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const confirmed = useRef(false);
  const slowSave = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(slowSave.current), []);

  useEffect(() => {
    let live = true;
    void previewEdit(operation).then((result) => {
      if (!live) return;
      if (!result.ok) return setError(result.error.message);
      setPreview(result.value);
      // The preview first; the calendar behind it in the frames after, while it is read.
      afterNextPaint(() => {
        if (live && !confirmed.current) proposeEdit(operation, takeBackDrag);
      });
    });
    return () => {
      live = false;
      // Not confirmed (or refused): the calendar shows what is saved. After a save there is nothing to take back.
      withdrawProposal();
    };
  }, [previewEdit, proposeEdit, withdrawProposal, operation, takeBackDrag]);

  const confirm = async () => {
    if (confirmed.current) return;
    confirmed.current = true;
    // "Saving…" only if the save is slow: a quick one shows the edit saved as the next thing on
    // screen, with no frame in between (which drew the whole page again, behind the dialog,
    // while the answer waited).
    slowSave.current = setTimeout(() => setSaving(true), SHOW_SAVING_AFTER_MS);
    // Drawn now if the preview's frame has not come yet.
    proposeEdit(operation, takeBackDrag);
    const saved = await applyEdit(operation);
    clearTimeout(slowSave.current);
    // Closed in the frame that shows the edit saved: after an await React would otherwise close
    // it in a task of its own, one frame later than the calendar and its "Saved" line.
    flushSync(() => {
      setSaving(false);
      onClose(saved);
    });
  };

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
      {preview && <PreviewBody preview={preview} engineers={engineers} timeZone={timeZone} />}
    </Dialog>
  );
}

/**
 * What changes and the fairness table, one row per engineer: drawn once per preview, not again
 * when Confirm is pressed or the calendar beneath redraws the saved edit (at 200 engineers that
 * redraw of the table cost more than the edit).
 */
const PreviewBody = memo(function PreviewBody({
  preview,
  engineers,
  timeZone,
}: {
  preview: EditPreview;
  engineers: Map<Id, Engineer>;
  timeZone: string;
}) {
  const primaries = preview.change.add.filter((o) => o.role === 'primary');
  const backups = preview.change.add.filter((o) => o.role === 'secondary');
  const { before, after } = preview.fairness;
  return (
    <>
      <ul className="change-list">
        {primaries.map((o, i) => (
          <li key={`p${i}`}>
            <EngineerName id={o.engineerId} engineers={engineers} /> takes primary from{' '}
            <strong>{formatMoment(o.startsAt, timeZone)}</strong> to <strong>{formatMoment(o.endsAt, timeZone)}</strong>
          </li>
        ))}
        {backups.map((o, i) => (
          <li key={`s${i}`} className="muted">
            <EngineerName id={o.engineerId} engineers={engineers} /> backs up from {formatMoment(o.startsAt, timeZone)}{' '}
            to {formatMoment(o.endsAt, timeZone)}
          </li>
        ))}
      </ul>
      <FairnessCompare
        before={before}
        after={after}
        engineers={engineers}
        caption={`Fairness over ${before.period.label ?? `${before.period.startDate} to ${before.period.endDate}`}: burden, and difference from fair share (positive: carries more than their share)`}
      />
    </>
  );
});
