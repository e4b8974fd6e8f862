/** The tab's title for the page showing: React 19 hoists a <title> into <head>. */
export function PageTitle({ children }: { children: string }) {
  return <title>{`${children} · Shop`}</title>;
}
