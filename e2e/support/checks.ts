/**
 * Checks every browser test makes of the page states it reaches, at both
 * widths (the desktop and phone projects of playwright.config.ts).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, type TestInfo } from "@playwright/test";

/** axe-core on the page as it is now: no serious or critical violation of WCAG 2.1 A/AA. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    // Legacy mode: no extra page opened per run (this suite has no frames to reach across).
    .setLegacyMode(true)
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `axe on ${state}`).toEqual([]);
}

/** The page is never wider than the screen: nothing scrolls sideways. */
export async function expectNoHorizontalOverflow(page: Page, state: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${state}: page ${scrollWidth}px wide on a ${innerWidth}px screen`).toBeLessThanOrEqual(
    innerWidth,
  );
}

/** A dialog lies wholly inside the viewport, centred, and each of its enabled buttons can be clicked where it is. */
export async function expectDialogUsable(page: Page, dialog: Locator): Promise<void> {
  await expect(dialog).toBeVisible();
  const box = await dialog.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error("the dialog has no box");
  expect(box.x, "dialog's left edge").toBeGreaterThanOrEqual(0);
  expect(box.y, "dialog's top edge").toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, "dialog's right edge").toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height, "dialog's bottom edge").toBeLessThanOrEqual(viewport.height);
  // Centred across the screen, as a modal is (not opened off-centre from where its button was).
  expect(Math.abs(box.x + box.width / 2 - viewport.width / 2), "dialog off-centre by").toBeLessThanOrEqual(2);
  for (const button of await dialog.getByRole("button").all()) {
    // A button disabled on purpose (Move up on the first picture) is shown, not pressed.
    if (!(await button.isEnabled())) {
      await expect(button).toBeVisible();
      continue;
    }
    // trial: every actionability check (visible, stable, receives the pointer), without clicking.
    await button.click({ trial: true });
  }
}

/** Set UPDATE_SCREENSHOTS=1 to rewrite apps/<app>/screenshots/ (committed, looked at in review). */
export async function screenshot(
  page: Page,
  testInfo: TestInfo,
  app: "web" | "admin",
  name: string,
  fullPage = false,
): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  const suffix = testInfo.project.name === "phone" ? "-phone" : "";
  if (!fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: `apps/${app}/screenshots/${name}${suffix}.png`,
    animations: "disabled",
    fullPage,
  });
}
