/**
 * The whole catalog read once through each door, for the memory figures
 * only: at 100,000 products neither Inventory nor the gateway holds it
 * (Inventory sends the JSON PostgreSQL writes, the gateway answers slice by
 * slice), and the peaks the bench records include what each read costs. (Not
 * a throughput row: at 100,000 products one answer is ~11 MB.)
 */
export async function readWholeCatalog(inventoryProducts: string, gatewayGraphql: string, expected: number) {
  const rest = await fetch(inventoryProducts);
  const products = (await rest.json()) as unknown[];
  if (rest.status !== 200 || products.length !== expected) {
    throw new Error(`GET /products answered ${rest.status} with ${products.length} of ${expected} products`);
  }
  const graphql = await fetch(gatewayGraphql, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ products { id name priceCents stockQty } }" }),
  });
  const answer = (await graphql.json()) as { data?: { products?: unknown[] } };
  const count = answer.data?.products?.length ?? 0;
  if (graphql.status !== 200 || count !== expected) {
    throw new Error(`Query.products answered ${graphql.status} with ${count} of ${expected} products`);
  }
}
