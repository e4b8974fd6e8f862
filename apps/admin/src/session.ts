import { rolePermissions, type Permission, type StaffRole } from "@shop/contracts";
import type { Client, CombinedError } from "@urql/core";
import { createContext, useContext } from "react";
import { describeError, isUnauthorized, NO_ANSWER } from "./graphql/client.ts";
import { MeQuery, SignInMutation, SignOutMutation } from "./graphql/operations.ts";

/** The signed-in person, as the gateway's session says. */
export interface SignedIn {
  id: string;
  email: string;
  role: StaffRole;
}

export const WRONG_CREDENTIALS = "That email and password do not match an account. Check both and try again.";

/** Who the session cookie belongs to: a person, null when nobody is signed in, or what kept the gateway from saying. */
export async function whoIsSignedIn(client: Client): Promise<{ me: SignedIn | null } | { problem: string }> {
  const result = await client.query(MeQuery, {}).toPromise();
  if (result.error) return { problem: describeError(result.error) };
  if (result.data === undefined) return { problem: NO_ANSWER };
  return { me: result.data.me ?? null };
}

/** Sign-in's refusal in words a person acts on: wrong credentials, slowed down, or the shop not answering. */
function signInProblem(error: CombinedError): string {
  if (error.networkError) return describeError(error);
  const first = error.graphQLErrors[0];
  const code = first?.extensions["code"];
  if (isUnauthorized(error)) return WRONG_CREDENTIALS;
  // The gateway words these itself: "Too many failed sign-ins for this account. Try again in 15 minutes."
  if (code === "RATE_LIMITED" || code === "VALIDATION_FAILED") return first?.message ?? describeError(error);
  return describeError(error);
}

/** Signs in: the gateway sets the session cookie and answers who it is; else what to tell the person. */
export async function signIn(
  client: Client,
  email: string,
  password: string,
): Promise<{ me: SignedIn } | { problem: string }> {
  const result = await client.mutation(SignInMutation, { email, password }).toPromise();
  if (result.error) return { problem: signInProblem(result.error) };
  if (!result.data?.signIn) return { problem: NO_ANSWER };
  return { me: result.data.signIn };
}

/** Ends the session on the gateway (its cookie is cleared); null when done, else why not. */
export async function signOut(client: Client): Promise<string | null> {
  const result = await client.mutation(SignOutMutation, {}).toPromise();
  if (result.error) return describeError(result.error);
  return result.data?.signOut ? null : NO_ANSWER;
}

/** The signed-in person for the pages under the shell (role-aware buttons). */
export const SignedInContext = createContext<SignedIn | null>(null);

/**
 * Whether the signed-in person's role may do something: the pages hide or
 * disable what it may not (the gateway and the services refuse it anyway).
 * Outside a session (component tests of one page) everything is allowed.
 */
export function useCan(): (permission: Permission) => boolean {
  const me = useContext(SignedInContext);
  return (permission) => me === null || rolePermissions[me.role].has(permission);
}

export function useSignedIn(): SignedIn | null {
  return useContext(SignedInContext);
}

/** A role in words, for the header and the staff page. */
export const ROLE_TEXT: Record<StaffRole, { label: string; does: string }> = {
  owner: { label: "Owner", does: "Everything, including staff and the audit log" },
  manager: { label: "Manager", does: "Products and orders, refunds included" },
  support: { label: "Support", does: "Reads orders, captures payments; no product edits" },
};
