import type { ReactNode } from 'react';
import { Dialog } from './Dialog';

/**
 * A question before something that cannot simply be taken back (a delete, a discard): the safe
 * answer comes first and has the focus, so Enter or Escape keeps things as they are.
 */
export function ConfirmDialog({
  title,
  keepLabel,
  actLabel,
  onKeep,
  onAct,
  children,
}: {
  title: string;
  keepLabel: string;
  actLabel: string;
  onKeep: () => void;
  onAct: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog
      title={title}
      onClose={onKeep}
      footer={
        <>
          <button type="button" className="button" onClick={onKeep} data-autofocus>
            {keepLabel}
          </button>
          <button type="button" className="button button--danger" onClick={onAct}>
            {actLabel}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
