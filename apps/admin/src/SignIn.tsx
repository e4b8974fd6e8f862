import { SignInInput } from "@shop/contracts";
import { useRef, useState, type FormEvent } from "react";
import { Field } from "./components/Field.tsx";
import { PageTitle } from "./components/PageTitle.tsx";

interface SignInProps {
  /** Signs in with the gateway: null when it worked, else what to tell the person. */
  onSignIn: (email: string, password: string) => Promise<string | null>;
  /** Why the person is here again (the session ended, signed out), if that is why. */
  notice?: string | null;
}

type Errors = { email?: string; password?: string };

const MESSAGES: Record<string, string> = {
  email: "Enter your email address, like ann@example.com.",
  password: "Enter your password.",
};

/** Email and password, checked here first (the contract's rules) so a typo is not a failed attempt. */
function check(email: string, password: string): Errors {
  const parsed = SignInInput.safeParse({ email, password });
  if (parsed.success) return {};
  const errors: Errors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === "email" && !errors.email) errors.email = email.trim() ? issue.message : MESSAGES.email;
    if (field === "password" && !errors.password)
      errors.password = password ? issue.message : MESSAGES.password;
  }
  return errors;
}

export function SignIn({ onSignIn, notice }: SignInProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check(email, password);
    setErrors(found);
    setProblem(null);
    if (found.email) return emailRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();
    setChecking(true);
    const refusal = await onSignIn(email.trim(), password);
    // Signed in: this screen is gone. Refused: say why, keep the email, clear the password.
    if (refusal) {
      setProblem(refusal);
      setPassword("");
      setChecking(false);
      passwordRef.current?.focus();
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
          ref={emailRef}
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
        />
        <Field
          ref={passwordRef}
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.password}
          hint="Forgot it? An owner of the shop can give you a new account."
        />
        {problem && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
        <button type="submit" className="button primary block" disabled={checking}>
          {checking ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
