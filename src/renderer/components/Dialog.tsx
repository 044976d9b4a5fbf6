import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';

/** The control marked `data-autofocus`, if it can take focus now (a button still disabled cannot). */
const autofocusIn = (box: HTMLElement | null) => {
  const wanted = box?.querySelector<HTMLElement>('[data-autofocus]');
  return wanted && !wanted.hasAttribute('disabled') ? wanted : null;
};

/**
 * A modal dialog: labelled by its title, Escape closes it, focus moves into it on opening
 * and back to where it was on closing, and Tab stays inside. Focus goes to the control marked
 * `data-autofocus`; while that is disabled (Confirm, until a preview is worked out) to the
 * dialog itself, and on to the control once it is enabled, unless the lead has moved it.
 */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  wide = false,
  testId,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    (autofocusIn(box.current) ?? box.current)?.focus();
    return () => before?.focus?.();
  }, []);
  // After every render: the control may have been enabled by it.
  useLayoutEffect(() => {
    if (document.activeElement === box.current) autofocusIn(box.current)?.focus();
  });

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close.current();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    const focusable = [
      ...box.current.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex="0"]'),
    ].filter((el) => !el.hasAttribute('disabled'));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className={wide ? 'dialog dialog--wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <div className="dialog__body">{children}</div>
        {footer && <div className="dialog__footer">{footer}</div>}
      </div>
    </div>
  );
}
