import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../src/audit.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe("the audit log's pages", () => {
  it("page past exactly the last entry shown: entries of the same millisecond are neither lost nor repeated", async () => {
    const at = new Date("2026-12-01T10:00:00.000Z");
    await db.prisma.auditEntry.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({
        at: i < 4 ? at : new Date(at.getTime() - 1),
        actorKind: "machine",
        actorLabel: "admin token (machine credential)",
        action: `test.action_${i}`,
        requestId: `r-${i}`,
      })),
    });
    const seen: string[] = [];
    let page = await listAudit(db.prisma, { limit: 2 });
    while (page.length > 0) {
      seen.push(...page.map((e) => e.action));
      const last = page.at(-1)!;
      page = await listAudit(db.prisma, { limit: 2, before: last.at, beforeId: last.id });
    }
    expect(seen.toSorted()).toEqual([0, 1, 2, 3, 4].map((i) => `test.action_${i}`));
    // By time alone, the rest of that millisecond would be skipped.
    const first = await listAudit(db.prisma, { limit: 2 });
    expect(await listAudit(db.prisma, { limit: 10, before: first.at(-1)!.at })).toHaveLength(1);
  });

  it("refuses a beforeId that is no id, as input", async () => {
    await expect(
      listAudit(db.prisma, { before: "2026-12-01T10:00:00.000Z", beforeId: "not-an-id" }),
    ).rejects.toMatchObject({ code: "validation_failed" });
  });
});
