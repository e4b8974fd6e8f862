-- Hand-written: tell listeners when products change, whoever changes them.
-- Inventory caches its catalog in memory and drops the cache on this signal,
-- so a stock change made by Orders (placing, cancelling) or by an admin shows
-- in the very next GET /products. One notification per statement, delivered
-- at commit, and only if the transaction commits; PostgreSQL folds identical
-- notifications of one transaction into one.
CREATE FUNCTION "notify_products_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('products_changed', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "products_changed"
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "products"
FOR EACH STATEMENT EXECUTE FUNCTION "notify_products_changed"();
