import { render, type RenderResult } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { Provider } from "urql";
import { App } from "../src/App.tsx";
import { createCartStore } from "../src/cart/cart.ts";
import { CartProvider } from "../src/cart/CartContext.tsx";
import { createShopClient } from "../src/graphql/client.ts";
import { createFakeGateway, type FakeGateway } from "./fake-gateway.ts";

/** The whole shop as main.tsx puts it together, over a fake gateway; the cart in jsdom's localStorage. */
export function renderShop(
  gateway: FakeGateway = createFakeGateway(),
  { deadlineMs }: { deadlineMs?: number } = {},
): RenderResult & { user: UserEvent; gateway: FakeGateway } {
  const user = userEvent.setup();
  const client = createShopClient("http://gateway.test/graphql", gateway.fetch, deadlineMs);
  const view = render(
    <Provider value={client}>
      <CartProvider store={createCartStore(window.localStorage)}>
        <App />
      </CartProvider>
    </Provider>,
  );
  return { ...view, user, gateway };
}
