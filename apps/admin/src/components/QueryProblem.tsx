import type { CombinedError } from "@urql/core";
import { describeError } from "../graphql/client.ts";

/** A read that failed: what went wrong and a way to try again. */
export function QueryProblem({ error, onRetry }: { error: CombinedError; onRetry: () => void }) {
  return (
    <div role="alert" className="problem card">
      <p>{describeError(error)}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
