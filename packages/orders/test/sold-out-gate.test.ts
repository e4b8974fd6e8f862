import { describe, expect, it } from "vitest";
import { SoldOutGate } from "../src/domain/sold-out-gate.ts";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";

/** A gate that hears notifications, with a clock the test moves. */
function listeningGate(ttlMs = 1_000) {
  let now = 0;
  const gate = new SoldOutGate({ ttlMs, now: () => now });
  gate.setListening(true);
  return { gate, advance: (ms: number) => (now += ms) };
}

describe("SoldOutGate", () => {
  it("refuses an order whose every product the database found sold out, each line short by all it asks", () => {
    const { gate } = listeningGate();
    gate.soldOutSeen([A, B], gate.ticket());
    expect(gate.shortfalls([{ productId: A, qty: 2 }])).toEqual([
      { productId: A, requested: 2, available: 0 },
    ]);
    expect(
      gate.shortfalls([
        { productId: A, qty: 1 },
        { productId: B, qty: 3 },
      ]),
    ).toEqual([
      { productId: A, requested: 1, available: 0 },
      { productId: B, requested: 3, available: 0 },
    ]);
  });

  it("leaves to the database any order with a product not known sold out", () => {
    const { gate } = listeningGate();
    gate.soldOutSeen([A], gate.ticket());
    expect(
      gate.shortfalls([
        { productId: A, qty: 1 },
        { productId: B, qty: 1 },
      ]),
    ).toBeUndefined();
    expect(gate.shortfalls([])).toBeUndefined();
  });

  it("forgets a product when its stock moves, and everything on a content change or '*'", () => {
    const { gate } = listeningGate();
    gate.soldOutSeen([A, B], gate.ticket());
    gate.soldOutChanged([A]); // restocked
    expect(gate.shortfalls([{ productId: A, qty: 1 }])).toBeUndefined();
    expect(gate.shortfalls([{ productId: B, qty: 1 }])).toBeDefined();
    gate.contentChanged();
    expect(gate.size).toBe(0);
    gate.soldOutSeen([A], gate.ticket());
    gate.soldOutChanged("all");
    expect(gate.size).toBe(0);
  });

  it("does not keep a sold-out answer that a change overtook on its way back", () => {
    const { gate } = listeningGate();
    const ticket = gate.ticket(); // the database is asked...
    gate.soldOutChanged([A]); // ...a restock commits and is heard meanwhile...
    gate.soldOutSeen([A], ticket); // ...and the older "sold out" arrives
    expect(gate.shortfalls([{ productId: A, qty: 1 }])).toBeUndefined();
  });

  it("refuses nothing from memory without the listener, and forgets all when it is lost", () => {
    const gate = new SoldOutGate();
    gate.soldOutSeen([A], gate.ticket());
    expect(gate.shortfalls([{ productId: A, qty: 1 }])).toBeUndefined();
    gate.setListening(true);
    gate.soldOutSeen([A], gate.ticket());
    expect(gate.shortfalls([{ productId: A, qty: 1 }])).toBeDefined();
    gate.setListening(false);
    expect(gate.shortfalls([{ productId: A, qty: 1 }])).toBeUndefined();
  });

  it("lets a mark lapse after its time, should a notification be lost", () => {
    const { gate, advance } = listeningGate(1_000);
    gate.soldOutSeen([A], gate.ticket());
    advance(999);
    expect(gate.shortfalls([{ productId: A, qty: 1 }])).toBeDefined();
    advance(2);
    expect(gate.shortfalls([{ productId: A, qty: 1 }])).toBeUndefined();
    expect(gate.size).toBe(0);
  });
});
