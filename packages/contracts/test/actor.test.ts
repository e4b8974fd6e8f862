import { describe, expect, it } from "vitest";
import { actorLabel, MACHINE_ACTOR, type StaffActor } from "../src/staff/actor.ts";

const ann: StaffActor = {
  kind: "staff",
  staffId: "5b8a3c1e-0d2f-4a6b-9c7d-1e2f3a4b5c6d",
  email: "ann@shop.test",
  role: "manager",
};

describe("actorLabel", () => {
  it("names a person by email in both logs", () => {
    expect(actorLabel(ann, "audit")).toBe("ann@shop.test");
    expect(actorLabel(ann, "timeline")).toBe("ann@shop.test");
  });

  it("names the machine credential in each log's own words", () => {
    expect(actorLabel(MACHINE_ACTOR, "audit")).toBe("admin token (machine credential)");
    expect(actorLabel(MACHINE_ACTOR, "timeline")).toBe("admin token");
  });

  it("names a request with no actor the shopper", () => {
    expect(actorLabel(undefined, "timeline")).toBe("shopper");
  });
});
