import { useQuery } from "urql";
import { PageTitle } from "../components/PageTitle.tsx";
import { Pager } from "../components/Pager.tsx";
import { QueryProblem } from "../components/QueryProblem.tsx";
import { formatDateTime } from "../format.ts";
import { AuditLogQuery } from "../graphql/operations.ts";
import type { AuditLogQuery as AuditLogData } from "../gql/graphql.ts";
import { hrefWithTrail, Link, navigate, paths, readTrail, useSearch } from "../router.tsx";
import { actionWords } from "./action-words.ts";
import { auditCursorOf, readAuditCursor } from "./audit-cursor.ts";

export const AUDIT_PAGE_SIZE = 50;

/**
 * Owners only: every admin action, newest first: when, who (a person's
 * email, or the admin token for scripts), what (in words, and by the action's
 * own name), on what (an order by its number, linking to it; a product by its
 * name; a person by their email; each with its id), and the request id
 * to find it in the logs. A page at a time; the page lives in the URL, as the
 * Orders page's does (`/audit?after=…&after=…`, the trail of cursors that led
 * here), so a reload, a shared link and Back keep it.
 */
export function AuditPage() {
  const trail = readTrail(new URLSearchParams(useSearch()));
  // An unreadable cursor (an edited address) shows the newest entries.
  const before = readAuditCursor(trail.at(-1));
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AuditLogQuery,
    variables: { before: before?.at ?? null, beforeId: before?.id ?? null, limit: AUDIT_PAGE_SIZE },
  });
  const entries = data?.auditLog ?? [];
  const last = entries.at(-1);
  const next = entries.length === AUDIT_PAGE_SIZE && last ? auditCursorOf(last) : null;
  const reload = () => refetch({ requestPolicy: "network-only" });
  const go = (to: readonly string[]) => navigate(hrefWithTrail(paths.audit, new URLSearchParams(), to));
  const pageNumber = trail.length + 1;

  return (
    <section aria-labelledby="audit-title">
      <PageTitle>{pageNumber > 1 ? `Audit log, page ${pageNumber}` : "Audit log"}</PageTitle>
      <header className="page-header">
        <div>
          <h1 id="audit-title">Audit log</h1>
          <p className="page-subtitle">
            Every admin action, newest first: who did it, when, what, and on what.
          </p>
        </div>
        <button type="button" className="button" onClick={() => (trail.length > 0 ? go([]) : reload())}>
          Show newest
        </button>
      </header>

      {error && <QueryProblem error={error} onRetry={reload} />}
      {!data && fetching && <p className="loading">Loading the audit log…</p>}
      {data && entries.length === 0 && (
        <div className="empty card">
          <p>{trail.length > 0 ? "No older entries." : "No admin actions yet."}</p>
        </div>
      )}
      {entries.length > 0 && (
        <div className="table-wrap card" aria-busy={fetching}>
          <table className="table table-cards">
            <caption className="visually-hidden">Admin actions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">On</th>
                <th scope="col">Request id</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row" className="nowrap" data-label="When">
                    {formatDateTime(entry.at)}
                  </th>
                  <td data-label="Who">
                    {entry.actorKind === "machine" ? "Admin token (script)" : entry.actor}
                  </td>
                  <td data-label="What">
                    <ActionCell action={entry.action} />
                  </td>
                  <td data-label="On">
                    <TargetCell entry={entry} />
                  </td>
                  <td className="cell-mono" data-label="Request id">
                    {entry.requestId}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label="Pages of the audit log"
        pageNumber={pageNumber}
        next={next !== null}
        onPrevious={() => go(trail.slice(0, -1))}
        onNext={() => next && !fetching && go([...trail, next])}
        previousText="← Newer"
        nextText="Older →"
      />
    </section>
  );
}

/** What an entry did, in words, with the action's own name beneath (what the logs and scripts call it). */
function ActionCell({ action }: { action: string }) {
  const words = actionWords(action);
  if (words === undefined) return <code>{action}</code>;
  return (
    <>
      {words} <code className="audit-action">{action}</code>
    </>
  );
}

type AuditEntry = AuditLogData["auditLog"][number];

/**
 * What an entry acted on, as an owner knows it (an order by its number, a
 * product by its name, a person by their email), with its id beneath, as the
 * logs name it. An order links to its page. What cannot be named (gone, or
 * its service not answering) shows its id alone.
 */
function TargetCell({ entry }: { entry: Pick<AuditEntry, "target" | "targetKind" | "targetName"> }) {
  const { target, targetKind, targetName } = entry;
  if (!target) return <>—</>;
  const id = <code className="audit-target-id">{target}</code>;
  if (targetKind === "ORDER") {
    return (
      <>
        <Link to={paths.order(target)} aria-label={`Order ${targetName ?? target}`}>
          {targetName ? `Order ${targetName}` : "Order"}
        </Link>
        {id}
      </>
    );
  }
  if (!targetName) return <code className="cell-mono">{target}</code>;
  return (
    <>
      {targetName}
      {id}
    </>
  );
}
