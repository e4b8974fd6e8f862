import { useEffect, useLayoutEffect, useMemo, useRef } from "react";

/**
 * One sign-in for every tab of the admin in a browser, and one sign-out.
 *
 * The token stays in each tab's sessionStorage (it ends with the browser
 * session and is never written where it outlives it); the tabs share it over
 * a BroadcastChannel, which only pages of this origin can hear:
 * - a tab that opens signed out asks; a signed-in tab answers with its token;
 * - signing in announces the token: tabs showing the sign-in form take it;
 * - signing out (or a token the gateway stopped accepting) is announced, and
 *   every tab signs out at once.
 */
export const SESSION_CHANNEL = "shop.admin.session";

type SessionMessage = { type: "ask" } | { type: "token"; token: string } | { type: "signed-out" };

export interface SessionSync {
  /** Tell the other tabs: this tab signed in with `token`. */
  signedIn: (token: string) => void;
  /** Tell the other tabs: sign out. */
  signedOut: () => void;
  close: () => void;
}

interface SessionSyncOptions {
  /** This tab's token now (asked for by a new tab). */
  currentToken: () => string | null;
  /** Another tab has a token; this tab may take it. */
  onToken: (token: string) => void;
  /** Another tab signed out. */
  onSignedOut: () => void;
}

export function createSessionSync({ currentToken, onToken, onSignedOut }: SessionSyncOptions): SessionSync {
  if (typeof BroadcastChannel === "undefined") {
    return { signedIn: () => {}, signedOut: () => {}, close: () => {} };
  }
  const channel = new BroadcastChannel(SESSION_CHANNEL);
  const post = (message: SessionMessage) => channel.postMessage(message);
  channel.onmessage = ({ data }: MessageEvent<SessionMessage>) => {
    switch (data.type) {
      case "ask": {
        const token = currentToken();
        if (token) post({ type: "token", token });
        return;
      }
      case "token":
        if (typeof data.token === "string" && data.token) onToken(data.token);
        return;
      case "signed-out":
        onSignedOut();
        return;
    }
  };
  if (currentToken() === null) post({ type: "ask" });
  return {
    signedIn: (token) => post({ type: "token", token }),
    signedOut: () => post({ type: "signed-out" }),
    close: () => channel.close(),
  };
}

/**
 * The tab's end of the channel for a component: open while mounted, told the
 * current token, calling the latest handlers. The methods are stable.
 */
export function useSessionSync(
  token: string | null,
  handlers: { onToken: (token: string) => void; onSignedOut: () => void },
): Pick<SessionSync, "signedIn" | "signedOut"> {
  const tokenRef = useRef(token);
  const handlersRef = useRef(handlers);
  const channel = useRef<SessionSync | null>(null);
  useLayoutEffect(() => {
    tokenRef.current = token;
    handlersRef.current = handlers;
  });
  useEffect(() => {
    const sync = createSessionSync({
      currentToken: () => tokenRef.current,
      onToken: (shared) => handlersRef.current.onToken(shared),
      onSignedOut: () => handlersRef.current.onSignedOut(),
    });
    channel.current = sync;
    return () => sync.close();
  }, []);
  return useMemo(
    () => ({
      signedIn: (shared: string) => channel.current?.signedIn(shared),
      signedOut: () => channel.current?.signedOut(),
    }),
    [],
  );
}
