import type { ReactNode } from "react";

/**
 * A page's <h1>. It can take the focus (tabIndex -1) so that after a
 * navigation the layout moves focus here, where a page load would have put a
 * screen reader: the new page is announced and Tab continues from its top.
 */
export function PageHeading({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <h1 tabIndex={-1} className="page-heading" id={id}>
      {children}
    </h1>
  );
}
