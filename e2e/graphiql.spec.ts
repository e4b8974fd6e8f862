import { expect, test } from "@playwright/test";

/** The gateway; outside production it shows GraphiQL (5, on React 19) to a browser at /graphql. */
const GATEWAY = "http://127.0.0.1:4000";

test("a developer opens GraphiQL on the gateway and runs the default catalog query", async ({ page }) => {
  // Monaco (GraphiQL's editor) and its workers are megabytes of script: seconds on 2 busy cores.
  test.setTimeout(60_000);
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));

  await page.goto(`${GATEWAY}/graphql`);
  // Monaco has loaded the default query into the editor: GraphiQL is wired up.
  await expect(page.locator(".graphiql-query-editor")).toContainText("priceCents", { timeout: 30_000 });
  await page.getByRole("button", { name: /execute query/i }).click();
  const response = page.locator(".graphiql-response");
  await expect(response).toContainText('"products"', { timeout: 15_000 });
  await expect(response).toContainText('"priceCents"');
  expect(errors).toEqual([]);
});
