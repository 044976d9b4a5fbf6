import { useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';

interface FieldParts {
  /** The control's id; made up when not given. */
  id?: string;
  label: ReactNode;
  /** A line under the control saying what the value is for; the control is described by it. */
  hint?: ReactNode;
  /** What is wrong with the value, shown under the control, which is then marked invalid and described by it. */
  error?: string | null;
  /** Marks the control invalid when the message that explains why stands elsewhere (one message for two fields). */
  invalid?: boolean;
}

/** What a field gives its control, so the label, hint and error are tied to it. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A form field: its label, the control, a hint and an error message under it. The control
 * is drawn by `children`, which gets the id and the aria attributes to spread on it; for the
 * usual cases use InputField, SelectField or TextAreaField.
 */
export function Field({
  id,
  label,
  hint,
  error,
  invalid = false,
  className,
  children,
}: FieldParts & { className?: string; children: (control: ControlProps) => ReactNode }) {
  const madeUp = useId();
  const controlId = id ?? madeUp;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <label className="field__label" htmlFor={controlId}>
        {label}
      </label>
      {children({
        id: controlId,
        'aria-invalid': error || invalid ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint && (
        <p id={hintId} className="form__hint muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="inline-error field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The control's own props, less the ones the field sets; `className` is added to "input". */
type ControlOf<T extends 'input' | 'select' | 'textarea'> = FieldParts &
  Omit<ComponentPropsWithoutRef<T>, 'id' | 'aria-invalid' | 'aria-describedby'>;

const inputClass = (extra: string | undefined) => (extra ? `input ${extra}` : 'input');

export function InputField({ id, label, hint, error, invalid, className, ...input }: ControlOf<'input'>) {
  return (
    <Field id={id} label={label} hint={hint} error={error} invalid={invalid}>
      {(control) => <input {...input} {...control} className={inputClass(className)} />}
    </Field>
  );
}

export function SelectField({ id, label, hint, error, invalid, className, ...select }: ControlOf<'select'>) {
  return (
    <Field id={id} label={label} hint={hint} error={error} invalid={invalid}>
      {(control) => <select {...select} {...control} className={inputClass(className)} />}
    </Field>
  );
}

export function TextAreaField({ id, label, hint, error, invalid, className, ...textarea }: ControlOf<'textarea'>) {
  return (
    <Field id={id} label={label} hint={hint} error={error} invalid={invalid}>
      {(control) => <textarea {...textarea} {...control} className={inputClass(className)} />}
    </Field>
  );
}

/** One <option> for each value, showing its label: the choices of a SelectField over a fixed list. */
export function optionsOf<T extends string | number>(values: readonly T[], label: (value: T) => ReactNode) {
  return values.map((value) => (
    <option key={value} value={value}>
      {label(value)}
    </option>
  ));
}

/**
 * The form's own line under its fields: a refusal from the main process, announced as an
 * alert, or (with `alert` false) a problem that keeps Save disabled. Always in the layout,
 * so the dialog does not jump when a message comes.
 */
export function FormMessage({ message, alert = Boolean(message) }: { message: string | null; alert?: boolean }) {
  return (
    <p className="inline-error dialog__message" role={alert ? 'alert' : undefined}>
      {message ?? ''}
    </p>
  );
}
