import type { Exchange } from "@urql/core";
import { useCallback, useMemo, useState } from "react";
import { Provider } from "urql";
import { createAdminClient } from "./graphql/client.ts";
import { Shell } from "./Shell.tsx";
import { checkToken, savedToken } from "./session.ts";
import { SignIn } from "./SignIn.tsx";

export interface AppProps {
  /** What talks to the gateway; tests hand in a stand-in. Default: fetch. */
  transport?: Exchange;
}

const SESSION_ENDED = "Your session ended: the gateway no longer accepts that token. Sign in again.";

/**
 * Signed out: the sign-in screen. Signed in: the admin, with a GraphQL client
 * that sends the token on every request and signs out when the gateway stops
 * accepting it (a restarted stack with a new token, say).
 */
export function App({ transport }: AppProps) {
  const [token, setToken] = useState<string | null>(() => savedToken.read());
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = useCallback((why: string | null = null) => {
    savedToken.clear();
    setToken(null);
    setNotice(why);
  }, []);

  const client = useMemo(
    () =>
      token === null
        ? null
        : createAdminClient({ token, transport, onUnauthorized: () => signOut(SESSION_ENDED) }),
    [token, transport, signOut],
  );

  async function signIn(candidate: string): Promise<string | null> {
    const problem = await checkToken(createAdminClient({ token: candidate, transport }));
    if (problem) return problem;
    savedToken.save(candidate);
    setNotice(null);
    setToken(candidate);
    return null;
  }

  if (!client) return <SignIn onSignIn={signIn} notice={notice} />;
  return (
    <Provider value={client}>
      <Shell onSignOut={() => signOut()} />
    </Provider>
  );
}
