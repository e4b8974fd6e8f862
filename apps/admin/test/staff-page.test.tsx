import { cleanup, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AUDIT_PAGE_SIZE, AuditPage } from "../src/audit/AuditPage.tsx";
import { StaffPage } from "../src/staff/StaffPage.tsx";
import { fakeGateway, type GatewayAnswer, type GatewayCall } from "./fake-gateway.ts";
import { OWNER, renderSignedIn } from "./render.tsx";

const ANN = { id: "3d9f8e7a-1b2c-4d5e-8f90-a1b2c3d4e5f6", email: "ann@shop.test", role: "manager" };
const member = (m: { id: string; email: string; role: string }) => ({
  ...m,
  createdAt: "2026-11-30T09:00:00.000Z",
});

/** A staff list of the owner and Ann; the writes answer what `answers` says, or succeed. */
function staffGateway(answers: Partial<Record<string, (call: GatewayCall) => GatewayAnswer>> = {}) {
  return fakeGateway((call) => {
    const own = answers[call.operationName];
    if (own) return own(call);
    switch (call.operationName) {
      case "StaffMembers":
        return { data: { staffMembers: [member(OWNER), member(ANN)] } };
      case "AddStaffMember":
        return {
          data: { addStaffMember: { id: "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", ...call.variables } },
        };
      case "ChangeStaffRole":
        return { data: { changeStaffRole: { ...ANN, role: call.variables["role"] } } };
      case "RemoveStaffMember":
        return { data: { removeStaffMember: { id: ANN.id, email: ANN.email } } };
      default:
        throw new Error(`unexpected ${call.operationName}`);
    }
  });
}

describe("the staff page", () => {
  it("lists everyone, and offers no role change or removal of yourself", async () => {
    const gateway = staffGateway();
    renderSignedIn(<StaffPage />, gateway);
    const mine = within(await screen.findByRole("row", { name: /owner@shop\.test/ }));
    expect(mine.getByText("You")).toBeInTheDocument();
    expect(mine.queryByRole("combobox")).not.toBeInTheDocument();
    expect(mine.queryByRole("button", { name: /Remove/ })).not.toBeInTheDocument();
    const ann = within(screen.getByRole("row", { name: /ann@shop\.test/ }));
    expect(ann.getByRole("combobox", { name: "Role of ann@shop.test" })).toHaveValue("manager");
  });

  it("checks a new person's email and password first, then adds them and reads the list again", async () => {
    const gateway = staffGateway();
    const { user } = renderSignedIn(<StaffPage />, gateway);
    const form = within(await screen.findByRole("form", { name: "Add a person" }));

    await user.type(form.getByLabelText("Email"), "bob");
    await user.type(form.getByLabelText("First password"), "short");
    await user.click(form.getByRole("button", { name: "Add person" }));
    expect(form.getByLabelText("Email")).toHaveAccessibleDescription(/must be an email address/);
    expect(form.getByLabelText("First password")).toHaveAccessibleDescription(/at least 12 characters/);
    expect(gateway.callsOf("AddStaffMember")).toHaveLength(0);

    await user.clear(form.getByLabelText("Email"));
    await user.type(form.getByLabelText("Email"), "bob@shop.test");
    await user.selectOptions(form.getByLabelText("Role"), "Manager");
    await user.clear(form.getByLabelText("First password"));
    await user.type(form.getByLabelText("First password"), "a first password, long");
    await user.click(form.getByRole("button", { name: "Add person" }));

    expect(await screen.findByText(/Added bob@shop\.test as Manager/)).toHaveAttribute("role", "status");
    expect(gateway.callsOf("AddStaffMember")[0]?.variables).toEqual({
      email: "bob@shop.test",
      role: "manager",
      password: "a first password, long",
    });
    expect(gateway.callsOf("StaffMembers")).toHaveLength(2);
    expect(form.getByLabelText("Email")).toHaveValue("");
  });

  it("shows the gateway's refusal of a taken email, and keeps what was typed", async () => {
    const gateway = staffGateway({
      AddStaffMember: () => ({
        data: null,
        errors: [{ message: "Someone already signs in as ann@shop.test", extensions: { code: "CONFLICT" } }],
      }),
    });
    const { user } = renderSignedIn(<StaffPage />, gateway);
    const form = within(await screen.findByRole("form", { name: "Add a person" }));
    await user.type(form.getByLabelText("Email"), "ann@shop.test");
    await user.type(form.getByLabelText("First password"), "a first password, long");
    await user.click(form.getByRole("button", { name: "Add person" }));
    expect(await form.findByRole("alert")).toHaveTextContent("Someone already signs in as ann@shop.test");
    expect(form.getByLabelText("Email")).toHaveValue("ann@shop.test");
  });

  it("changes a role at once and says that their sessions ended", async () => {
    const gateway = staffGateway();
    const { user } = renderSignedIn(<StaffPage />, gateway);
    await user.selectOptions(
      await screen.findByRole("combobox", { name: "Role of ann@shop.test" }),
      "Support",
    );
    expect(await screen.findByText(/ann@shop\.test is now Support/)).toBeInTheDocument();
    expect(gateway.callsOf("ChangeStaffRole")[0]?.variables).toEqual({ id: ANN.id, role: "support" });
  });

  it("removes a person only after confirmation", async () => {
    const gateway = staffGateway();
    const { user } = renderSignedIn(<StaffPage />, gateway);
    const ann = within(await screen.findByRole("row", { name: /ann@shop\.test/ }));
    await user.click(ann.getByRole("button", { name: /^Remove/ }));
    const dialog = within(screen.getByRole("dialog", { name: "Remove ann@shop.test?" }));
    await user.click(dialog.getByRole("button", { name: "Keep them" }));
    expect(gateway.callsOf("RemoveStaffMember")).toHaveLength(0);

    await user.click(ann.getByRole("button", { name: /^Remove/ }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Remove person" }));
    expect(await screen.findByText(/Removed ann@shop\.test\. They are signed out/)).toHaveFocus();
    expect(gateway.callsOf("RemoveStaffMember")[0]?.variables).toEqual({ id: ANN.id });
  });

  it("says what went wrong when the gateway does not answer the list", async () => {
    const gateway = staffGateway({
      StaffMembers: () => ({
        data: null,
        errors: [{ message: "Inventory is down", extensions: { code: "SERVICE_UNAVAILABLE" } }],
      }),
    });
    renderSignedIn(<StaffPage />, gateway);
    expect(await screen.findByRole("alert")).toHaveTextContent(/Part of the shop is unavailable/);
  });
});

const entry = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  at: new Date(Date.UTC(2026, 11, 1, 12, 0, 0) - n * 60_000).toISOString(),
  actor: n % 2 === 0 ? "ann@shop.test" : "admin token (machine credential)",
  actorKind: n % 2 === 0 ? "staff" : "machine",
  action: n % 2 === 0 ? "orders.capture" : "products.changeStock",
  target: `10000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  targetKind: n % 2 === 0 ? "ORDER" : "PRODUCT",
  targetName: n % 2 === 0 ? `#${1000 + n}` : `Teapot ${n}`,
  requestId: `request-${n}`,
});

describe("the audit log page", () => {
  it("shows who did what, names the admin token as such, and reads older entries a page at a time, the page in the URL", async () => {
    const first = Array.from({ length: AUDIT_PAGE_SIZE }, (_, i) => entry(i));
    const second = [entry(AUDIT_PAGE_SIZE), entry(AUDIT_PAGE_SIZE + 1)];
    const gateway = fakeGateway((call) => ({
      data: { auditLog: call.variables["before"] ? second : first },
    }));
    const { user } = renderSignedIn(<AuditPage />, gateway);

    const row = within(await screen.findByRole("row", { name: /request-0\b/ }));
    expect(row.getByText("ann@shop.test")).toBeInTheDocument();
    expect(row.getByText("Captured a payment")).toBeInTheDocument();
    expect(row.getByText("orders.capture")).toBeInTheDocument();
    // On what: an order by its number, linking to it; a product by its name; each with its id.
    expect(row.getByRole("link", { name: "Order #1000" })).toHaveAttribute(
      "href",
      `/orders/${first[0]?.target}`,
    );
    expect(row.getByText(first[0]!.target)).toBeInTheDocument();
    const other = within(screen.getByRole("row", { name: /request-1\b/ }));
    expect(other.getByText("Admin token (script)")).toBeInTheDocument();
    expect(other.getByText("Teapot 1")).toBeInTheDocument();
    expect(other.getByText(first[1]!.target)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "← Newer" })).toHaveAttribute("aria-disabled", "true");

    await user.click(screen.getByRole("button", { name: "Older →" }));
    expect(
      await screen.findByRole("row", { name: new RegExp(`request-${AUDIT_PAGE_SIZE + 1}\\b`) }),
    ).toBeInTheDocument();
    expect(screen.queryByRole("row", { name: /request-0\b/ })).not.toBeInTheDocument();
    expect(gateway.callsOf("AuditLog")[1]?.variables).toEqual({
      // Past exactly the last entry shown: its time and its id.
      before: first.at(-1)?.at,
      beforeId: first.at(-1)?.id,
      limit: AUDIT_PAGE_SIZE,
    });
    expect(new URLSearchParams(window.location.search).getAll("after")).toEqual([
      `${first.at(-1)?.at}~${first.at(-1)?.id}`,
    ]);
    expect(screen.getByText("Page 2")).toBeInTheDocument();
    // The last page: nothing older.
    expect(screen.getByRole("button", { name: "Older →" })).toHaveAttribute("aria-disabled", "true");

    await user.click(screen.getByRole("button", { name: "← Newer" }));
    expect(await screen.findByRole("row", { name: /request-0\b/ })).toBeInTheDocument();
    expect(window.location.search).toBe("");
  });

  it("opens at the page its URL names, and at the newest when the URL's cursor is unreadable", async () => {
    const at = "2026-12-01T10:00:00.000Z";
    window.history.replaceState(null, "", `/audit?after=${encodeURIComponent(`${at}~e-49`)}`);
    const gateway = fakeGateway(() => ({ data: { auditLog: [entry(50)] } }));
    renderSignedIn(<AuditPage />, gateway);
    expect(await screen.findByRole("row", { name: /request-50\b/ })).toBeInTheDocument();
    expect(gateway.callsOf("AuditLog")[0]?.variables).toEqual({
      before: at,
      beforeId: "e-49",
      limit: AUDIT_PAGE_SIZE,
    });
    cleanup();

    window.history.replaceState(null, "", "/audit?after=not-a-cursor");
    const newest = fakeGateway(() => ({ data: { auditLog: [entry(0)] } }));
    renderSignedIn(<AuditPage />, newest);
    expect(await screen.findByRole("row", { name: /request-0\b/ })).toBeInTheDocument();
    expect(newest.callsOf("AuditLog")[0]?.variables).toEqual({
      before: null,
      beforeId: null,
      limit: AUDIT_PAGE_SIZE,
    });
  });

  it("says what each action did in words, whichever door it came through, and an action it cannot name as it is", async () => {
    const actions = ["orders.capture", "POST /orders/:id/capture", "staff.sign_in", "reports.export"];
    renderSignedIn(
      <AuditPage />,
      fakeGateway(() => ({ data: { auditLog: actions.map((action, i) => ({ ...entry(i), action })) } })),
    );
    const what = async (n: number) =>
      within(await screen.findByRole("row", { name: new RegExp(`request-${n}\\b`) })).getByRole("cell", {
        name: (text) => text.includes(actions[n]!),
      }).textContent;
    expect(await what(0)).toBe("Captured a payment orders.capture");
    expect(await what(1)).toBe("Captured a payment POST /orders/:id/capture");
    expect(await what(2)).toBe("Signed in staff.sign_in");
    expect(await what(3)).toBe("reports.export");
  });

  it("shows a target it cannot name (gone, or its service not answering) by its id, and no target as a dash", async () => {
    const unnamed = { ...entry(0), targetName: null };
    const person = {
      ...entry(2),
      action: "staff.change_role",
      targetKind: "STAFF",
      targetName: "bo@shop.test",
    };
    const none = { ...entry(3), target: null, targetKind: null, targetName: null };
    renderSignedIn(
      <AuditPage />,
      fakeGateway(() => ({ data: { auditLog: [unnamed, person, none] } })),
    );
    const on = async (n: number) =>
      within(await screen.findByRole("row", { name: new RegExp(`request-${n}\\b`) })).getByRole("cell", {
        name: (_text, element) => element?.getAttribute("data-label") === "On",
      });
    // An order without its number still links to its page.
    const order = within(await on(0));
    expect(order.getByRole("link", { name: `Order ${unnamed.target}` })).toHaveAttribute(
      "href",
      `/orders/${unnamed.target}`,
    );
    expect((await on(2)).textContent).toBe(`bo@shop.test${person.target}`);
    expect((await on(3)).textContent).toBe("—");
  });

  it("says so when there is nothing yet", async () => {
    renderSignedIn(
      <AuditPage />,
      fakeGateway(() => ({ data: { auditLog: [] } })),
    );
    expect(await screen.findByText("No admin actions yet.")).toBeInTheDocument();
  });
});
