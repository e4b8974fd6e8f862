import { useState, type FormEvent } from "react";
import { Field } from "./components/Field.tsx";
import { PageTitle } from "./components/PageTitle.tsx";

interface SignInProps {
  /** Checks the token with the gateway: null when it is accepted, else what to tell the admin. */
  onSignIn: (token: string) => Promise<string | null>;
  /** Why the admin is here again (the session ended), if that is why. */
  notice?: string | null;
}

export function SignIn({ onSignIn, notice }: SignInProps) {
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [checking, setChecking] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const candidate = token.trim();
    if (!candidate) {
      setError("Enter the admin token.");
      return;
    }
    setChecking(true);
    setError(undefined);
    const problem = await onSignIn(candidate);
    // Accepted: this screen is gone. Refused: say so, keep what was typed.
    if (problem) {
      setError(problem);
      setChecking(false);
    }
  }

  return (
    <main className="signin">
      <PageTitle>Sign in</PageTitle>
      <form className="card signin-card" onSubmit={(event) => void submit(event)} noValidate>
        <p className="brand brand-large">
          Shop <span className="brand-tag">Admin</span>
        </p>
        <h1>Sign in</h1>
        {notice && (
          <p role="status" className="notice">
            {notice}
          </p>
        )}
        <Field
          label="Admin token"
          type="password"
          name="token"
          autoComplete="current-password"
          spellCheck={false}
          autoFocus
          value={token}
          onChange={(event) => setToken(event.target.value)}
          hint="The token you were given to manage this shop. Ask whoever runs the shop if you do not have it."
          error={error}
        />
        <button type="submit" className="button primary block" disabled={checking}>
          {checking ? "Checking…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
