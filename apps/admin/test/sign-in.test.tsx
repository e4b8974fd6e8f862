import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fetchExchange } from "@urql/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App, SESSION_ENDED, SIGNED_OUT, SIGNED_OUT_ELSEWHERE } from "../src/App.tsx";
import { NOT_ANSWERING } from "../src/graphql/client.ts";
import { WRONG_CREDENTIALS, type SignedIn } from "../src/session.ts";
import { fakeGateway, UNAUTHORIZED, type GatewayCall } from "./fake-gateway.ts";
import { OWNER, SUPPORT } from "./render.tsx";

const PASSWORD = "the right password, long";

/**
 * A gateway with a session, as the real one keeps it in its cookie: signIn
 * with a known email and the right password starts it, signOut ends it, and
 * admin reads are refused without it. `limitAfter` wrong attempts in a row
 * are answered as the gateway's sign-in limit does.
 */
function sessionGateway({ people = [OWNER, SUPPORT], limitAfter = 5 } = {}) {
  const state = { signedIn: null as SignedIn | null, failures: 0 };
  const gateway = fakeGateway((call: GatewayCall) => {
    switch (call.operationName) {
      case "Me":
        return { data: { me: state.signedIn } };
      case "SignIn": {
        if (state.failures >= limitAfter) {
          return {
            data: null,
            errors: [
              {
                message: "Too many failed sign-ins for this account. Try again in 15 minutes.",
                extensions: { code: "RATE_LIMITED" },
              },
            ],
          };
        }
        const person = people.find((p) => p.email === call.variables["email"]);
        if (!person || call.variables["password"] !== PASSWORD) {
          state.failures += 1;
          return {
            data: null,
            errors: [{ message: "Wrong email or password", extensions: { code: "UNAUTHORIZED" } }],
          };
        }
        state.signedIn = person;
        return { data: { signIn: person } };
      }
      case "SignOut":
        state.signedIn = null;
        return { data: { signOut: true } };
      case "AdminProducts":
        return state.signedIn
          ? {
              data: { adminProductsPage: { __typename: "AdminProductPage", nextCursor: null, products: [] } },
            }
          : UNAUTHORIZED;
      case "Orders":
        return state.signedIn
          ? { data: { orders: { __typename: "OrderPage", nextCursor: null, totalCount: 0, orders: [] } } }
          : UNAUTHORIZED;
      default:
        throw new Error(`unexpected ${call.operationName}`);
    }
  });
  return { ...gateway, state };
}

/** The top bar (the pages' own headers are banners to testing-library too). */
const topbar = () => screen.getAllByRole("banner")[0]!;

async function signInAs(user: ReturnType<typeof userEvent.setup>, email: string, password = PASSWORD) {
  await user.type(await screen.findByLabelText("Email"), email);
  await user.type(screen.getByLabelText("Password"), password);
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("sign-in", () => {
  it("says a wrong password was not accepted, keeps the email, clears the password", async () => {
    const gateway = sessionGateway();
    const user = userEvent.setup();
    render(<App transport={gateway.transport} />);

    await signInAs(user, OWNER.email, "not the password at all");

    expect(await screen.findByRole("alert")).toHaveTextContent(WRONG_CREDENTIALS);
    expect(screen.getByLabelText("Email")).toHaveValue(OWNER.email);
    expect(screen.getByLabelText("Password")).toHaveValue("");
    expect(screen.getByLabelText("Password")).toHaveFocus();
    expect(gateway.calls.map((c) => c.operationName)).toEqual(["Me", "SignIn"]);
    expect(screen.queryByRole("heading", { name: "Products" })).not.toBeInTheDocument();
  });

  it("says when sign-in is slowed down after too many failures, in the gateway's words", async () => {
    const gateway = sessionGateway({ limitAfter: 1 });
    const user = userEvent.setup();
    render(<App transport={gateway.transport} />);

    await signInAs(user, OWNER.email, "wrong once");
    await screen.findByText(WRONG_CREDENTIALS);
    await user.type(screen.getByLabelText("Password"), PASSWORD);
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Too many failed sign-ins for this account. Try again in 15 minutes.",
    );
  });

  it("checks the email and password before asking the gateway", async () => {
    const gateway = sessionGateway();
    const user = userEvent.setup();
    render(<App transport={gateway.transport} />);

    await user.click(await screen.findByRole("button", { name: "Sign in" }));
    const email = screen.getByLabelText("Email");
    expect(email).toHaveAccessibleDescription(/Enter your email address/);
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveFocus();

    await user.type(email, "not-an-email");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(email).toHaveAccessibleDescription(/must be an email address/);
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription(/Enter your password/);
    expect(gateway.callsOf("SignIn")).toHaveLength(0);
  });

  it("signs in, shows who is signed in, sends the session cookie on every request, and signs out", async () => {
    const gateway = sessionGateway();
    const user = userEvent.setup();
    render(<App transport={gateway.transport} />);

    await signInAs(user, OWNER.email);

    expect(await screen.findByRole("heading", { name: "Products" })).toBeInTheDocument();
    const banner = within(topbar());
    expect(banner.getByText(OWNER.email)).toBeInTheDocument();
    expect(banner.getByText("Owner")).toBeInTheDocument();
    expect(gateway.calls.map((c) => c.operationName)).toEqual(["Me", "SignIn", "AdminProducts"]);
    expect(gateway.calls.every((c) => c.credentials === "include")).toBe(true);
    // Nothing of the session is kept in the page's storage: it is the gateway's HttpOnly cookie.
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.length).toBe(0);

    await user.click(banner.getByRole("button", { name: "Sign out" }));
    expect(await screen.findByText(SIGNED_OUT)).toHaveAttribute("role", "status");
    expect(screen.getByLabelText("Email")).toHaveValue("");
    expect(gateway.state.signedIn).toBeNull();
  });

  it("opens signed in when the session is alive, and ends when the gateway ends it", async () => {
    const gateway = sessionGateway();
    gateway.state.signedIn = OWNER;
    const user = userEvent.setup();
    render(<App transport={gateway.transport} />);
    expect(await screen.findByRole("heading", { name: "Products" })).toBeInTheDocument();
    expect(gateway.callsOf("SignIn")).toHaveLength(0);

    // An owner removed this person (or the session expired): the next request is refused.
    gateway.state.signedIn = null;
    await user.click(screen.getByRole("link", { name: "Orders" }));
    expect(await screen.findByText(SESSION_ENDED)).toHaveAttribute("role", "status");
    expect(screen.getByLabelText("Email")).toBeInTheDocument();
  });

  it("says so when the gateway does not answer, rather than showing a blank page", async () => {
    // The real fetch path, over a network that is down.
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("Failed to fetch")));
    render(<App transport={fetchExchange} />);
    expect(await screen.findByText(NOT_ANSWERING)).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toBeInTheDocument();
  });
});

describe("what a role sees", () => {
  it("gives an owner the Staff and Audit log pages", async () => {
    const gateway = sessionGateway();
    gateway.state.signedIn = OWNER;
    render(<App transport={gateway.transport} />);
    const nav = within(await screen.findByRole("navigation", { name: "Main" }));
    expect(nav.getByRole("link", { name: "Staff" })).toBeInTheDocument();
    expect(nav.getByRole("link", { name: "Audit log" })).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "New product" })).toBeInTheDocument();
  });

  it("shows support neither staff, nor the audit log, nor product edits", async () => {
    const gateway = sessionGateway();
    gateway.state.signedIn = SUPPORT;
    render(<App transport={gateway.transport} />);
    const nav = within(await screen.findByRole("navigation", { name: "Main" }));
    expect(nav.queryByRole("link", { name: "Staff" })).not.toBeInTheDocument();
    expect(nav.queryByRole("link", { name: "Audit log" })).not.toBeInTheDocument();
    expect(await screen.findByText(/Your role can look at products but not change them/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "New product" })).not.toBeInTheDocument();
    expect(within(topbar()).getByText("Support")).toBeInTheDocument();
  });

  it("answers the staff page's address for support with a plain owners-only page", async () => {
    window.history.replaceState(null, "", "/staff");
    const gateway = sessionGateway();
    gateway.state.signedIn = SUPPORT;
    render(<App transport={gateway.transport} />);
    expect(await screen.findByText("Only an owner of the shop can see this page.")).toBeInTheDocument();
    expect(gateway.callsOf("StaffMembers")).toHaveLength(0);
  });
});

/** A container of its own in the page, standing for another tab. */
const tab = () => document.body.appendChild(document.createElement("div"));

describe("one sign-in for the tabs of a browser", () => {
  it("signs every tab out at once", async () => {
    const gateway = sessionGateway();
    gateway.state.signedIn = OWNER;
    const user = userEvent.setup();
    const first = render(<App transport={gateway.transport} />, { container: tab() });
    const second = render(<App transport={gateway.transport} />, { container: tab() });
    await within(first.container).findByRole("heading", { name: "Products" });
    await within(second.container).findByRole("heading", { name: "Products" });

    await user.click(within(first.container).getByRole("button", { name: "Sign out" }));
    expect(await within(first.container).findByText(SIGNED_OUT)).toBeInTheDocument();
    expect(await within(second.container).findByText(SIGNED_OUT_ELSEWHERE)).toBeInTheDocument();
    expect(within(second.container).getByLabelText("Email")).toBeInTheDocument();
  });

  it("signs in a tab that shows the sign-in form when another tab signs in", async () => {
    const gateway = sessionGateway();
    const user = userEvent.setup();
    const waiting = render(<App transport={gateway.transport} />, { container: tab() });
    const active = render(<App transport={gateway.transport} />, { container: tab() });
    await within(waiting.container).findByLabelText("Email");

    await user.type(await within(active.container).findByLabelText("Email"), OWNER.email);
    await user.type(within(active.container).getByLabelText("Password"), PASSWORD);
    await user.click(within(active.container).getByRole("button", { name: "Sign in" }));
    expect(await within(waiting.container).findByRole("heading", { name: "Products" })).toBeInTheDocument();
  });
});
