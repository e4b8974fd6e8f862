import { describe, expect, it } from "vitest";
import { decide, type StoredAnswer } from "../src/decide.ts";

const now = new Date("2026-11-26T12:00:00Z");
const stored = (overrides: Partial<StoredAnswer> = {}): StoredAnswer => ({
  fingerprint: "f1",
  status: 201,
  body: '{"status":"succeeded"}',
  expiresAt: new Date(now.getTime() + 60_000),
  ...overrides,
});

describe("the state machine of an idempotency key", () => {
  it("executes a new key", () => {
    expect(decide({ lockAcquired: true, stored: undefined, fingerprint: "f1", now })).toEqual({
      action: "execute",
      deleteExpired: false,
    });
  });

  it("replays a completed key with the same body, status and text unchanged", () => {
    expect(decide({ lockAcquired: true, stored: stored(), fingerprint: "f1", now })).toEqual({
      action: "replay",
      status: 201,
      body: '{"status":"succeeded"}',
    });
  });

  it("refuses a completed key with a different body (422)", () => {
    expect(decide({ lockAcquired: true, stored: stored(), fingerprint: "f2", now })).toEqual({
      action: "reject",
      reason: "reused",
    });
  });

  it("refuses a key another request is working on (409): new, or expired and being redone", () => {
    const expired = stored({ expiresAt: new Date(now.getTime() - 1) });
    for (const s of [undefined, expired]) {
      expect(decide({ lockAcquired: false, stored: s, fingerprint: "f1", now })).toEqual({
        action: "reject",
        reason: "in_use",
      });
    }
  });

  it("answers a completed key even while another retry holds the lock: replay, or 422 for another body", () => {
    expect(decide({ lockAcquired: false, stored: stored(), fingerprint: "f1", now })).toEqual({
      action: "replay",
      status: 201,
      body: '{"status":"succeeded"}',
    });
    expect(decide({ lockAcquired: false, stored: stored(), fingerprint: "f2", now })).toEqual({
      action: "reject",
      reason: "reused",
    });
  });

  it("treats an expired key as new, whatever its body, and deletes the old answer", () => {
    for (const fingerprint of ["f1", "f2"]) {
      expect(decide({ lockAcquired: true, stored: stored({ expiresAt: now }), fingerprint, now })).toEqual({
        action: "execute",
        deleteExpired: true,
      });
    }
  });
});
