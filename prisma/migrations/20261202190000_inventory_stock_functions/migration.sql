-- Hand-written (no schema change): one owner per table. Only Inventory's
-- code writes `products`; Orders' placement and cancellation change stock
-- through these three functions, inside Orders' own transaction (the same
-- all-or-nothing guarantee, one place that knows the stock SQL). Orders'
-- code names no Inventory table (scripts/lint/table-owners.ts checks the
-- TypeScript; packages/db/test/table-owners.test.ts the SQL functions).

-- Locks the products of an order's lines in ascending id order, the one
-- global lock order (two orders never wait on each other in a cycle), and
-- answers each line with its product's price and stock as locked: each row
-- is read at its latest committed version and stays so until the caller's
-- transaction ends. An unknown or archived product answers null price and
-- stock. p_lines: [{"product_id": uuid, "qty": int}], one per product.
--
-- A line that the committed stock already cannot serve (or an unknown
-- product) is answered from a plain read, without locking anything: the
-- caller refuses the order, and the answer was true of the committed stock
-- when it was read. A refusal then holds no row lock and
-- writes nothing, not even the lock's mark on the row, so its commit waits
-- for no WAL flush: in a flash sale, the sold-out buyers no longer queue on
-- the hot row behind each other's commits.
CREATE FUNCTION "inventory_lock_stock"(p_lines jsonb)
RETURNS TABLE (product_id uuid, qty integer, price_cents integer, stock_qty integer)
LANGUAGE plpgsql AS $$
DECLARE
  committed jsonb;
  refused boolean;
BEGIN
  -- One plain read: when it shows a line short, its rows are the answer
  -- (the caller's checks are the same test, so they refuse the order).
  SELECT jsonb_agg(jsonb_build_object('product_id', l.product_id, 'qty', l.qty,
                                      'price_cents', p.price_cents, 'stock_qty', p.stock_qty)),
         bool_or(p.id IS NULL OR p.stock_qty < l.qty)
    INTO committed, refused
    FROM jsonb_to_recordset(p_lines) AS l(product_id uuid, qty int)
    LEFT JOIN "products" p ON p.id = l.product_id AND p.archived_at IS NULL;
  IF refused THEN
    RETURN QUERY
    SELECT c.product_id, c.qty, c.price_cents, c.stock_qty
      FROM jsonb_to_recordset(committed) AS c(product_id uuid, qty int, price_cents int, stock_qty int)
     ORDER BY c.product_id;
    RETURN;
  END IF;
  PERFORM 1
     FROM "products" p
    WHERE p.id IN (SELECT l.product_id FROM jsonb_to_recordset(p_lines) AS l(product_id uuid, qty int))
      AND p.archived_at IS NULL
    ORDER BY p.id
      FOR UPDATE;
  RETURN QUERY
  SELECT l.product_id, l.qty, p.price_cents, p.stock_qty
    FROM jsonb_to_recordset(p_lines) AS l(product_id uuid, qty int)
    LEFT JOIN "products" p ON p.id = l.product_id AND p.archived_at IS NULL
   ORDER BY l.product_id;
END;
$$;

-- Takes the lines' stock, relative to the locked value. Only after
-- inventory_lock_stock in the same transaction, with every line checked
-- against what it answered; the CHECK stock_qty >= 0 is the last line of
-- defence.
CREATE FUNCTION "inventory_take_stock"(p_lines jsonb) RETURNS void
LANGUAGE sql AS $$
  UPDATE "products" p
     SET stock_qty = p.stock_qty - l.qty, updated_at = now()
    FROM jsonb_to_recordset(p_lines) AS l(product_id uuid, qty int)
   WHERE p.id = l.product_id;
$$;

-- Puts the lines' stock back (a cancelled order), archived products too.
-- Locks first in ascending id order, as placement does: an UPDATE ... FROM
-- locks rows in whatever order its join yields, which could wait in a
-- cycle with a multi-item placement.
CREATE FUNCTION "inventory_return_stock"(p_lines jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1
     FROM "products" p
    WHERE p.id IN (SELECT l.product_id FROM jsonb_to_recordset(p_lines) AS l(product_id uuid, qty int))
    ORDER BY p.id
      FOR UPDATE;
  UPDATE "products" p
     SET stock_qty = p.stock_qty + l.qty, updated_at = now()
    FROM jsonb_to_recordset(p_lines) AS l(product_id uuid, qty int)
   WHERE p.id = l.product_id;
END;
$$;

-- Placement as before (20261202160000_place_order_function, which documents
-- its answer), now locking and taking stock through Inventory's functions.
CREATE OR REPLACE FUNCTION "place_order"(
  p_lines jsonb,              -- [{"product_id": uuid, "qty": int}], one per product
  p_total_max integer,        -- ORDER_TOTAL_MAX of @shop/contracts
  p_access_token text,        -- the order's access token (in the answer only)
  p_access_token_hash text,   -- what the order row keeps of it
  p_customer jsonb,           -- {"email", "name", "phone"} or null
  p_address jsonb,            -- {"line1", "line2", "city", "postal_code", "region", "country"} or null
  p_actor text,               -- who places it, for the timeline
  p_request_id text,
  p_idempotency_scope text DEFAULT NULL,
  p_idempotency_key text DEFAULT NULL,   -- null: no Idempotency-Key
  p_fingerprint text DEFAULT NULL,       -- of the request body
  p_ttl_ms bigint DEFAULT NULL           -- how long the answer is replayed
) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  acquired boolean;
  stored record;
  had_answer boolean;
  unknown jsonb;
  shortfalls jsonb;
  total bigint;
  placed record;
  locked jsonb;
  body text;
BEGIN
  -- 0. The Idempotency-Key, decided as @shop/idempotency's decide() does: a
  --    live stored answer is replayed (or refused for another body) whoever
  --    holds the key's lock; otherwise the lock (transaction-scoped, never
  --    waited for) says whether this request may do the work.
  IF p_idempotency_key IS NOT NULL THEN
    acquired := pg_try_advisory_xact_lock(hashtextextended(p_idempotency_scope || ':' || p_idempotency_key, 0));
    SELECT k.fingerprint, k.response_body, k.expires_at INTO stored
      FROM "idempotency_keys" k
     WHERE k.scope = p_idempotency_scope AND k.key = p_idempotency_key;
    had_answer := FOUND;
    IF had_answer AND stored.expires_at > now() THEN
      IF stored.fingerprint = p_fingerprint THEN
        RETURN jsonb_build_object('outcome', 'replayed', 'body', stored.response_body);
      END IF;
      RETURN jsonb_build_object('outcome', 'idempotency_key_reused');
    END IF;
    IF NOT acquired THEN
      RETURN jsonb_build_object('outcome', 'idempotency_key_in_use');
    END IF;
    IF had_answer THEN -- expired: the key starts over
      DELETE FROM "idempotency_keys" k WHERE k.scope = p_idempotency_scope AND k.key = p_idempotency_key;
    END IF;
  END IF;

  -- 1. Inventory locks the order's products (ascending id order, latest
  --    committed version, held until commit) and tells their prices and stock.
  SELECT jsonb_agg(to_jsonb(s)) INTO locked FROM "inventory_lock_stock"(p_lines) AS s;

  -- 2. Check every line against the locked rows.
  SELECT coalesce(jsonb_agg(jsonb_build_object('productId', s.product_id) ORDER BY s.product_id)
                    FILTER (WHERE s.price_cents IS NULL), '[]'),
         coalesce(jsonb_agg(jsonb_build_object('productId', s.product_id, 'requested', s.qty,
                                               'available', s.stock_qty) ORDER BY s.product_id)
                    FILTER (WHERE s.stock_qty < s.qty), '[]'),
         coalesce(sum(s.qty::bigint * s.price_cents), 0)
    INTO unknown, shortfalls, total
    FROM jsonb_to_recordset(locked) AS s(product_id uuid, qty int, price_cents int, stock_qty int);
  IF jsonb_array_length(unknown) > 0 THEN
    RETURN jsonb_build_object('outcome', 'not_found', 'details', unknown);
  END IF;
  IF total < 1 OR total > p_total_max THEN
    RETURN jsonb_build_object('outcome', 'total_out_of_range', 'total', total);
  END IF;
  IF jsonb_array_length(shortfalls) > 0 THEN
    RETURN jsonb_build_object('outcome', 'insufficient_stock', 'details', shortfalls);
  END IF;

  -- 3. The order (its number from orders_number_seq), its lines at the
  --    prices Inventory locked, and the stock taken (by Inventory).
  INSERT INTO "orders" (
      total_cents, access_token_hash,
      customer_email, customer_name, customer_phone,
      ship_line1, ship_line2, ship_city, ship_postal_code, ship_region, ship_country)
  VALUES (
      total, p_access_token_hash,
      p_customer->>'email', p_customer->>'name', p_customer->>'phone',
      p_address->>'line1', p_address->>'line2', p_address->>'city',
      p_address->>'postal_code', p_address->>'region', p_address->>'country')
  RETURNING id, number, status::text AS status INTO placed;
  INSERT INTO "order_items" (order_id, product_id, qty, price_cents)
  SELECT placed.id, s.product_id, s.qty, s.price_cents
    FROM jsonb_to_recordset(locked) AS s(product_id uuid, qty int, price_cents int);
  PERFORM "inventory_take_stock"(p_lines);

  -- 4. Checkout: the timeline's first event and, with a customer's email,
  --    the confirmation email's outbox row.
  INSERT INTO "order_events" (order_id, type, actor, request_id, data)
  VALUES (placed.id, 'placed', p_actor, p_request_id,
          jsonb_build_object('number', placed.number, 'total_cents', total));
  IF p_customer->>'email' IS NOT NULL THEN
    INSERT INTO "email_outbox" (order_id, kind, recipient)
    VALUES (placed.id, 'order_confirmation', p_customer->>'email');
  END IF;

  -- 5. The answer, as JSON.stringify writes PlacedOrder (keys in its order),
  --    kept for replay with an Idempotency-Key in the same transaction.
  body := format('{"orderId":%s,"status":%s,"total_cents":%s,"number":%s,"access_token":%s}',
                 to_json(placed.id::text), to_json(placed.status), total, placed.number,
                 to_json(p_access_token));
  IF p_idempotency_key IS NOT NULL THEN
    INSERT INTO "idempotency_keys" (scope, key, fingerprint, response_status, response_body, expires_at)
    VALUES (p_idempotency_scope, p_idempotency_key, p_fingerprint, 201, body,
            now() + p_ttl_ms * interval '1 millisecond');
  END IF;
  RETURN jsonb_build_object('outcome', 'placed', 'body', body);
END;
$$;
