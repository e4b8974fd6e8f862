-- Hand-written: an order's stock change becomes a HOT update.
--
-- PostgreSQL updates a row in place (HOT: no new entry in any index, the old
-- version pruned when the page is next read) only when no indexed column
-- changed and the page has room. products_shelf_idx indexed the expression
-- (stock_qty <= 0), so every decrement changed an indexed column: each order
-- wrote a new entry into all seven of products' indexes (the GIN search
-- index too) and left a dead version behind. Under order load a product was
-- soon hundreds of versions deep, and every lookup by id walked them:
-- the bench measured 0 HOT updates of 77,168 and ~4–7 ms of PostgreSQL CPU
-- per order where a fresh table costs ~1.3 ms.
--
-- The shelf now indexes sold_out, a stored column PostgreSQL computes from
-- stock_qty. Its value changes only when stock reaches or leaves zero, so a
-- decrement that leaves stock above zero touches no indexed value. STORED:
-- PostgreSQL 18 makes generated columns virtual by default, and a virtual
-- column cannot be indexed.
--
-- fillfactor 80 keeps a fifth of every page free for the new versions (the
-- table is rewritten by the ADD COLUMN below, so existing pages get it too).
ALTER TABLE "products" SET (fillfactor = 80);
DROP INDEX "products_shelf_idx";
ALTER TABLE "products" ADD COLUMN "sold_out" boolean GENERATED ALWAYS AS ("stock_qty" <= 0) STORED;
CREATE INDEX "products_shelf_idx" ON "products" ("sold_out", "name", "id") WHERE "archived_at" IS NULL;
