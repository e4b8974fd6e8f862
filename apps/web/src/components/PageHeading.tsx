import { useLayoutEffect, useRef, type ReactNode } from "react";

/**
 * A page's <h1>. It can take the focus (tabIndex -1) so that after a
 * navigation the layout moves focus here, where a page load would have put a
 * screen reader: the new page is announced and Tab continues from its top.
 *
 * `reclaimFocus`: a heading that replaces another (the order page's "Your
 * order" while loading, then "Order confirmed") takes the focus if it was
 * left on nothing, so arriving at a page never drops the focus to <body>.
 */
export function PageHeading({
  children,
  id,
  reclaimFocus = false,
}: {
  children: ReactNode;
  id?: string;
  reclaimFocus?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (!reclaimFocus) return;
    const active = document.activeElement;
    if (active === null || active === document.body) ref.current?.focus();
  }, [reclaimFocus]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading" id={id}>
      {children}
    </h1>
  );
}
