import { CreateProductInput } from "@shop/contracts";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ProductsPage } from "../src/products/ProductsPage.tsx";
import { PRICE_FORMAT_MESSAGE } from "../src/products/validation.ts";
import { fakeGateway, type GatewayAnswer, type GatewayCall } from "./fake-gateway.ts";
import { renderSignedIn } from "./render.tsx";

const MUG = {
  __typename: "AdminProduct",
  id: "0b9a4c1e-7d1f-4c53-9a57-2f0f1d9e6a11",
  name: "Enamel mug",
  priceCents: 1250,
  stockQty: 3,
  description: "",
  sku: null,
  images: [],
  archivedAt: null,
  createdAt: "2026-11-20T09:00:00.000Z",
  updatedAt: "2026-11-20T09:00:00.000Z",
};

/** One page of the admin's products list, as the gateway answers it. */
const adminPage = (products: unknown[]) => ({
  adminProductsPage: { __typename: "AdminProductPage", nextCursor: null, products },
});

/** The contract's own message for one field of a product that breaks it. */
function contractMessage(input: unknown, field: string): string {
  const parsed = CreateProductInput.safeParse(input);
  const issue = parsed.error?.issues.find((i) => i.path[0] === field);
  if (!issue) throw new Error(`the contract accepts ${field} of ${JSON.stringify(input)}`);
  return issue.message;
}

/** A catalog with no products yet; createProduct answers `created`. */
function gatewayCreating(created: (call: GatewayCall) => GatewayAnswer) {
  return fakeGateway((call) => {
    if (call.operationName === "AdminProducts") return { data: adminPage([]) };
    if (call.operationName === "CreateProduct") return created(call);
    throw new Error(`unexpected ${call.operationName}`);
  });
}

async function openNewProductForm(gateway: ReturnType<typeof fakeGateway>) {
  const view = renderSignedIn(<ProductsPage />, gateway);
  await screen.findByText(/No products yet/);
  await view.user.click(screen.getByRole("button", { name: "New product" }));
  const dialog = screen.getByRole("dialog", { name: "New product" });
  return { ...view, dialog, form: within(dialog) };
}

describe("the product form", () => {
  it("shows the contract's zod messages next to each field and sends nothing", async () => {
    const gateway = gatewayCreating(() => ({ data: { createProduct: MUG } }));
    const { user, form } = await openNewProductForm(gateway);

    await user.type(form.getByLabelText("Name"), "   ");
    await user.type(form.getByLabelText("Price"), "-1.00");
    await user.clear(form.getByLabelText("Stock"));
    await user.type(form.getByLabelText("Stock"), "1.5");
    await user.click(form.getByRole("button", { name: "Save" }));

    const expected = {
      Name: contractMessage({ name: "   ", price_cents: 0, stock_qty: 0 }, "name"),
      Price: contractMessage({ name: "x", price_cents: -100, stock_qty: 0 }, "price_cents"),
      Stock: contractMessage({ name: "x", price_cents: 0, stock_qty: 1.5 }, "stock_qty"),
    };
    expect(expected).toEqual({
      Name: "must not be empty",
      Price: "must not be negative",
      Stock: "must be a whole number",
    });
    for (const [label, message] of Object.entries(expected)) {
      const input = form.getByLabelText(label);
      expect(input).toHaveAttribute("aria-invalid", "true");
      expect(input).toHaveAccessibleDescription(expect.stringContaining(message));
    }
    // Focus goes to the first field to fix.
    await waitFor(() => expect(form.getByLabelText("Name")).toHaveFocus());
    expect(gateway.callsOf("CreateProduct")).toHaveLength(0);
  });

  it("asks for dollars and cents when the price is not a price", async () => {
    const gateway = gatewayCreating(() => ({ data: { createProduct: MUG } }));
    const { user, form } = await openNewProductForm(gateway);

    await user.type(form.getByLabelText("Name"), "Enamel mug");
    await user.type(form.getByLabelText("Price"), "12.345");
    await user.click(form.getByRole("button", { name: "Save" }));

    expect(form.getByLabelText("Price")).toHaveAccessibleDescription(
      expect.stringContaining(PRICE_FORMAT_MESSAGE),
    );
    expect(form.getByLabelText("Name")).not.toHaveAttribute("aria-invalid");
    expect(gateway.callsOf("CreateProduct")).toHaveLength(0);
  });

  it("shows the service's ValidationError next to the field it names", async () => {
    const gateway = gatewayCreating(() => ({
      data: {
        createProduct: {
          __typename: "ValidationError",
          message: "Invalid product",
          fields: [{ path: "name", message: "is already the name of another product" }],
        },
      },
    }));
    const { user, form, dialog } = await openNewProductForm(gateway);

    await user.type(form.getByLabelText("Name"), "  Enamel mug ");
    await user.type(form.getByLabelText("Price"), "12.50");
    await user.clear(form.getByLabelText("Stock"));
    await user.type(form.getByLabelText("Stock"), "3");
    await user.click(form.getByRole("button", { name: "Save" }));

    const name = form.getByLabelText("Name");
    await waitFor(() => expect(name).toHaveAttribute("aria-invalid", "true"));
    expect(name).toHaveAccessibleDescription(
      expect.stringContaining("is already the name of another product"),
    );
    expect(form.getByLabelText("Price")).not.toHaveAttribute("aria-invalid");
    expect(dialog).toBeVisible();
    // What went out: the contract's output (name trimmed), the price in cents.
    expect(gateway.callsOf("CreateProduct").map((c) => c.variables)).toEqual([
      { input: { name: "Enamel mug", priceCents: 1250, stockQty: 3, description: "" } },
    ]);
  });

  it("saves a valid product, closes the form and reads the list again", async () => {
    let created = false;
    const gateway = fakeGateway((call) => {
      if (call.operationName === "CreateProduct") {
        created = true;
        return { data: { createProduct: MUG } };
      }
      return { data: adminPage(created ? [MUG] : []) };
    });
    const { user, form } = await openNewProductForm(gateway);

    await user.type(form.getByLabelText("Name"), "Enamel mug");
    await user.type(form.getByLabelText("Price"), "12.5");
    await user.clear(form.getByLabelText("Stock"));
    await user.type(form.getByLabelText("Stock"), "3");
    await user.click(form.getByRole("button", { name: "Save" }));

    expect(await screen.findByRole("rowheader", { name: /Enamel mug/ })).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Added “Enamel mug” to the catalog.");
    const row = screen.getByRole("row", { name: /Enamel mug/ });
    expect(within(row).getByRole("cell", { name: "$12.50" })).toBeInTheDocument();
    expect(gateway.callsOf("AdminProducts")).toHaveLength(2);
  });
});

describe("editing with care", () => {
  it("holds a name to 200 characters while it is typed, and counts down near the end", async () => {
    const gateway = gatewayCreating(() => ({ data: { createProduct: MUG } }));
    const { user, form } = await openNewProductForm(gateway);
    const name = form.getByLabelText("Name");
    expect(name).toHaveAttribute("maxlength", "200");

    await user.click(name);
    await user.paste("x".repeat(190));
    expect(name).toHaveAccessibleDescription("10 characters left (at most 200)");
    await user.paste("y".repeat(30));
    expect(name).toHaveValue("x".repeat(190) + "y".repeat(10));
    expect(name).toHaveAccessibleDescription("No characters left (at most 200)");
  });

  it("asks before Escape throws away unsaved changes; Keep editing keeps them", async () => {
    const gateway = gatewayCreating(() => ({ data: { createProduct: MUG } }));
    const { user, form, dialog } = await openNewProductForm(gateway);
    await user.type(form.getByLabelText("Name"), "Enamel mug");

    // Escape on a modal <dialog> is its "cancel" event (jsdom does not map the key itself).
    fireEvent(dialog, new Event("cancel", { cancelable: true }));
    const ask = within(screen.getByRole("dialog", { name: "Discard your changes?" }));
    await user.click(ask.getByRole("button", { name: "Keep editing" }));
    expect(screen.queryByRole("dialog", { name: "Discard your changes?" })).not.toBeInTheDocument();
    expect(form.getByLabelText("Name")).toHaveValue("Enamel mug");

    fireEvent(dialog, new Event("cancel", { cancelable: true }));
    await user.click(
      within(screen.getByRole("dialog", { name: "Discard your changes?" })).getByRole("button", {
        name: "Discard changes",
      }),
    );
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("closes on Escape at once when nothing was changed", async () => {
    const gateway = gatewayCreating(() => ({ data: { createProduct: MUG } }));
    const { dialog } = await openNewProductForm(gateway);
    fireEvent(dialog, new Event("cancel", { cancelable: true }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });
});
