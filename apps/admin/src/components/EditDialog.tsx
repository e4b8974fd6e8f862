import { useState, type ReactNode } from "react";
import { ConfirmDialog } from "./ConfirmDialog.tsx";
import { Dialog } from "./Dialog.tsx";

interface EditDialogProps {
  title: string;
  onClose: () => void;
  /** The form; it reports whether it holds unsaved changes. */
  children: (setDirty: (dirty: boolean) => void) => ReactNode;
}

/**
 * A dialog around an edit form. Escape is easy to press by accident: with
 * unsaved changes it asks first ("Discard changes?"), and "Keep editing"
 * goes back to the form as it was. The form's own Cancel button is a choice
 * made on purpose, and closes at once.
 */
export function EditDialog({ title, onClose, children }: EditDialogProps) {
  const [dirty, setDirty] = useState(false);
  const [asking, setAsking] = useState(false);

  return (
    <Dialog
      title={title}
      onClose={() => {
        if (dirty) setAsking(true);
        else onClose();
      }}
    >
      {children(setDirty)}
      {asking && (
        <ConfirmDialog
          title="Discard your changes?"
          confirmLabel="Discard changes"
          cancelLabel="Keep editing"
          onConfirm={() => {
            onClose();
            return Promise.resolve(null);
          }}
          onClose={() => setAsking(false)}
        >
          <p>What you typed in this form has not been saved.</p>
        </ConfirmDialog>
      )}
    </Dialog>
  );
}
