/**
 * What every refusal must look like: a 4xx with the documented JSON body, and
 * nothing of the service's insides in it.
 */
import { ErrorCode, httpStatusOf } from "@shop/contracts";
import type { Answer } from "./stack.ts";

/**
 * Signs of a leak: a stack frame, a file or module path, the ORM or the
 * driver talking, or SQL of our own queries. Generated inputs never contain
 * these words, so finding them in an answer means the service wrote them.
 */
const LEAKS: Array<[string, RegExp]> = [
  ["a stack frame", /\bat\s+(?:async\s+)?[\w$.<>[\] ]*\(?(?:file:\/\/|\/|node:)[^\s)]*:\d+/],
  ["a stack frame", /\n\s+at\s/],
  ["a module path", /node_modules|\/src\/[\w/-]+\.ts|\.mjs:\d|\.js:\d/],
  ["the ORM", /prisma|PrismaClient|\$queryRaw|driverAdapter/i],
  [
    "the driver",
    /SQLSTATE|invalid input syntax for|violates \w+ constraint|duplicate key value|byte sequence for encoding/i,
  ],
  ["SQL", /\b(?:SELECT\b[\s\S]{1,200}\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|FOR\s+UPDATE)\b/i],
  [
    "a table name in SQL",
    /\b(?:FROM|JOIN|INTO)\s+"?(?:products|orders|order_items|charges|idempotency_keys)\b/i,
  ],
  ["a connection string", /postgres(?:ql)?:\/\//i],
];

/** The first leak found in `text`, if any. */
export function leakIn(text: string): string | undefined {
  for (const [what, pattern] of LEAKS) {
    const match = pattern.exec(text);
    if (match) return `${what}: ${JSON.stringify(match[0])}`;
  }
  return undefined;
}

const ERROR_CODES = new Set<string>(ErrorCode.options);

/**
 * Why `answer` is not a proper refusal of bad input, or undefined when it is:
 * a 4xx (or one of `statuses`), JSON, `{error, message, details?}` with a
 * known code whose status is the one sent, and no leak.
 */
export function problemWithRefusal(answer: Answer, statuses?: readonly number[]): string | undefined {
  const { status, text } = answer;
  if (statuses ? !statuses.includes(status) : status < 400 || status >= 500) {
    return `expected ${statuses ? statuses.join(" or ") : "a 4xx"}, got ${status}: ${text.slice(0, 300)}`;
  }
  const problem = problemWithErrorBody(answer);
  if (problem) return problem;
  const leak = leakIn(text);
  return leak ? `the error body shows ${leak}: ${text.slice(0, 300)}` : undefined;
}

/** Why the answer's body is not `{error, message, details?}` matching its status, or undefined. */
export function problemWithErrorBody(answer: Answer): string | undefined {
  const { status, text } = answer;
  if (!/^application\/json/i.test(answer.headers.get("content-type") ?? "")) {
    return `content-type is ${answer.headers.get("content-type")}, not JSON: ${text.slice(0, 200)}`;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `the body is not JSON: ${text.slice(0, 200)}`;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return `the body is not an object: ${text}`;
  const { error, message, ...rest } = body as Record<string, unknown>;
  const extra = Object.keys(rest).filter((k) => k !== "details");
  if (typeof error !== "string" || !ERROR_CODES.has(error))
    return `"error" is not a known code: ${text.slice(0, 200)}`;
  if (typeof message !== "string" || message === "") return `"message" is not a text: ${text.slice(0, 200)}`;
  if (extra.length > 0) return `unexpected members ${extra.join(", ")}: ${text.slice(0, 200)}`;
  const expected = httpStatusOf[error as ErrorCode];
  if (expected !== status) return `"${error}" belongs with ${expected}, sent with ${status}`;
  return undefined;
}
