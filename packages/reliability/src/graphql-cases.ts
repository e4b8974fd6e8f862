/**
 * Bad GraphQL requests for one mutation, and how a proper refusal looks:
 * a GraphQL error (HTTP 200 or 400) or one of the schema's typed errors,
 * never a success, never an internal error, nothing of the insides shown.
 */
import fc from "fast-check";
import { problemWithRefusal, leakIn } from "./answers.ts";
import { badAuthorization, deepJunk, weirdString } from "./arbitraries.ts";
import { JsonEntries, RawJson, jsonText, type JsonLike } from "./json-text.ts";
import { ADMIN_HEADERS, ADMIN_TOKEN, type Answer, type HttpCall } from "./stack.ts";

export interface ArgSpec {
  name: string;
  /** Its GraphQL type, as a variable definition writes it. */
  type: string;
  /** A value the mutation accepts (only ever sent beside a bad one, or without the admin token). */
  valid: fc.Arbitrary<JsonLike>;
  bad: fc.Arbitrary<JsonLike>;
}

export interface MutationSpec {
  field: string;
  admin: boolean;
  args: ArgSpec[];
  /** Whole argument sets that are wrong only together (e.g. a delta that takes more than a product has). */
  badCombinations?: fc.Arbitrary<Record<string, JsonLike>>;
  /**
   * The selection on the field: by default `__typename` and the typed error's
   * message; a field that answers a plain object type (staff accounts), with
   * no typed errors, selects `{ __typename }` so a success shows as one.
   */
  selection?: string;
}

export interface GraphqlCase {
  call: HttpCall;
  /** Sent without the admin token to an admin mutation: must fail UNAUTHORIZED. */
  unauthorized?: boolean;
}

/** The typed errors of the schema's result unions. */
export const TYPED_ERRORS = new Set([
  "ValidationError",
  "NotFoundError",
  "InsufficientStockError",
  "InvalidStateError",
  "IdempotencyKeyError",
  "PaymentFailedError",
  "RefundExceedsCapturedError",
  "RateLimitedError",
]);
/** Codes that mean the gateway or a service failed, not the input. */
const FAILURE_CODES = new Set(["INTERNAL_ERROR", "INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE"]);

const DEFAULT_SELECTION = "{ __typename ... on Error { message } }";
const MISSING = Symbol("missing");

const isName = (key: string) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(key);

/**
 * A value as a GraphQL literal. A key that is no GraphQL name is written as a
 * string, which is a syntax error, rather than cleaned up into a name the
 * input type might accept.
 */
export function graphqlLiteral(value: JsonLike): string {
  const object = (entries: ReadonlyArray<readonly [string, JsonLike]>) =>
    `{${entries.map(([k, v]) => `${isName(k) ? k : JSON.stringify(k)}: ${graphqlLiteral(v)}`).join(", ")}}`;
  if (value instanceof RawJson) return value.text;
  if (value instanceof JsonEntries) return object(value.entries);
  if (Array.isArray(value)) return `[${(value as readonly JsonLike[]).map(graphqlLiteral).join(", ")}]`;
  if (value === null) return "null";
  if (typeof value === "object") {
    return object(Object.entries(value).filter((e): e is [string, JsonLike] => e[1] !== undefined));
  }
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

type ArgValues = Record<string, JsonLike | typeof MISSING>;

/** Argument values with at least one bad or missing (or a bad combination). */
function badArgs(spec: MutationSpec): fc.Arbitrary<ArgValues> {
  const perArg = fc.subarray(spec.args, { minLength: 1 }).chain((broken) =>
    fc.record(
      Object.fromEntries(
        spec.args.map((arg) => [
          arg.name,
          broken.includes(arg)
            ? // Leaving out an optional argument is no mistake: only a required one may go missing.
              arg.type.endsWith("!")
              ? fc.oneof({ weight: 6, arbitrary: arg.bad }, { weight: 1, arbitrary: fc.constant(MISSING) })
              : arg.bad
            : arg.valid,
        ]),
      ),
    ),
  ) as fc.Arbitrary<ArgValues>;
  return spec.badCombinations
    ? fc.oneof({ weight: 4, arbitrary: perArg }, { weight: 1, arbitrary: spec.badCombinations })
    : perArg;
}

function validArgs(spec: MutationSpec): fc.Arbitrary<ArgValues> {
  return fc.record(Object.fromEntries(spec.args.map((arg) => [arg.name, arg.valid])));
}

const present = (values: ArgValues) =>
  Object.entries(values).filter((e): e is [string, JsonLike] => e[1] !== MISSING);

function withVariables(
  spec: MutationSpec,
  values: ArgValues,
  declaredTypes?: Record<string, string>,
): string {
  const definitions = spec.args.map((a) => `$${a.name}: ${declaredTypes?.[a.name] ?? a.type}`).join(", ");
  const uses = spec.args.map((a) => `${a.name}: $${a.name}`).join(", ");
  const query = `mutation Bad(${definitions}) { ${spec.field}(${uses}) ${spec.selection ?? DEFAULT_SELECTION} }`;
  return jsonText(
    new JsonEntries([
      ["query", query],
      ["variables", new JsonEntries(present(values))],
    ]),
  );
}

function inline(spec: MutationSpec, values: ArgValues): string {
  const args = present(values).map(([k, v]) => `${k}: ${graphqlLiteral(v)}`);
  const query = `mutation { ${spec.field}${args.length > 0 ? `(${args.join(", ")})` : ""} ${spec.selection ?? DEFAULT_SELECTION} }`;
  return jsonText({ query });
}

/** Requests that never reach the resolver: broken documents and envelopes. */
function brokenEnvelope(spec: MutationSpec): fc.Arbitrary<string> {
  const selection = spec.selection ?? DEFAULT_SELECTION;
  const valid = `mutation { ${spec.field}(${spec.args.map((a) => `${a.name}: $${a.name}`).join(", ")}) ${selection} }`;
  return fc.oneof(
    fc.nat().map((cut) => jsonText({ query: valid.slice(0, cut % valid.length) })),
    weirdString.map((query) => jsonText({ query })),
    fc
      .oneof(fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), deepJunk)
      .map((query) => jsonText({ query })),
    fc
      .oneof(weirdString, fc.integer(), fc.array(fc.integer(), { maxLength: 2 }))
      .map((variables) => jsonText({ query: valid, variables })),
    fc.constantFrom(
      "",
      "{",
      "[]",
      "null",
      jsonText([{ query: valid }]),
      jsonText({ query: valid, operationName: "Nope" }),
      jsonText({ query: `mutation { ${spec.field} ${selection} }` }),
      jsonText({ query: `mutation { ${spec.field}(nope: 1) ${selection} }` }),
      jsonText({
        query: `mutation { ${spec.field}(${spec.args.map((a) => `${a.name}: 1`).join(", ")}) { noSuchField } }`,
      }),
      jsonText({ query: `subscription { ${spec.field} }` }),
      jsonText({ query: `mutation { ${"products { ".repeat(60)}id${" }".repeat(60)} }` }),
      jsonText({ query: `mutation A ${selection} mutation A ${selection}` }),
    ),
  );
}

const ACCEPTS = fc.constantFrom(
  "application/graphql-response+json",
  "application/json",
  "application/graphql-response+json, application/json;q=0.9",
  "*/*",
);

/** Every kind of bad request for one mutation. */
export function badGraphqlRequests(spec: MutationSpec): fc.Arbitrary<GraphqlCase> {
  const post = (
    body: string,
    accept: string,
    headers: Record<string, string> = spec.admin ? ADMIN_HEADERS : {},
  ) => ({
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/json", accept, ...headers },
    body,
  });
  const mistyped = fc
    .tuple(
      fc.constantFrom(...spec.args),
      fc.constantFrom("Int", "String!", "Float!", "[ID!]!", "Boolean", "OrderStatus", "NoSuchType!"),
    )
    // Declared as its own type it is no mistake (a String! argument declared String!), nor is
    // a non-null variable in a nullable argument (String! for a String).
    .filter(([arg, type]) => type !== arg.type && type !== `${arg.type}!`)
    .map(([arg, type]) => [arg.name, type] as const)
    .chain(([name, type]) => validArgs(spec).map((values) => withVariables(spec, values, { [name]: type })));
  const cases: Array<fc.WeightedArbitrary<GraphqlCase>> = [
    {
      weight: 5,
      arbitrary: fc
        .tuple(badArgs(spec), ACCEPTS)
        .map(([v, accept]) => ({ call: post(withVariables(spec, v), accept) })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(badArgs(spec), ACCEPTS)
        .map(([v, accept]) => ({ call: post(inline(spec, v), accept) })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(mistyped, ACCEPTS).map(([body, accept]) => ({ call: post(body, accept) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(brokenEnvelope(spec), ACCEPTS)
        .map(([body, accept]) => ({ call: post(body, accept) })),
    },
    {
      weight: 1,
      // Over the 64 KiB body limit.
      arbitrary: fc
        .tuple(validArgs(spec), fc.integer({ min: 65 * 1024, max: 150 * 1024 }))
        .map(([v, size]) => ({
          call: post(`${withVariables(spec, v)}${" ".repeat(size)}`, "application/json"),
        })),
    },
  ];
  if (spec.admin) {
    cases.push({
      weight: 2,
      arbitrary: fc
        .tuple(validArgs(spec), badAuthorization(ADMIN_TOKEN), ACCEPTS)
        .map(([v, authorization, accept]) => ({
          call: post(withVariables(spec, v), accept, authorization === undefined ? {} : { authorization }),
          unauthorized: true,
        })),
    });
  }
  return fc.oneof(...cases);
}

/** Why `answer` is not a proper refusal of a bad GraphQL request for `field`, or undefined. */
export function problemWithGraphqlAnswer(
  answer: Answer,
  field: string,
  unauthorized = false,
): string | undefined {
  const { status, text } = answer;
  if (status === 413) return problemWithRefusal(answer, [413]);
  if (status !== 200 && status !== 400)
    return `expected HTTP 200 or 400, got ${status}: ${text.slice(0, 300)}`;
  if (!/^application\/(graphql-response\+)?json/i.test(answer.headers.get("content-type") ?? "")) {
    return `content-type is ${answer.headers.get("content-type")}: ${text.slice(0, 200)}`;
  }
  const leak = leakIn(text);
  if (leak) return `the answer shows ${leak}: ${text.slice(0, 300)}`;
  let body: { data?: Record<string, unknown> | null; errors?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `the body is not JSON: ${text.slice(0, 200)}`;
  }
  const errors = body.errors;
  if (errors !== undefined) {
    if (!Array.isArray(errors) || errors.length === 0)
      return `"errors" is not a non-empty list: ${text.slice(0, 200)}`;
    for (const error of errors as Array<{ message?: unknown; extensions?: { code?: unknown } }>) {
      if (typeof error?.message !== "string") return `an error without a message: ${text.slice(0, 200)}`;
      const code = error.extensions?.code;
      if (typeof code === "string" && FAILURE_CODES.has(code))
        return `an error coded ${code}: ${text.slice(0, 300)}`;
    }
  }
  const result = body.data?.[field] as { __typename?: string } | null | undefined;
  if (result != null && !TYPED_ERRORS.has(String(result.__typename))) {
    return `${field} succeeded (${result.__typename}): ${text.slice(0, 300)}`;
  }
  if (errors === undefined && result == null)
    return `neither an error nor a typed error: ${text.slice(0, 200)}`;
  if (unauthorized) {
    const codes = ((errors ?? []) as Array<{ extensions?: { code?: unknown } }>).map(
      (e) => e.extensions?.code,
    );
    if (!codes.includes("UNAUTHORIZED")) return `expected UNAUTHORIZED, got ${text.slice(0, 300)}`;
  }
  return undefined;
}
