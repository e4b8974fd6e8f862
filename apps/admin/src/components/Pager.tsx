/**
 * Previous / Page N / Next under a list that pages forward with cursors kept
 * in the URL (the Orders, Products and Audit log pages): shown once there is
 * a page before or after this one.
 */
export function Pager({
  label,
  pageNumber,
  next,
  onPrevious,
  onNext,
  previousText = "← Previous",
  nextText = "Next →",
}: {
  /** What the navigation is named, e.g. "Pages of orders". */
  label: string;
  pageNumber: number;
  /** Whether there is a page after this one. */
  next: boolean;
  onPrevious: () => void;
  onNext: () => void;
  previousText?: string;
  nextText?: string;
}) {
  if (pageNumber === 1 && !next) return null;
  return (
    <nav className="pager" aria-label={label}>
      {/* aria-disabled, not disabled: Next on the last page keeps the focus it was given. */}
      <button
        type="button"
        className="button"
        aria-disabled={pageNumber === 1}
        onClick={() => pageNumber > 1 && onPrevious()}
      >
        {previousText}
      </button>
      <span className="pager-label">Page {pageNumber}</span>
      <button type="button" className="button" aria-disabled={!next} onClick={() => next && onNext()}>
        {nextText}
      </button>
    </nav>
  );
}
