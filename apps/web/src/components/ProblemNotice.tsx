import type { Problem } from "../graphql/errors.ts";

/** A failure said plainly, with a way to try again when that may help. */
export function ProblemNotice({ problem, onRetry }: { problem: Problem; onRetry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>{problem.message}</p>
      {problem.retryable && onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
