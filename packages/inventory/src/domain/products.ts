import type {
  AdminProduct,
  CreateProductInput,
  Product,
  StockChangeInput,
  UpdateProductInput,
} from "@shop/contracts";
import { STOCK_QTY_MAX } from "@shop/contracts";
import {
  Prisma,
  productColumns,
  selectAsFields,
  type PrismaClient,
  type Product as ProductRow,
} from "@shop/db";
import { notFound, ServiceError } from "@shop/service";

/**
 * Inventory's domain: every operation both doors (REST and tRPC) offer,
 * written once. Functions take the Prisma client and contract-validated
 * input, and return contract-shaped output.
 */

/** Every products column, as the Prisma model's fields: a raw RETURNING gives ProductRow. */
const PRODUCT_FIELDS = Prisma.raw(selectAsFields(productColumns));

const toProduct = (row: ProductRow): Product => ({
  id: row.id,
  name: row.name,
  price_cents: row.priceCents,
  stock_qty: row.stockQty,
});

const toAdminProduct = (row: ProductRow): AdminProduct => ({
  ...toProduct(row),
  archived_at: row.archivedAt?.toISOString() ?? null,
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

/** Prisma's "record to update not found". */
const isRecordNotFound = (err: unknown) =>
  typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2025";

/** The catalog: every product not archived, by name. */
export async function listCatalog(db: PrismaClient): Promise<Product[]> {
  const rows = await db.product.findMany({
    where: { archivedAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map(toProduct);
}

/** One catalog product; archived products are gone from the catalog (not_found). */
export async function getCatalogProduct(db: PrismaClient, id: string): Promise<Product> {
  const row = await db.product.findFirst({ where: { id, archivedAt: null } });
  if (!row) throw notFound("Product", id);
  return toProduct(row);
}

/**
 * Products by id, archived ones included (an old order still names them), in
 * the order asked; ids that name nothing are left out.
 */
export async function getProductsByIds(db: PrismaClient, ids: readonly string[]): Promise<Product[]> {
  const rows = await db.product.findMany({ where: { id: { in: [...new Set(ids)] } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toProduct(row)] : [];
  });
}

/** Every product, archived ones too, for the admin: newest first. */
export async function listAllProducts(db: PrismaClient): Promise<AdminProduct[]> {
  const rows = await db.product.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return rows.map(toAdminProduct);
}

export async function createProduct(db: PrismaClient, input: CreateProductInput): Promise<Product> {
  const row = await db.product.create({
    data: { name: input.name, priceCents: input.price_cents, stockQty: input.stock_qty },
  });
  return toProduct(row);
}

export async function updateProduct(
  db: PrismaClient,
  id: string,
  input: UpdateProductInput,
): Promise<Product> {
  try {
    const row = await db.product.update({
      where: { id },
      data: { name: input.name, priceCents: input.price_cents },
    });
    return toProduct(row);
  } catch (err) {
    if (isRecordNotFound(err)) throw notFound("Product", id);
    throw err;
  }
}

/**
 * Sets the stock level, or adjusts it by a delta in one conditional UPDATE:
 * concurrent adjustments never lose an update, and stock never goes below 0
 * or above the maximum (insufficient_stock or conflict when a delta would).
 */
export async function changeStock(db: PrismaClient, id: string, change: StockChangeInput): Promise<Product> {
  if ("stock_qty" in change) {
    try {
      return toProduct(await db.product.update({ where: { id }, data: { stockQty: change.stock_qty } }));
    } catch (err) {
      if (isRecordNotFound(err)) throw notFound("Product", id);
      throw err;
    }
  }

  const { delta } = change;
  const updated = await db.$queryRaw<ProductRow[]>`
    UPDATE products
       SET stock_qty = stock_qty + ${delta}, updated_at = now()
     WHERE id = ${id}::uuid
       AND stock_qty + ${delta} BETWEEN 0 AND ${STOCK_QTY_MAX}
    RETURNING ${PRODUCT_FIELDS}`;
  const row = updated[0];
  if (row) return toProduct(row);

  const current = await db.product.findUnique({ where: { id }, select: { stockQty: true } });
  if (!current) throw notFound("Product", id);
  if (delta < 0) {
    throw new ServiceError(
      "insufficient_stock",
      `Cannot remove ${-delta} from product ${id}: only ${current.stockQty} in stock`,
      [{ productId: id, requested: -delta, available: current.stockQty }],
    );
  }
  throw new ServiceError(
    "conflict",
    `Adding ${delta} to product ${id} would exceed the maximum stock of ${STOCK_QTY_MAX}`,
  );
}

/** Archives a product: gone from the catalog, kept for the orders that name it. Archiving twice is fine. */
export async function archiveProduct(db: PrismaClient, id: string): Promise<void> {
  const { count } = await db.product.updateMany({
    where: { id, archivedAt: null },
    data: { archivedAt: new Date() },
  });
  if (count === 0 && !(await db.product.findUnique({ where: { id }, select: { id: true } }))) {
    throw notFound("Product", id);
  }
}

/**
 * Brings an archived product back into the catalog, as it was (name, price,
 * stock). Restoring one that is not archived is fine: the same end state.
 */
export async function unarchiveProduct(db: PrismaClient, id: string): Promise<void> {
  const { count } = await db.product.updateMany({
    where: { id, archivedAt: { not: null } },
    data: { archivedAt: null },
  });
  if (count === 0 && !(await db.product.findUnique({ where: { id }, select: { id: true } }))) {
    throw notFound("Product", id);
  }
}
