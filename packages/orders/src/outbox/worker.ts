import { Prisma, type PrismaClient } from "@shop/db";
import type { Logger } from "@shop/service";
import { OUTBOX_ACTOR } from "../domain/actor.ts";
import type { EmailKind } from "../domain/outbox-rows.ts";
import { recordEvent } from "../domain/timeline.ts";
import { renderEmail } from "./render.ts";
import type { MailTransport } from "./transport.ts";

export interface OutboxWorkerOptions {
  db: PrismaClient;
  transport: MailTransport;
  log: Logger;
  /** How often to look for due emails when there was nothing to do (default 1 s). */
  pollMs?: number;
  /** First retry delay; each further failure doubles it, up to maxBackoffMs (default 2 s, 15 min). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** How long one send may hold its row (default 30 s). */
  sendTimeoutMs?: number;
}

interface DueRow {
  id: bigint;
  order_id: string;
  kind: EmailKind;
  recipient: string;
  attempts: number;
}

export type SendOutcome = "sent" | "failed" | "idle";

/**
 * Sends the outbox's emails, one row per transaction:
 *
 * 1. Claim the oldest due unsent row with FOR UPDATE SKIP LOCKED: another
 *    worker (another replica) skips it instead of sending it too.
 * 2. Send it, holding the claim.
 * 3. Mark it sent and add "email_sent" to the order's timeline; commit.
 *
 * A failed send records the error and pushes next_attempt_at back
 * (exponential backoff). A process that dies before step 3 commits leaves
 * the row unsent and unlocked (PostgreSQL ends the transaction with the
 * connection), so a restarted worker sends it: nothing is lost. A message
 * the server had already accepted is sent once more with the same
 * Message-ID (receivers drop such duplicates), and an .eml file is rewritten
 * under the same name.
 */
export function createOutboxWorker(options: OutboxWorkerOptions) {
  const { db, transport, log } = options;
  const pollMs = options.pollMs ?? 1_000;
  const backoffMs = options.backoffMs ?? 2_000;
  const maxBackoffMs = options.maxBackoffMs ?? 15 * 60_000;
  const sendTimeoutMs = options.sendTimeoutMs ?? 30_000;

  async function sendOne(): Promise<SendOutcome> {
    return db.$transaction(
      async (tx): Promise<SendOutcome> => {
        const [row] = await tx.$queryRaw<DueRow[]>`
          SELECT id, order_id, kind, recipient, attempts
            FROM email_outbox
           WHERE sent_at IS NULL AND next_attempt_at <= now()
           ORDER BY next_attempt_at, id
           LIMIT 1
             FOR UPDATE SKIP LOCKED`;
        if (!row) return "idle";
        try {
          const email = await renderEmail(tx, row.order_id, row.kind);
          await transport.send({ id: row.id.toString(), to: row.recipient, ...email });
        } catch (err) {
          const delay = Math.min(maxBackoffMs, backoffMs * 2 ** row.attempts);
          await tx.emailOutbox.update({
            where: { id: row.id },
            data: {
              attempts: { increment: 1 },
              nextAttemptAt: new Date(Date.now() + delay),
              lastError: String(err instanceof Error ? err.message : err).slice(0, 1_000),
            },
          });
          log.warn({ err, outboxId: row.id.toString(), retryInMs: delay }, "email not sent; will retry");
          return "failed";
        }
        await tx.emailOutbox.update({
          where: { id: row.id },
          data: { sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
        });
        await recordEvent(tx, row.order_id, "email_sent", OUTBOX_ACTOR, {
          kind: row.kind,
          outbox_id: row.id.toString(),
        });
        log.info({ outboxId: row.id.toString(), kind: row.kind }, "email sent");
        return "sent";
      },
      {
        isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted,
        timeout: sendTimeoutMs + 5_000,
      },
    );
  }

  /** Send every email that is due now; resolves with how many went. */
  async function drain(): Promise<number> {
    let sent = 0;
    for (;;) {
      const outcome = await sendOne();
      if (outcome === "idle") return sent;
      if (outcome === "sent") sent += 1;
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = drain().then(
        () => schedule(pollMs),
        (err: unknown) => {
          log.warn({ err }, "outbox worker could not reach the database; retrying");
          schedule(pollMs * 5);
        },
      );
    }, delay);
  }

  return {
    sendOne,
    drain,
    start() {
      stopped = false;
      schedule(0);
    },
    /** Stop polling and wait for a send in progress to finish. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
