import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Provider as GraphQLProvider } from "urql";
import { App } from "./App.tsx";
import { createCartStore } from "./cart/cart.ts";
import { CartProvider } from "./cart/CartContext.tsx";
import { createShopClient } from "./graphql/client.ts";
import "@shop/ui/base.css";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <GraphQLProvider value={createShopClient()}>
      <CartProvider store={createCartStore()}>
        <App />
      </CartProvider>
    </GraphQLProvider>
  </StrictMode>,
);
