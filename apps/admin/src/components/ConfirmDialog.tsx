import { useState, type ReactNode } from "react";
import { Dialog } from "./Dialog.tsx";

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The button that backs out; the safe choice, so it gets the focus. */
  cancelLabel?: string;
  /** Does the work; answers a message when it failed (the dialog stays, showing it) or null. */
  onConfirm: () => Promise<string | null>;
  onClose: () => void;
}

/** "Are you sure?" for an action that cannot be undone: archive a product, cancel an order. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel = "Keep it",
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setProblem(null);
    const failure = await onConfirm();
    // On success the caller closes (unmounts) the dialog; on failure it stays, saying why.
    if (failure !== null) {
      setProblem(failure);
      setBusy(false);
    }
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <div className="dialog-body">{children}</div>
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {cancelLabel}
        </button>
        <button type="button" className="button danger" onClick={() => void confirm()} disabled={busy}>
          {busy ? "Working…" : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
