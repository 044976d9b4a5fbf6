import { useState } from 'react';
import { ownershipError } from '../../../shared/domain/ownership';
import type { Engineer, Id } from '../../../shared/model';
import type { MatrixRow } from '../../../shared/operations-views';
import { Dialog } from '../../components/Dialog';
import { SaveFooter } from '../../components/SaveFooter';
import { FormMessage, SelectField, TextAreaField } from '../../components/Field';
import { useStore } from '../../store';

/** The matrix's way to change a pipeline's owners and the reason for them. */
export function OwnersDialog({
  row,
  engineers,
  engineersById,
  onClose,
}: {
  row: MatrixRow;
  engineers: Engineer[];
  engineersById: Map<Id, Engineer>;
  onClose: () => void;
}) {
  const saveOwnership = useStore((s) => s.saveOwnership);
  const saving = useStore((s) => s.saving[row.pipeline.id] ?? false);
  const saveError = useStore((s) => s.saveErrors[row.pipeline.id] ?? null);
  const [primaryId, setPrimaryId] = useState<Id | null>(row.ownership?.primaryEngineerId ?? null);
  const [secondaryId, setSecondaryId] = useState<Id | null>(row.ownership?.secondaryEngineerId ?? null);
  const [reason, setReason] = useState(row.ownership?.reason ?? '');
  // The rule the main process enforces, in its words, before anything is sent.
  const problem = ownershipError(primaryId, secondaryId, engineersById);
  const message = problem ?? saveError;

  const save = async () => {
    if (problem || saving) return;
    const saved = await saveOwnership({
      pipelineId: row.pipeline.id,
      primaryEngineerId: primaryId,
      secondaryEngineerId: secondaryId,
      reason,
    });
    if (saved) onClose();
  };

  const options = (value: Id | null) =>
    engineers
      .filter((e) => e.active || e.id === value)
      .map((e) => (
        <option key={e.id} value={e.id}>
          {e.active ? e.name : `${e.name} (left the team)`}
        </option>
      ));

  return (
    <Dialog
      title={`Owners of ${row.pipeline.name}`}
      onClose={onClose}
      testId="owners-dialog"
      footer={
        <SaveFooter
          saving={saving}
          onCancel={onClose}
          onSave={save}
          saveLabel="Save owners"
          blocked={problem !== null}
        />
      }
    >
      <div className="form">
        <div className="form__row">
          <SelectField
            id="owners-primary"
            label="Primary owner"
            data-autofocus
            value={primaryId ?? ''}
            invalid={problem !== null}
            onChange={(e) => setPrimaryId(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">— Nobody —</option>
            {options(primaryId)}
          </SelectField>
          <SelectField
            id="owners-secondary"
            label="Secondary owner"
            value={secondaryId ?? ''}
            invalid={problem !== null}
            onChange={(e) => setSecondaryId(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">— Nobody —</option>
            {options(secondaryId)}
          </SelectField>
        </div>
        <TextAreaField
          id="owners-reason"
          label="Why these two"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <FormMessage message={message} />
      </div>
    </Dialog>
  );
}
