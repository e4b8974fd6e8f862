-- Hand-written: names sort as people sort them, not by code point.
--
-- "shop_name" is ICU's root collation with numeric ordering: "apron" next to
-- "Apron", "Crème" beside "Creme", "Mug 2" before "Mug 10". It orders; it
-- never decides equality (deterministic), so SKUs and names compare as ever.
CREATE COLLATION IF NOT EXISTS "shop_name" (provider = icu, locale = 'und-u-kn-true');

-- The column sorts by it, so products_name_id_idx (rebuilt here) serves the
-- admin's name sort and the keyset condition (name, id) > (…). A column a
-- trigger names cannot change type: products_search goes and comes back.
DROP TRIGGER "products_search" ON "products";
ALTER TABLE "products" ALTER COLUMN "name" TYPE text COLLATE "shop_name";
CREATE TRIGGER "products_search"
BEFORE INSERT OR UPDATE OF "name", "sku", "description" ON "products"
FOR EACH ROW EXECUTE FUNCTION "products_search_columns"();

-- The shop's shelf: what can be bought first, sold out last, each part by
-- name. One index in that order, over the products on sale, serves both
-- the shelf's pages and its keyset condition ((stock_qty <= 0), name, id) > (…).
CREATE INDEX "products_shelf_idx" ON "products" (("stock_qty" <= 0), "name", "id") WHERE "archived_at" IS NULL;
