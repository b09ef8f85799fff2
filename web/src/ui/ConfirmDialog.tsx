import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";

interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  /** The safe answer, when "Annuleren" would say the opposite of what it does. */
  cancelLabel?: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/**
 * A modal question with the browser's own <dialog>: it keeps the focus inside, Escape cancels,
 * and the focus starts on the safe answer. It is placed at the end of the page's body, not
 * where it is asked (a table row that fades while its list reloads), so nothing around it
 * changes how it looks.
 */
export function ConfirmDialog({
  title,
  confirmLabel,
  cancelLabel,
  busy,
  onConfirm,
  onCancel,
  children,
}: ConfirmDialogProps) {
  const t = useWords();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return createPortal(
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      className="dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="dialog-buttons">
        <button type="button" autoFocus onClick={onCancel} disabled={busy}>
          {cancelLabel ?? t(words.cancel)}
        </button>
        <button type="button" className="danger" onClick={onConfirm} aria-disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </dialog>,
    document.body,
  );
}
