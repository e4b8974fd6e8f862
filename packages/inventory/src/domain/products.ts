import type {
  AdminProduct,
  CreateProductInput,
  Product,
  ProductDetail,
  ProductImage,
  StockChangeInput,
  UpdateProductInput,
} from "@shop/contracts";
import { STOCK_QTY_MAX } from "@shop/contracts";
import {
  Prisma,
  productColumns,
  queryRows,
  selectAsFields,
  type PrismaClient,
  type Product as ProductModel,
} from "@shop/db";
import { databaseSpan, notFound, ServiceError } from "@shop/service";
import type { LoadedCatalog, OversizedCatalog } from "./catalog-cache.ts";
import { imagesOf } from "./product-images.ts";

/**
 * Inventory's domain: every operation both doors (REST and tRPC) offer,
 * written once. Functions take the Prisma client and contract-validated
 * input, and return contract-shaped output.
 */

/** A product as this service reads it: every column but the search text only search reads. */
type ProductRow = Omit<ProductModel, "searchText">;
const { searchText: _searchOnly, ...readColumns } = productColumns;

/** Those columns, as the Prisma model's fields: a raw RETURNING gives ProductRow. */
const PRODUCT_FIELDS = Prisma.raw(selectAsFields(readColumns));

const toProduct = (row: ProductRow): Product => ({
  id: row.id,
  name: row.name,
  price_cents: row.priceCents,
  stock_qty: row.stockQty,
});

const toDetail = (row: ProductRow, images: ProductImage[]): ProductDetail => ({
  ...toProduct(row),
  description: row.description ?? "",
  sku: row.sku ?? null,
  images,
});

export const toAdminProduct = (row: ProductRow, images: ProductImage[]): AdminProduct => ({
  ...toDetail(row, images),
  archived_at: row.archivedAt?.toISOString() ?? null,
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

/** Prisma's "record to update not found". */
const isRecordNotFound = (err: unknown) =>
  typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2025";

/** Prisma's "unique constraint failed": the only unique field a product write sets is its SKU. */
const isUniqueViolation = (err: unknown) =>
  typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";

const skuTaken = (sku: string | null | undefined) =>
  new ServiceError("conflict", `Another product already has the SKU ${sku}`, [
    { path: "sku", message: "is already used by another product" },
  ]);

/**
 * The catalog (every product not archived, by name) and the content version
 * it is at, read in one statement so both come from one snapshot. Straight
 * to the pg pool (queryRows): at 100,000 products, Prisma's raw-query path
 * (its row conversions) held ~24 MiB more at the load's peak. With
 * `atMost`, a catalog of more products comes back without them: one row past
 * the bound is read, not the rest (CatalogCache holds no larger catalog).
 */
export async function loadCatalog(db: PrismaClient): Promise<LoadedCatalog>;
export async function loadCatalog(
  db: PrismaClient,
  atMost?: number,
): Promise<LoadedCatalog | OversizedCatalog>;
export async function loadCatalog(
  db: PrismaClient,
  atMost?: number,
): Promise<LoadedCatalog | OversizedCatalog> {
  const rows = await queryRows<{
    version: string;
    id: string | null;
    name: string;
    price_cents: number;
    stock_qty: number;
  }>(
    db,
    `SELECT v.version::text AS version, p.id, p.name, p.price_cents, p.stock_qty
       FROM catalog_version v
       LEFT JOIN products p ON p.archived_at IS NULL
      WHERE v.id = 1
      ORDER BY p.name, p.id
      LIMIT $1`,
    [atMost === undefined ? null : atMost + 1],
    (run) => databaseSpan("SELECT", "products", run),
  );
  const version = rows[0]?.version ?? "0";
  if (atMost !== undefined && rows.length > atMost) return { version };
  const products = rows.flatMap((r) =>
    r.id ? [{ id: r.id, name: r.name, price_cents: r.price_cents, stock_qty: r.stock_qty }] : [],
  );
  return { version, products };
}

/** The catalog: every product not archived, by name. */
export async function listCatalog(db: PrismaClient): Promise<Product[]> {
  return (await loadCatalog(db)).products;
}

/** Stock levels of these products, read now. */
export async function stockLevels(db: PrismaClient, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; stock_qty: number }[]>`
    SELECT id, stock_qty FROM products WHERE id = ANY(${[...ids]}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r.stock_qty]));
}

/** One catalog product with its content; archived products are gone from the catalog (404). */
export async function getCatalogProduct(db: PrismaClient, id: string): Promise<ProductDetail> {
  const row = await db.product.findFirst({ where: { id, archivedAt: null } });
  if (!row) throw notFound("Product", id);
  return toDetail(row, (await imagesOf(db, [id])).get(id) ?? []);
}

/** One product as the admin sees it, archived or not. */
export async function getAdminProduct(db: PrismaClient, id: string): Promise<AdminProduct> {
  const row = await db.product.findUnique({ where: { id } });
  if (!row) throw notFound("Product", id);
  return toAdminProduct(row, (await imagesOf(db, [id])).get(id) ?? []);
}

/**
 * Products by id, archived ones included (an old order still names them), in
 * the order asked; ids that name nothing are left out.
 */
export async function getProductsByIds(db: PrismaClient, ids: readonly string[]): Promise<ProductDetail[]> {
  const unique = [...new Set(ids)];
  const [rows, images] = await Promise.all([
    db.product.findMany({ where: { id: { in: unique } } }),
    imagesOf(db, unique),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toDetail(row, images.get(id) ?? [])] : [];
  });
}

/** Every product, archived ones too, for the admin: newest first. */
export async function listAllProducts(db: PrismaClient): Promise<AdminProduct[]> {
  const rows = await db.product.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const images = await imagesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toAdminProduct(row, images.get(row.id) ?? []));
}

export async function createProduct(db: PrismaClient, input: CreateProductInput): Promise<Product> {
  try {
    const row = await db.product.create({
      data: {
        name: input.name,
        priceCents: input.price_cents,
        stockQty: input.stock_qty,
        description: input.description ?? "",
        sku: input.sku ?? null,
      },
    });
    return toProduct(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw skuTaken(input.sku);
    throw err;
  }
}

export async function updateProduct(
  db: PrismaClient,
  id: string,
  input: UpdateProductInput,
): Promise<Product> {
  try {
    const row = await db.product.update({
      where: { id },
      data: {
        name: input.name,
        priceCents: input.price_cents,
        description: input.description,
        sku: input.sku,
      },
    });
    return toProduct(row);
  } catch (err) {
    if (isRecordNotFound(err)) throw notFound("Product", id);
    if (isUniqueViolation(err)) throw skuTaken(input.sku);
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
