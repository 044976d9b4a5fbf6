/**
 * The footer of a dialog that saves a form: a way out that discards (locked while saving) and
 * the save button, which says 'Saving…' meanwhile and is off while the form has a problem.
 */
export function SaveFooter({
  saving,
  onCancel,
  onSave,
  saveLabel,
  cancelLabel = 'Close without saving',
  blocked = false,
}: {
  saving: boolean;
  onCancel: () => void;
  onSave: () => unknown;
  saveLabel: string;
  cancelLabel?: string;
  /** The form is not ready to save (a required field is empty, a rule is broken). */
  blocked?: boolean;
}) {
  return (
    <>
      <button type="button" className="button" onClick={onCancel} disabled={saving}>
        {cancelLabel}
      </button>
      <button
        type="button"
        className="button button--primary"
        onClick={() => void onSave()}
        disabled={saving || blocked}
      >
        {saving ? 'Saving…' : saveLabel}
      </button>
    </>
  );
}
