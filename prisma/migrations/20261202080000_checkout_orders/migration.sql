-- AlterEnum (PostgreSQL 12 and later add enum values inside a transaction;
-- the new values are not used in this migration).
ALTER TYPE "order_status" ADD VALUE 'FULFILLED';
ALTER TYPE "order_status" ADD VALUE 'REFUNDED';

-- Hand-written: order numbers start at 1001 (the sequence exists before the
-- column, so orders placed before this migration get numbers from 1001 on too).
CREATE SEQUENCE "orders_number_seq" AS INTEGER START WITH 1001;

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "access_token_hash" TEXT,
ADD COLUMN     "captured_cents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "carrier" TEXT,
ADD COLUMN     "customer_email" TEXT,
ADD COLUMN     "customer_name" TEXT,
ADD COLUMN     "customer_phone" TEXT,
ADD COLUMN     "fulfilled_at" TIMESTAMPTZ(3),
ADD COLUMN     "number" INTEGER NOT NULL DEFAULT nextval('orders_number_seq'),
ADD COLUMN     "refunded_cents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ship_city" TEXT,
ADD COLUMN     "ship_country" CHAR(2),
ADD COLUMN     "ship_line1" TEXT,
ADD COLUMN     "ship_line2" TEXT,
ADD COLUMN     "ship_postal_code" TEXT,
ADD COLUMN     "ship_region" TEXT,
ADD COLUMN     "tracking_number" TEXT;

-- CreateTable
CREATE TABLE "order_events" (
    "id" BIGSERIAL NOT NULL,
    "order_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "request_id" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_refunds" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_refunds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_outbox" (
    "id" BIGSERIAL NOT NULL,
    "order_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refunds" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "charge_id" UUID NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refunds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "order_events_order_id_id_idx" ON "order_events"("order_id", "id");

-- CreateIndex
CREATE INDEX "order_refunds_order_id_idx" ON "order_refunds"("order_id");

-- CreateIndex
CREATE INDEX "email_outbox_due_idx" ON "email_outbox"("next_attempt_at");

-- CreateIndex
CREATE INDEX "refunds_charge_id_idx" ON "refunds"("charge_id");

-- CreateIndex
CREATE UNIQUE INDEX "orders_number_key" ON "orders"("number");

-- CreateIndex
CREATE INDEX "orders_customer_email_idx" ON "orders"("customer_email");

-- AddForeignKey
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_refunds" ADD CONSTRAINT "order_refunds_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_charge_id_fkey" FOREIGN KEY ("charge_id") REFERENCES "charges"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the sequence belongs to its column (as SERIAL would make it).
ALTER SEQUENCE "orders_number_seq" OWNED BY "orders"."number";

-- Hand-written: CHECK constraints (see the first migration). A refund can
-- never exceed what was captured, in Orders' books and in Payments'.
ALTER TABLE "orders" ADD CONSTRAINT "orders_captured_cents_range" CHECK ("captured_cents" >= 0 AND "captured_cents" <= "total_cents");
ALTER TABLE "orders" ADD CONSTRAINT "orders_refunded_cents_range" CHECK ("refunded_cents" >= 0 AND "refunded_cents" <= "captured_cents");
ALTER TABLE "orders" ADD CONSTRAINT "orders_ship_country_alpha2" CHECK ("ship_country" ~ '^[A-Z]{2}$');
ALTER TABLE "order_refunds" ADD CONSTRAINT "order_refunds_amount_positive" CHECK ("amount_cents" > 0);
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_amount_positive" CHECK ("amount_cents" > 0);
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_attempts_non_negative" CHECK ("attempts" >= 0);
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_kind_known" CHECK ("kind" IN ('order_confirmation', 'shipping_notice'));
