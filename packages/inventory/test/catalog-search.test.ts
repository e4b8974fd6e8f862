import type { ProductDetail } from "@shop/contracts";
import { describe, expect, it } from "vitest";
import { useInventory } from "./harness.ts";

/** Search, sorts and the REST paging contract (Link header, parameter errors). */
const h = useInventory();

const names = (body: unknown) => (body as ProductDetail[]).map((p) => p.name);

describe("GET /products with parameters", () => {
  it("searches name, description and SKU, forgiving case, accents and typos, best match first", async () => {
    await h.db.product.createMany({
      data: [
        { name: "Teapot", priceCents: 3_400, stockQty: 8, description: "Glazed stoneware, holds a litre." },
        {
          name: "Tea Tin",
          priceCents: 900,
          stockQty: 0,
          description: "Keeps a teapot's worth of leaves dry.",
        },
        { name: "Crème Brûlée Dish", priceCents: 1_500, stockQty: 4, description: "Oven-safe porcelain." },
        {
          name: "Burr Grinder",
          priceCents: 12_900,
          stockQty: 4,
          sku: "GRD-900",
          description: "Conical burrs.",
        },
        { name: "Walnut Tray", priceCents: 4_500, stockQty: 10, description: "Oiled walnut, for serving." },
      ],
    });
    const search = async (q: string, extra = "") =>
      names((await h.rest("GET", `/products?q=${encodeURIComponent(q)}${extra}`)).body);

    expect((await search("TEAPOT"))[0]).toBe("Teapot"); // case; the name beats the description's mention
    expect(await search("teapot")).toContain("Tea Tin"); // found by its description
    expect((await search("teapto"))[0]).toBe("Teapot"); // a typo
    expect((await search("grnder"))[0]).toBe("Burr Grinder"); // a letter missing
    expect(await search("creme brulee")).toEqual(["Crème Brûlée Dish"]); // accents
    expect(await search("grd-900")).toEqual(["Burr Grinder"]); // the SKU
    expect(await search("porcelain")).toEqual(["Crème Brûlée Dish"]); // a description word
    expect(await search("serving")).toEqual(["Walnut Tray"]); // stemmed: "serve" would find it too
    expect(await search("zzzzqqq")).toEqual([]);
    expect(await search("teapot", "&in_stock=true")).toEqual(["Teapot"]);
    expect(await search("teapot", "&sort=price_asc")).toEqual(["Tea Tin", "Teapot"]);
  }, 60_000);

  it("matches every word of a search, each forgiving a typo, and leaves out stop words", async () => {
    await h.db.product.createMany({
      data: [
        { name: "Oak Kettle", priceCents: 5_000, stockQty: 3 },
        { name: "Oak Board", priceCents: 2_000, stockQty: 3, description: "For a kettle to stand on." },
        { name: "Copper Kettle", priceCents: 7_000, stockQty: 3 },
      ],
    });
    const search = async (q: string) =>
      names((await h.rest("GET", `/products?q=${encodeURIComponent(q)}`)).body);
    // Both words, in any field: not every oak thing, not every kettle.
    expect(await search("oak kettle")).toEqual(["Oak Kettle", "Oak Board"]);
    expect(await search("oak ketlte")).toEqual(["Oak Kettle", "Oak Board"]); // a typo in one word
    expect(await search("the oak kettle for me")).toEqual(["Oak Kettle", "Oak Board"]); // "the", "for", "me"
    expect(await search("copper oak")).toEqual([]);
  });

  it("learns the words of new and renamed products: a typo of a word just added is read", async () => {
    const product = await h.db.product.create({
      data: { name: "Plain Saucer", priceCents: 800, stockQty: 2 },
    });
    await h.db.product.update({ where: { id: product.id }, data: { name: "Lacquered Saucer" } });
    expect(await h.rest("GET", "/products?q=laquered").then((r) => names(r.body))).toEqual([
      "Lacquered Saucer",
    ]);
    await h.db.product.update({
      where: { id: product.id },
      data: { description: "Hand-thrown in Staffordshire." },
    });
    expect(await h.rest("GET", "/products?q=stafordshire").then((r) => names(r.body))).toEqual([
      "Lacquered Saucer",
    ]);
  });

  it("sorts by name, price either way and newest, and filters to what is in stock", async () => {
    const sorted = async (sort: string) =>
      names((await h.rest("GET", `/products?sort=${sort}&limit=100`)).body);
    // The shop's name order: what can be bought first, sold out last, each as people sort names.
    const shelf = (await h.rest("GET", `/products?sort=name&limit=100`)).body as ProductDetail[];
    const byName = new Intl.Collator("en", { numeric: true }).compare;
    const part = (soldOut: boolean) => shelf.filter((p) => p.stock_qty <= 0 === soldOut).map((p) => p.name);
    expect(shelf.map((p) => p.name)).toEqual([
      ...part(false).toSorted(byName),
      ...part(true).toSorted(byName),
    ]);
    expect(part(true).length).toBeGreaterThan(0);
    const prices = async (sort: string) =>
      ((await h.rest("GET", `/products?sort=${sort}&limit=100`)).body as ProductDetail[]).map(
        (p) => p.price_cents,
      );
    expect(await prices("price_asc")).toEqual([...(await prices("price_asc"))].sort((a, b) => a - b));
    expect(await prices("price_desc")).toEqual([...(await prices("price_asc"))].reverse());
    const fresh = await h.db.product.create({ data: { name: "Zebra Mug", priceCents: 100, stockQty: 1 } });
    expect((await sorted("newest"))[0]).toBe(fresh.name);
    const inStock = (await h.rest("GET", "/products?in_stock=true&limit=100")).body as ProductDetail[];
    expect(inStock.every((p) => p.stock_qty > 0)).toBe(true);
    expect(inStock.map((p) => p.name)).not.toContain("Tea Tin");
  });

  it("answers one page with the next page's URL in a Link header, and none on the last page", async () => {
    const first = await h.rest("GET", "/products?limit=2&sort=name");
    expect(first.status).toBe(200);
    expect((first.body as unknown[]).length).toBe(2);
    const link = first.headers.get("link")!;
    expect(link).toMatch(/^<http:\/\/[^>]+\/products\?limit=2&sort=name&cursor=[\w-]+>; rel="next"$/);
    const next = new URL(/<([^>]+)>/.exec(link)![1]!);
    const second = await h.rest("GET", `${next.pathname}${next.search}`);
    expect(names(second.body)).not.toContain(names(first.body)[0]);
    const all = await h.rest("GET", "/products?limit=100");
    expect(all.headers.get("link")).toBeNull();
    // Items carry the content fields; the locked four keep their names and types.
    expect((all.body as ProductDetail[])[0]).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      price_cents: expect.any(Number),
      stock_qty: expect.any(Number),
      description: expect.any(String),
      images: [],
    });
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=ten", "limit"],
    ["sort=cheapest", "sort"],
    ["in_stock=yes", "in_stock"],
    ["colour=red", ""],
    ["cursor=not-a-cursor", "cursor"],
    ["limit=2&limit=3", "limit"],
  ])("refuses %s with a 400 naming the parameter", async (query, path) => {
    const res = await h.rest("GET", `/products?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "validation_failed" });
    const details = (res.body as { details: { path: string }[] }).details;
    expect(details.some((d) => d.path.startsWith(path))).toBe(true);
  });

  it("refuses a cursor made for another sort or search", async () => {
    const first = await h.rest("GET", "/products?limit=1&sort=name");
    const cursor = new URL(/<([^>]+)>/.exec(first.headers.get("link")!)![1]!).searchParams.get("cursor")!;
    for (const other of ["sort=price_asc", "sort=name&q=tea", "sort=name&in_stock=true"]) {
      const res = await h.rest("GET", `/products?limit=1&${other}&cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect((res.body as { message: string }).message).toMatch(/another sort, search or filter/);
    }
  });

  it("pages a search in (score, id) order without repeats", async () => {
    await h.db.product.createMany({
      data: Array.from({ length: 9 }, (_, i) => ({ name: `Teapot ${i % 3}`, priceCents: 100, stockQty: 1 })),
    });
    const all = names((await h.rest("GET", "/products?q=teapot&limit=100")).body);
    const paged: string[] = [];
    let path: string | undefined = "/products?q=teapot&limit=2";
    while (path) {
      const res = await h.rest("GET", path);
      paged.push(...(res.body as ProductDetail[]).map((p) => p.name));
      const link = res.headers.get("link");
      path = link
        ? new URL(/<([^>]+)>/.exec(link)![1]!).pathname + new URL(/<([^>]+)>/.exec(link)![1]!).search
        : undefined;
    }
    expect(paged).toEqual(all);
  });
});
