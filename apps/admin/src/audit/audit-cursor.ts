/**
 * Where a page of the audit log starts, as the URL keeps it: the last entry
 * of the page before, its time and id (the gateway pages by both:
 * `auditLog(before, beforeId)`), written `<at>~<id>`.
 */
export interface AuditCursor {
  at: string;
  id: string;
}

/** The cursor of the page that starts after this entry. */
export const auditCursorOf = (entry: AuditCursor): string => `${entry.at}~${entry.id}`;

/** The cursor a URL's `after` holds; null when absent or unreadable (the newest entries then). */
export function readAuditCursor(value: string | undefined): AuditCursor | null {
  const match = value === undefined ? null : /^([^~]+)~([^~]+)$/.exec(value);
  if (!match?.[1] || !match[2] || Number.isNaN(Date.parse(match[1]))) return null;
  return { at: match[1], id: match[2] };
}
