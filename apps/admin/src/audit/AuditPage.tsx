import { useState } from "react";
import { useQuery } from "urql";
import { PageTitle } from "../components/PageTitle.tsx";
import { QueryProblem } from "../components/QueryProblem.tsx";
import { formatDateTime } from "../format.ts";
import { AuditLogQuery } from "../graphql/operations.ts";
import type { AuditLogQuery as AuditLogResult } from "../gql/graphql.ts";
import { Link, paths } from "../router.tsx";
import { actionWords, actsOnAnOrder } from "./action-words.ts";

export const AUDIT_PAGE_SIZE = 50;
type Entry = AuditLogResult["auditLog"][number];

/**
 * Owners only: every admin action, newest first: when, who (a person's
 * email, or the admin token for scripts), what (in words, and by the action's
 * own name), on what (an order links to its page), and the request id
 * to find it in the logs. "Older entries" reads the next page before the
 * last one shown.
 */
export function AuditPage() {
  // The last entry shown: the next page starts just past it.
  const [before, setBefore] = useState<{ at: string; id: string } | null>(null);
  const [shown, setShown] = useState<Entry[]>([]);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AuditLogQuery,
    variables: { before: before?.at ?? null, beforeId: before?.id ?? null, limit: AUDIT_PAGE_SIZE },
  });
  const page = data?.auditLog ?? [];
  // The pages read so far, then this one (a page already kept is not kept twice).
  const entries = [...shown, ...page.filter((e) => !shown.some((s) => s.id === e.id))];
  const more = page.length === AUDIT_PAGE_SIZE;
  const reload = () => refetch({ requestPolicy: "network-only" });

  function older() {
    const last = entries.at(-1);
    if (!last) return;
    setShown(entries);
    setBefore({ at: last.at, id: last.id });
  }

  return (
    <section aria-labelledby="audit-title">
      <PageTitle>Audit log</PageTitle>
      <header className="page-header">
        <div>
          <h1 id="audit-title">Audit log</h1>
          <p className="page-subtitle">Every admin action, newest first: who did it, when, and what.</p>
        </div>
        <button
          type="button"
          className="button"
          onClick={() => {
            setShown([]);
            if (before === null) reload();
            else setBefore(null);
          }}
        >
          Show newest
        </button>
      </header>

      {error && <QueryProblem error={error} onRetry={reload} />}
      {!data && fetching && entries.length === 0 && <p className="loading">Loading the audit log…</p>}
      {data && entries.length === 0 && (
        <div className="empty card">
          <p>No admin actions yet.</p>
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
                  <td className="cell-mono" data-label="On">
                    <TargetCell action={entry.action} target={entry.target ?? null} />
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
      {more && (
        <div className="audit-more">
          <button type="button" className="button" onClick={older} disabled={fetching}>
            {fetching ? "Loading…" : "Older entries"}
          </button>
        </div>
      )}
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

/** What an entry acted on: an order's id links to the order; any other id is shown as it is. */
function TargetCell({ action, target }: { action: string; target: string | null }) {
  if (target === null) return <>—</>;
  if (!actsOnAnOrder(action)) return <>{target}</>;
  return (
    <Link to={paths.order(target)} aria-label={`Order ${target}`}>
      {target}
    </Link>
  );
}
