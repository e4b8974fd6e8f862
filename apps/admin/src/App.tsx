import type { Exchange } from "@urql/core";
import { useEffect, useMemo, useState } from "react";
import { Provider } from "urql";
import { createAdminClient } from "./graphql/client.ts";
import { signIn, signOut, SignedInContext, whoIsSignedIn, type SignedIn } from "./session.ts";
import { useSessionSync } from "./session-sync.ts";
import { Shell } from "./Shell.tsx";
import { SignIn } from "./SignIn.tsx";

export interface AppProps {
  /** What talks to the gateway; tests hand in a stand-in. Default: fetch. */
  transport?: Exchange;
  /** The deadline of every request, in ms (tests shorten it). Default: 15 s. */
  deadlineMs?: number;
}

export const SESSION_ENDED = "Your session has ended. Sign in again to go on.";
export const SIGNED_OUT_ELSEWHERE = "You signed out in another tab.";
export const SIGNED_OUT = "You are signed out.";

/** Asking the gateway who is signed in (at start), signed out, or signed in as someone. */
type Session =
  | { state: "checking" }
  | { state: "signed-out"; notice: string | null }
  | { state: "signed-in"; me: SignedIn };

/** What the gateway said about the session cookie, as the app's state. */
function sessionOf(answer: Awaited<ReturnType<typeof whoIsSignedIn>>): Session {
  if ("problem" in answer) return { state: "signed-out", notice: answer.problem };
  return answer.me ? { state: "signed-in", me: answer.me } : { state: "signed-out", notice: null };
}

/**
 * Signed out: the sign-in screen. Signed in: the admin. The session is the
 * gateway's HttpOnly cookie, so the app asks at start who it belongs to
 * (`me`), and goes back to the sign-in screen whenever the gateway says
 * nobody is signed in any more (expired, revoked by an owner, signed out in
 * another tab). Every tab of the browser hears a sign-in and a sign-out.
 */
export function App({ transport, deadlineMs }: AppProps) {
  const [session, setSession] = useState<Session>({ state: "checking" });
  // Bumped when another tab signs in: ask the gateway again who the cookie belongs to.
  const [asked, setAsked] = useState(0);

  const sync = useSessionSync({
    // Another tab signed in: this one asks who, if it shows the sign-in form.
    onSignedIn: () => {
      if (session.state !== "signed-in") setAsked((n) => n + 1);
    },
    onSignedOut: () => {
      if (session.state === "signed-in") setSession({ state: "signed-out", notice: SIGNED_OUT_ELSEWHERE });
    },
  });

  const client = useMemo(
    () =>
      createAdminClient({
        transport,
        deadlineMs,
        // The gateway says nobody is signed in any more: back to the sign-in form, in every tab.
        onUnauthorized: () => {
          setSession((now) =>
            now.state === "signed-in" ? { state: "signed-out", notice: SESSION_ENDED } : now,
          );
          sync.signedOut();
        },
      }),
    [transport, deadlineMs, sync],
  );

  // At start, and when another tab signed in: whose session is the cookie (if any)?
  useEffect(() => {
    let live = true;
    void whoIsSignedIn(client).then((answer) => {
      if (live) setSession(sessionOf(answer));
    });
    return () => {
      live = false;
    };
  }, [client, asked]);

  async function onSignIn(email: string, password: string): Promise<string | null> {
    const answer = await signIn(client, email, password);
    if ("problem" in answer) return answer.problem;
    setSession({ state: "signed-in", me: answer.me });
    sync.signedIn();
    return null;
  }

  async function onSignOut(): Promise<string | null> {
    const problem = await signOut(client);
    if (problem) return problem;
    setSession({ state: "signed-out", notice: SIGNED_OUT });
    sync.signedOut();
    return null;
  }

  if (session.state === "checking") {
    return (
      <main className="signin" aria-busy="true">
        <p className="loading">Checking who is signed in…</p>
      </main>
    );
  }
  if (session.state === "signed-out") return <SignIn onSignIn={onSignIn} notice={session.notice} />;
  return (
    <Provider value={client}>
      <SignedInContext value={session.me}>
        <Shell me={session.me} onSignOut={onSignOut} />
      </SignedInContext>
    </Provider>
  );
}
