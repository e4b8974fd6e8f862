import { describe, expect, it } from "vitest";
import { shelfOrder } from "../src/catalog/shelf-order.ts";

const p = (name: string, stockQty = 5) => ({ name, stockQty });

describe("the catalog's order", () => {
  it("sorts names as people do: case aside, numbers by value", () => {
    const names = shelfOrder([p("mug"), p("Bowl"), p("Mug 10"), p("apron"), p("Mug 2"), p("Échelle")]).map(
      (x) => x.name,
    );
    expect(names).toEqual(["apron", "Bowl", "Échelle", "mug", "Mug 2", "Mug 10"]);
  });

  it("puts sold-out products after those in stock", () => {
    const names = shelfOrder([p("Apron", 0), p("Zester"), p("Bowl", 0), p("Kettle", 1)]).map((x) => x.name);
    expect(names).toEqual(["Kettle", "Zester", "Apron", "Bowl"]);
  });
});
