/**
 * The product forms check their input with the very zod schemas Inventory
 * validates with (@shop/contracts), so a form that passes here is one the
 * service accepts, and the messages are the service's own. What zod cannot
 * see is the step before it: a person types "12.50", the contract wants 1250
 * cents; that parsing, and its message, live here.
 */
import { CreateProductInput, StockChangeInput, UpdateProductInput } from "@shop/contracts";
import type { z } from "zod";
import { formatMoney } from "@shop/ui";

/** Per input of a form, the message shown next to it. */
export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

export type Checked<Input, Field extends string> =
  { ok: true; input: Input } | { ok: false; errors: FieldErrors<Field> };

export const PRICE_FORMAT_MESSAGE = "Enter dollars and cents, e.g. 12.50";
export const COUNT_FORMAT_MESSAGE = "Enter a whole number, e.g. 25";

/** "12.50", "12.5", "12", "$12.50", "-3" → cents; anything else → null. */
export function parseDollars(text: string): number | null {
  const match = /^\s*(-)?\s*\$?\s*(\d{1,12})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const [, minus, whole = "0", fraction = ""] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return minus ? -cents : cents;
}

/**
 * A number of units as typed: "25", "+5", "-3". A decimal ("1.5") comes back
 * as a number too, so that the contract's own "must be a whole number" says
 * what is wrong; text that is no number at all → null.
 */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) return null;
  return Number(trimmed);
}

// ---------------------------------------------------------------- products

export type ProductField = "name" | "price" | "stock" | "description" | "sku";

/** What the product form holds: text, as typed. */
export interface ProductDraft {
  name: string;
  price: string;
  stock: string;
  description: string;
  sku: string;
}

/**
 * A contract path (price_cents, or the gateway's camelCase priceCents, maybe
 * under a prefix such as patch.priceCents) → the form input it is about.
 */
export function productFieldOf(path: string): ProductField | null {
  const last = path.split(".").at(-1) ?? "";
  switch (last.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())) {
    case "name":
      return "name";
    case "priceCents":
      return "price";
    case "description":
      return "description";
    case "sku":
      return "sku";
    case "stockQty":
      return "stock";
    default:
      return null;
  }
}

/** A zod issue as the words shown beside its input. Prices are typed in dollars, so their bound is too. */
function messageOf(issue: z.core.$ZodIssue, field: ProductField | null): string {
  if (field === "price" && issue.code === "too_big")
    return `must be at most ${formatMoney(Number(issue.maximum))}`;
  return issue.message;
}

function collect(
  issues: readonly z.core.$ZodIssue[],
  errors: FieldErrors<ProductField>,
): FieldErrors<ProductField> {
  for (const issue of issues) {
    const field = productFieldOf(issue.path.map(String).join("."));
    // The first problem of an input is the one to fix first; a parse error found before zod wins.
    if (field && errors[field] === undefined) errors[field] = messageOf(issue, field);
  }
  return errors;
}

/** The "New product" form → CreateProductInput (name trimmed, price in cents), or what is wrong. */
export function checkNewProduct(draft: ProductDraft): Checked<CreateProductInput, ProductField> {
  const errors: FieldErrors<ProductField> = {};
  const price = parseDollars(draft.price);
  if (price === null) errors.price = PRICE_FORMAT_MESSAGE;
  const stock = parseCount(draft.stock);
  if (stock === null) errors.stock = COUNT_FORMAT_MESSAGE;

  const parsed = CreateProductInput.safeParse({
    name: draft.name,
    price_cents: price ?? 0,
    stock_qty: stock ?? 0,
    description: draft.description,
    ...(draft.sku.trim() ? { sku: draft.sku } : {}),
  });
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, input: parsed.data };
  return { ok: false, errors: parsed.success ? errors : collect(parsed.error.issues, errors) };
}

/** The edit form (name and price; stock has its own door) → UpdateProductInput, or what is wrong. */
export function checkProductChanges(
  draft: Pick<ProductDraft, "name" | "price" | "description" | "sku">,
): Checked<UpdateProductInput, ProductField> {
  const errors: FieldErrors<ProductField> = {};
  const price = parseDollars(draft.price);
  if (price === null) errors.price = PRICE_FORMAT_MESSAGE;

  const parsed = UpdateProductInput.safeParse({
    name: draft.name,
    price_cents: price ?? 0,
    description: draft.description,
    sku: draft.sku.trim() ? draft.sku : null,
  });
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, input: parsed.data };
  return { ok: false, errors: parsed.success ? errors : collect(parsed.error.issues, errors) };
}

// ---------------------------------------------------------------- stock

export type StockMode = "set" | "adjust";

/** The contract's two shapes of a stock change: {stock_qty} sets the level, {delta} adjusts it. */
const [SetStockInput, AdjustStockInput] = StockChangeInput.options;

export type StockChange = { mode: "set"; stockQty: number } | { mode: "adjust"; delta: number };

/** The stock form's one number, read as the change its mode names, or what is wrong with it. */
export function checkStockChange(mode: StockMode, amount: string): Checked<StockChange, "amount"> {
  const value = parseCount(amount);
  if (value === null) return { ok: false, errors: { amount: COUNT_FORMAT_MESSAGE } };
  if (mode === "set") {
    const parsed = SetStockInput.safeParse({ stock_qty: value });
    return parsed.success
      ? { ok: true, input: { mode, stockQty: parsed.data.stock_qty } }
      : { ok: false, errors: { amount: parsed.error.issues[0]?.message ?? "is not valid" } };
  }
  const parsed = AdjustStockInput.safeParse({ delta: value });
  return parsed.success
    ? { ok: true, input: { mode, delta: parsed.data.delta } }
    : { ok: false, errors: { amount: parsed.error.issues[0]?.message ?? "is not valid" } };
}

/** A server ValidationError's fields → messages beside the inputs; the rest (no input of ours) apart. */
export function serverFieldErrors(fields: ReadonlyArray<{ path: string; message: string }>): {
  errors: FieldErrors<ProductField>;
  unplaced: string[];
} {
  const errors: FieldErrors<ProductField> = {};
  const unplaced: string[] = [];
  for (const { path, message } of fields) {
    const field = productFieldOf(path);
    if (field && errors[field] === undefined) errors[field] = message;
    else if (!field) unplaced.push(path ? `${path}: ${message}` : message);
  }
  return { errors, unplaced };
}
