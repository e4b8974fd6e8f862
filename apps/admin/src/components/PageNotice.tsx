import { useCallback, useEffect, useRef, useState } from "react";

/**
 * What a page says after a write went through ("Captured $25.00 for order
 * 6f1c2a9e."): a polite live region, always in the page so screen readers
 * hear each new message. `announce(message, { focus: true })` also moves the
 * focus to it, for writes whose own button is gone afterwards (Capture,
 * Cancel, Archive, Restore): the focus lands on what happened, not on <body>.
 */
export function usePageNotice() {
  const [notice, setNotice] = useState<{ message: string; focus: boolean; n: number } | null>(null);
  const ref = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (notice?.focus) ref.current?.focus();
  }, [notice]);

  const announce = useCallback((message: string, { focus = false }: { focus?: boolean } = {}) => {
    setNotice((prev) => ({ message, focus, n: (prev?.n ?? 0) + 1 }));
  }, []);

  const element = (
    <p ref={ref} role="status" tabIndex={-1} className={notice ? "notice" : "visually-hidden"}>
      {notice?.message}
    </p>
  );
  return { element, announce };
}
