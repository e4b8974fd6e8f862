import { render, type RenderResult } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import type { ReactElement } from "react";
import { Provider } from "urql";
import { createAdminClient } from "../src/graphql/client.ts";
import { SignedInContext, type SignedIn } from "../src/session.ts";
import type { FakeGateway } from "./fake-gateway.ts";

export const OWNER: SignedIn = {
  id: "5a0e6c1d-2b3f-4a59-8e7d-9c1b2a3d4e5f",
  email: "owner@shop.test",
  role: "owner",
};
export const SUPPORT: SignedIn = {
  id: "7c2d1e0f-4a5b-4c6d-9e8f-0a1b2c3d4e5f",
  email: "help@shop.test",
  role: "support",
};

/**
 * Renders a piece of the admin as a signed-in person sees it: the app's own
 * client over the fake gateway, and `as` (an owner unless told) as who is
 * signed in, for the role-aware buttons.
 */
export function renderSignedIn(
  ui: ReactElement,
  gateway: FakeGateway,
  { as = OWNER }: { as?: SignedIn } = {},
): RenderResult & { user: UserEvent } {
  const client = createAdminClient({ transport: gateway.transport });
  return {
    user: userEvent.setup(),
    ...render(
      <Provider value={client}>
        <SignedInContext value={as}>{ui}</SignedInContext>
      </Provider>,
    ),
  };
}
