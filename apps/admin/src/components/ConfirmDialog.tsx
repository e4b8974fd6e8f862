import { useState, type ReactNode } from "react";
import { Dialog } from "./Dialog.tsx";

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The confirm button's label while the work is under way. */
  busyLabel?: string;
  /** The button that backs out; the safe choice, so it gets the focus. */
  cancelLabel?: string;
  /** "danger" for what takes something away (archive, cancel); "primary" for a charge. */
  tone?: "danger" | "primary";
  /** Does the work; answers a message when it failed (the dialog stays, showing it) or null. */
  onConfirm: () => Promise<string | null>;
  onClose: () => void;
}

/** "Are you sure?" for an action that is not undone lightly: archive a product, cancel an order, charge one. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busyLabel = "Working…",
  cancelLabel = "Keep it",
  tone = "danger",
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
        <button type="button" className={`button ${tone}`} onClick={() => void confirm()} disabled={busy}>
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
