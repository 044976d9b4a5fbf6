import { useState, type ReactNode } from 'react';
import type { Engineer, Id, Override, Segment } from '../../../shared/model';
import { OVERRIDE_KIND_LABELS, REASON_NOT_RECORDED } from '../../../shared/domain/override-kinds';
import { Dialog } from '../../components/Dialog';
import { EngineerName } from '../../components/EngineerName';
import { formatMoment } from '../../components/format';
import { useStore } from '../../store';

/** Who holds a shift and when, as every shift-details dialog lists it (inside its `<dl>`). */
export function ShiftFacts({
  segment,
  engineers,
  timeZone,
}: {
  segment: Segment;
  engineers: Map<Id, Engineer>;
  timeZone: string;
}) {
  return (
    <>
      <dt>Primary</dt>
      <dd>
        <EngineerName id={segment.primaryId} engineers={engineers} nobody="Nobody (gap)" />
      </dd>
      <dt>Backup</dt>
      <dd>
        <EngineerName id={segment.secondaryId} engineers={engineers} />
      </dd>
      <dt>From</dt>
      <dd>{formatMoment(segment.startsAt, timeZone)}</dd>
      <dt>To</dt>
      <dd>{formatMoment(segment.endsAt, timeZone)}</dd>
    </>
  );
}

/** A segment's details: who, from, to, and why; each override's reason editable, or the override removed. */
export function EventDialog({
  segment,
  overrides,
  engineers,
  timeZone,
  onClose,
  children,
}: {
  segment: Segment;
  overrides: Override[];
  engineers: Map<Id, Engineer>;
  timeZone: string;
  onClose: () => void;
  /** What can be done with the shift from here (the keyboard swap). */
  children?: ReactNode;
}) {
  return (
    <Dialog
      title="Shift details"
      onClose={onClose}
      testId="event-dialog"
      footer={
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Close
        </button>
      }
    >
      <dl className="details">
        <ShiftFacts segment={segment} engineers={engineers} timeZone={timeZone} />
        <dt>Why</dt>
        <dd>
          {overrides.length === 0
            ? `The rotation’s order (shift ${segment.shiftIndex + 1}). Drag it onto another week, or choose the week below, to swap the two.`
            : `Changed by ${overrides.length === 1 ? 'an override' : `${overrides.length} overrides`}:`}
        </dd>
      </dl>
      {children}
      {overrides.map((o) => (
        <OverrideEditor key={o.id} override={o} engineers={engineers} timeZone={timeZone} onRemoved={onClose} />
      ))}
    </Dialog>
  );
}

function OverrideEditor({
  override,
  engineers,
  timeZone,
  onRemoved,
}: {
  override: Override;
  engineers: Map<Id, Engineer>;
  timeZone: string;
  onRemoved: () => void;
}) {
  const setOverrideReason = useStore((s) => s.setOverrideReason);
  const applyEdit = useStore((s) => s.applyEdit);
  const [reason, setReason] = useState(override.reason);
  const [busy, setBusy] = useState(false);
  const fieldId = `reason-${override.id}`;
  return (
    <section className="override" aria-label={`${OVERRIDE_KIND_LABELS[override.kind]} override`}>
      <p className="override__head">
        <span className={`kind kind--${override.kind}`}>{OVERRIDE_KIND_LABELS[override.kind]}</span>{' '}
        <EngineerName id={override.engineerId} engineers={engineers} /> as {override.role},{' '}
        {formatMoment(override.startsAt, timeZone)} – {formatMoment(override.endsAt, timeZone)}
        {override.twinId !== null && <span className="muted"> (one half of a swap)</span>}
      </p>
      <label htmlFor={fieldId} className="field__label">
        Reason
      </label>
      <textarea
        id={fieldId}
        className="input"
        value={reason}
        placeholder={REASON_NOT_RECORDED}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
      />
      <div className="override__actions">
        <button
          type="button"
          className="button"
          disabled={busy || reason === override.reason}
          onClick={() => {
            setBusy(true);
            void setOverrideReason(override.id, reason).finally(() => setBusy(false));
          }}
        >
          Save reason
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void applyEdit({ op: 'remove', overrideId: override.id }).then((saved) => {
              setBusy(false);
              if (saved) onRemoved();
            });
          }}
        >
          {override.twinId !== null ? 'Remove the swap' : 'Remove override'}
        </button>
      </div>
    </section>
  );
}
