-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "capture_attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "charge_id" UUID;

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "response_status" INTEGER NOT NULL,
    "response_body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("scope","key")
);

-- CreateIndex
CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys"("expires_at");

-- Hand-written: CHECK constraints (see the first migration).
ALTER TABLE "orders" ADD CONSTRAINT "orders_capture_attempts_non_negative" CHECK ("capture_attempts" >= 0);
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_key_length" CHECK (char_length("key") BETWEEN 1 AND 255);
