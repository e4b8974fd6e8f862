import { useId, useLayoutEffect, useRef, type ReactNode } from "react";

interface DialogProps {
  title: string;
  /** Escape, or the caller's own Cancel button. */
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

/**
 * A modal over the native <dialog>: the browser traps focus inside it, makes
 * the page behind it inert, closes it on Escape and gives focus back to what
 * opened it. Rendered while open; unmounting closes it.
 */
export function Dialog({ title, onClose, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  // Layout effects: open before paint, and close while still in the document,
  // so the browser can hand focus back to the button that opened the dialog.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => dialog.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={["dialog", className].filter(Boolean).join(" ")}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault(); // React decides when it closes: by unmounting it.
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
