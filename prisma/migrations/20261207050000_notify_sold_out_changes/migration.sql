-- Hand-written: a third notification, product_sold_out_changed (payload: the
-- ids, comma-separated, or "*"), when products run out or come back
-- (sold_out flips), beside product_stock_changed for every stock move.
--
-- The gateway keeps catalog pages and drops one when a product on it
-- changes. But a shelf page (sold-out products last) or an in-stock-only
-- page is also made by which other products are sold out: only a flip
-- changes that, and a sale that leaves stock above zero (almost every order)
-- must not drop every such page. Same statement, same comparison of old and
-- new rows: an order costs one more aggregate over its own rows.
CREATE OR REPLACE FUNCTION "products_updated"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  stock_ids text;
  flipped_ids text;
BEGIN
  IF EXISTS (
    SELECT 1 FROM new_rows n JOIN old_rows o USING ("id")
     WHERE (n.name, n.price_cents, n.description, n.sku, n.archived_at)
           IS DISTINCT FROM (o.name, o.price_cents, o.description, o.sku, o.archived_at)
  ) THEN
    PERFORM "bump_catalog_version"();
    INSERT INTO "search_words" ("word")
    SELECT DISTINCT w
      FROM new_rows n JOIN old_rows o USING ("id"), "product_words"(n.name, n.sku, n.description) AS w
     WHERE (n.name, n.description, n.sku) IS DISTINCT FROM (o.name, o.description, o.sku)
    ORDER BY w
    ON CONFLICT DO NOTHING;
  END IF;
  SELECT string_agg(n.id::text, ',') FILTER (WHERE n.stock_qty IS DISTINCT FROM o.stock_qty),
         string_agg(n.id::text, ',') FILTER (WHERE n.sold_out IS DISTINCT FROM o.sold_out)
    INTO stock_ids, flipped_ids
    FROM new_rows n JOIN old_rows o USING ("id");
  -- A notification payload must stay under 8,000 bytes.
  IF stock_ids IS NOT NULL THEN
    PERFORM pg_notify('product_stock_changed', CASE WHEN length(stock_ids) > 7000 THEN '*' ELSE stock_ids END);
  END IF;
  IF flipped_ids IS NOT NULL THEN
    PERFORM pg_notify('product_sold_out_changed', CASE WHEN length(flipped_ids) > 7000 THEN '*' ELSE flipped_ids END);
  END IF;
  RETURN NULL;
END;
$$;
