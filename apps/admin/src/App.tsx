import type { Exchange } from "@urql/core";
import { useCallback, useMemo, useState } from "react";
import { Provider } from "urql";
import { createAdminClient } from "./graphql/client.ts";
import { useSessionSync } from "./session-sync.ts";
import { Shell } from "./Shell.tsx";
import { checkToken, savedToken } from "./session.ts";
import { SignIn } from "./SignIn.tsx";

export interface AppProps {
  /** What talks to the gateway; tests hand in a stand-in. Default: fetch. */
  transport?: Exchange;
  /** The deadline of every request, in ms (tests shorten it). Default: 15 s. */
  deadlineMs?: number;
}

const SESSION_ENDED = "Your session has ended. Sign in again to go on.";
const SIGNED_OUT_ELSEWHERE = "You signed out in another tab.";

/**
 * Signed out: the sign-in screen. Signed in: the admin, with a GraphQL client
 * that sends the token on every request and signs out when the gateway stops
 * accepting it (a restarted stack with a new token, say). Every tab of the
 * browser shares the sign-in and the sign-out (session-sync.ts).
 */
export function App({ transport, deadlineMs }: AppProps) {
  const [token, setToken] = useState<string | null>(() => savedToken.read());
  const [notice, setNotice] = useState<string | null>(null);
  const adopt = useCallback((next: string) => {
    savedToken.save(next);
    setNotice(null);
    setToken(next);
  }, []);

  const endSession = useCallback((why: string | null) => {
    savedToken.clear();
    setToken(null);
    setNotice(why);
  }, []);

  const sync = useSessionSync(token, {
    // Another tab signed in (or answered this one's question): take its token if signed out here.
    onToken: (shared) => {
      if (token === null) adopt(shared);
    },
    onSignedOut: () => {
      if (token !== null) endSession(SIGNED_OUT_ELSEWHERE);
    },
  });

  const signOut = useCallback(
    (why: string | null = null) => {
      endSession(why);
      sync.signedOut();
    },
    [endSession, sync],
  );

  const client = useMemo(
    () =>
      token === null
        ? null
        : createAdminClient({ token, transport, deadlineMs, onUnauthorized: () => signOut(SESSION_ENDED) }),
    [token, transport, deadlineMs, signOut],
  );

  async function signIn(candidate: string): Promise<string | null> {
    const problem = await checkToken(createAdminClient({ token: candidate, transport, deadlineMs }));
    if (problem) return problem;
    adopt(candidate);
    sync.signedIn(candidate);
    return null;
  }

  if (!client) return <SignIn onSignIn={signIn} notice={notice} />;
  return (
    <Provider value={client}>
      <Shell onSignOut={() => signOut()} />
    </Provider>
  );
}
