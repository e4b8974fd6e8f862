import { render, type RenderResult } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import type { ReactElement } from "react";
import { Provider } from "urql";
import { createAdminClient } from "../src/graphql/client.ts";
import type { FakeGateway } from "./fake-gateway.ts";

export const TOKEN = "test-admin-token-0123456789";

/** Renders a piece of the admin as a signed-in admin sees it: the app's own client, over the fake gateway. */
export function renderSignedIn(ui: ReactElement, gateway: FakeGateway): RenderResult & { user: UserEvent } {
  const client = createAdminClient({ token: TOKEN, transport: gateway.transport });
  return { user: userEvent.setup(), ...render(<Provider value={client}>{ui}</Provider>) };
}
