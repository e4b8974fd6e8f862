import { useId, useLayoutEffect, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";

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
 *
 * It is portalled to <body>: opened from a table row, it would otherwise sit
 * inside a cell and inherit its no-wrap, right-aligned text (and, on a phone,
 * the scrolled table's offset). React events still reach the opener's tree.
 */
export function Dialog({ title, onClose, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const unmounting = useRef(false);
  const titleId = useId();

  // Layout effects: open before paint, and close while still in the document,
  // so the browser can hand focus back to the button that opened the dialog.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    unmounting.current = false;
    if (!dialog.open) dialog.showModal();
    return () => {
      unmounting.current = true;
      dialog.close();
    };
  }, []);

  return createPortal(
    <dialog
      ref={ref}
      className={["dialog", className].filter(Boolean).join(" ")}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault(); // React decides when it closes: by unmounting it.
        onClose();
      }}
      onClose={(event) => {
        // Chromium may close a modal on Escape without a cancel event (no user activation since
        // the last one): open it again and decide as for a cancel, so an unsaved form still asks.
        if (unmounting.current) return;
        event.currentTarget.showModal();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>,
    document.body,
  );
}
