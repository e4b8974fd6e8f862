import { useEffect, useLayoutEffect, useMemo, useRef } from "react";

/**
 * One sign-in for every tab of the admin in a browser, and one sign-out.
 *
 * The session itself is the gateway's HttpOnly cookie, which every tab sends
 * already; what the tabs share over a BroadcastChannel (only pages of this
 * origin hear it) is the news, so no tab goes on showing a stale state:
 * - signing in is announced: tabs showing the sign-in form ask who is signed in;
 * - signing out (or a session the gateway ended) is announced, and every tab
 *   shows the sign-in form at once.
 */
export const SESSION_CHANNEL = "shop.admin.session";

type SessionMessage = { type: "signed-in" } | { type: "signed-out" };

export interface SessionSync {
  /** Tell the other tabs: this tab signed in. */
  signedIn: () => void;
  /** Tell the other tabs: signed out. */
  signedOut: () => void;
  close: () => void;
}

interface SessionSyncOptions {
  /** Another tab signed in. */
  onSignedIn: () => void;
  /** Another tab signed out. */
  onSignedOut: () => void;
}

export function createSessionSync({ onSignedIn, onSignedOut }: SessionSyncOptions): SessionSync {
  if (typeof BroadcastChannel === "undefined") {
    return { signedIn: () => {}, signedOut: () => {}, close: () => {} };
  }
  const channel = new BroadcastChannel(SESSION_CHANNEL);
  const post = (message: SessionMessage) => channel.postMessage(message);
  channel.onmessage = ({ data }: MessageEvent<SessionMessage>) => {
    if (data?.type === "signed-in") onSignedIn();
    if (data?.type === "signed-out") onSignedOut();
  };
  return {
    signedIn: () => post({ type: "signed-in" }),
    signedOut: () => post({ type: "signed-out" }),
    close: () => channel.close(),
  };
}

/** The tab's end of the channel for a component: open while mounted, calling the latest handlers. */
export function useSessionSync(handlers: SessionSyncOptions): Pick<SessionSync, "signedIn" | "signedOut"> {
  const handlersRef = useRef(handlers);
  const channel = useRef<SessionSync | null>(null);
  useLayoutEffect(() => {
    handlersRef.current = handlers;
  });
  useEffect(() => {
    const sync = createSessionSync({
      onSignedIn: () => handlersRef.current.onSignedIn(),
      onSignedOut: () => handlersRef.current.onSignedOut(),
    });
    channel.current = sync;
    return () => sync.close();
  }, []);
  return useMemo(
    () => ({
      signedIn: () => channel.current?.signedIn(),
      signedOut: () => channel.current?.signedOut(),
    }),
    [],
  );
}
