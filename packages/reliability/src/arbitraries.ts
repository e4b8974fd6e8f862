/**
 * Generators of bad input: values no endpoint may accept, built so that every
 * generated request is wrong in at least one way (a request that happened to
 * be valid would change the database and fail the "nothing written" check
 * for the wrong reason).
 */
import fc from "fast-check";
import { JsonEntries, RawJson, jsonText, type JsonLike } from "./json-text.ts";

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Strings that look like numbers, or like nothing: a string where a number belongs is always wrong. */
export const numberishString = fc.constantFrom(
  "1",
  "0",
  "-1",
  "1.5",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e400",
  "0x10",
  "1_000",
  "",
  " ",
  "null",
  "undefined",
  "true",
  "١٢",
  "１",
  "+5",
  "9".repeat(40),
);

/** Text people and attackers send: emoji, right-to-left, NUL, lone surrogates, injections. */
export const weirdString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "binary-ascii", maxLength: 40 }),
  fc.constantFrom(
    "💥",
    "👩‍👩‍👧‍👦",
    "\u202Egnp.exe",
    "שלום עולם",
    "مرحبا",
    "\u0000",
    "a\u0000b",
    "\ud800",
    "a\udfffb",
    "\uFEFF",
    "\u200B",
    "e\u0301",
    "𝕏",
    "' OR '1'='1",
    "'; DROP TABLE products; --",
    "<script>alert(1)</script>",
    "${jndi:ldap://x}",
    "../../etc/passwd",
    "%00",
    "\\",
    '"',
    "{{7*7}}",
  ),
);

/** Lone surrogates and NUL written as JSON escapes, as a hostile client would send them. */
export const rawUnicodeString = fc
  .constantFrom("\\ud800", "\\udfff", "a\\ud83db", "\\u0000", "x\\u0000y", "\\ud83d\\ude00\\udc00")
  .map((escaped) => new RawJson(`"${escaped}"`));

/** Numbers JSON.parse turns into ±Infinity. */
export const rawInfinity = fc
  .constantFrom("1e400", "-1e400", "1E999", "-9e999", `1${"0".repeat(400)}`)
  .map((text) => new RawJson(text));

/** Deeply nested arrays and objects, and arbitrary JSON. */
export const deepJunk: fc.Arbitrary<JsonLike> = fc.oneof(
  fc.integer({ min: 50, max: 3_000 }).map((n) => new RawJson(`${"[".repeat(n)}${"]".repeat(n)}`)),
  fc.integer({ min: 50, max: 3_000 }).map((n) => new RawJson(`${'{"a":'.repeat(n)}1${"}".repeat(n)}`)),
  fc.jsonValue({ maxDepth: 6 }) as fc.Arbitrary<JsonLike>,
);

const notA = (kind: "number" | "string") => (value: JsonLike) => typeof value !== kind;

/** Anything but a number. */
export const notANumber: fc.Arbitrary<JsonLike> = fc.oneof(
  numberishString,
  weirdString,
  rawUnicodeString,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  deepJunk.filter(notA("number")),
);

/** Anything but a string. */
export const notAString: fc.Arbitrary<JsonLike> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  rawInfinity,
  fc.boolean(),
  fc.constant(null),
  fc.array(weirdString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), weirdString, { maxKeys: 3 }),
  deepJunk.filter(notA("string")),
);

/**
 * A value that is not a whole number within [min, max]: wrong types,
 * fractions, out-of-range and huge numbers (1e12, MAX_SAFE_INTEGER, 1e400).
 */
export function badInt(
  min: number,
  max: number,
  options: { zeroIsBad?: boolean } = {},
): fc.Arbitrary<JsonLike> {
  const outOfRange = (n: number) => n < min || n > max || (options.zeroIsBad === true && n === 0);
  const choices: Array<fc.Arbitrary<JsonLike>> = [
    notANumber,
    fc.integer({ min: max + 1, max: MAX_SAFE }),
    fc
      .constantFrom(1e12, MAX_SAFE, -MAX_SAFE, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e21, -1e21)
      .filter(outOfRange),
    fc
      .double({ min: min - 10, max: max + 10, noNaN: true, noDefaultInfinity: true })
      .filter((x) => !Number.isInteger(x)),
    fc.constantFrom(0.5, 1.5, -0.5, 0.1, 1.0000001, max - 0.5, min + 0.25),
    rawInfinity,
  ];
  if (min > -MAX_SAFE) choices.push(fc.integer({ min: -MAX_SAFE, max: min - 1 }));
  if (options.zeroIsBad || min > 0) choices.push(fc.constantFrom<JsonLike>(0, new RawJson("-0")));
  return fc.oneof(...choices);
}

/**
 * A string that trims to nothing, or to more than `max` characters (code
 * points, as the contracts count them: 💥 is one), or is no string at all.
 */
export function badText(max: number): fc.Arbitrary<JsonLike> {
  return fc.oneof(
    notAString,
    fc.constantFrom("", " ", "\t\n", "\u00a0\u3000", "\uFEFF", "   \u2003  "),
    fc
      .string({ unit: "grapheme", minLength: max + 1, maxLength: max * 3 })
      .filter((s) => [...s.trim()].length > max),
    fc.integer({ min: max + 1, max: max * 50 }).map((n) => "x".repeat(n)),
    fc.integer({ min: max + 1, max: max * 2 }).map((n) => "💥".repeat(n)),
  );
}

/** Ids that are not UUIDs at all, or almost UUIDs. */
export const malformedId: fc.Arbitrary<string> = fc.oneof(
  weirdString,
  numberishString,
  fc
    .uuid()
    .chain((id) =>
      fc.constantFrom(
        id.slice(1),
        `${id}0`,
        `${id.slice(0, -1)}g`,
        id.replaceAll("-", ""),
        `{${id}}`,
        `urn:uuid:${id}`,
        `${id}${id}`,
        ` ${id}`,
        `${id}\u0000`,
        id.replace(/-/g, "\u2010"),
      ),
    ),
  fc.integer({ min: 300, max: 5_000 }).map((n) => "f".repeat(n)),
);

/** A well-formed UUID no row has. */
export const unknownId: fc.Arbitrary<string> = fc.uuid({ version: 4 });

/** Either kind of id that names nothing. */
export const badId: fc.Arbitrary<string> = fc.oneof(malformedId, unknownId);

/** `Authorization` headers that are not the admin token (undefined: no header). */
export function badAuthorization(token: string): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(
      "",
      "Bearer",
      "Bearer ",
      `Bearer ${token}x`,
      `Bearer ${token.slice(0, -1)}`,
      `Bearer x${token}`,
      `Basic ${Buffer.from(`admin:${token}`).toString("base64")}`,
      `Token ${token}`,
      `Bearer ${token} ${token}`,
      `Bearer ${token.toUpperCase()}`,
      token,
    ),
    latin1String(1, 80).map((s) => `Bearer ${s}`),
    latin1String(0, 80),
  );
}

/** Header-safe text: Latin-1 without NUL, CR or LF (what fetch lets a client send). */
export function latin1String(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const unit = fc
    .integer({ min: 0x01, max: 0xff })
    .filter((c) => c !== 0x0a && c !== 0x0d)
    .map((c) => String.fromCharCode(c));
  return fc.string({ unit, minLength, maxLength });
}

/** `Idempotency-Key` values the contract refuses: empty, blank, over 255, or not visible ASCII. */
export const badIdempotencyKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", " ", "\t", "   "),
  fc.integer({ min: 256, max: 2_000 }).map((n) => "k".repeat(n)),
  fc
    .tuple(
      fc.string({ unit: "grapheme-ascii", maxLength: 20 }),
      fc.constantFrom(" ", "\t", "\x7f", "\x01", "é", "\xa0", "ÿ"),
      fc.string({ unit: "grapheme-ascii", maxLength: 20 }),
    )
    .map(([a, bad, b]) => `k${a}${bad}${b}k`),
  latin1String(1, 40).filter((s) => !/^[\x21-\x7e]+$/.test(s.trim()) || s.trim().length === 0),
);

/** A query string of junk parameters (keys and values percent-encoded, or raw broken escapes). */
export const junkQuery: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(fc.tuple(weirdString, weirdString), { minLength: 1, maxLength: 4 })
    .map((pairs) => pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&")),
  fc.constantFrom("%", "%zz", "a=%E0%A4%A", "=&=&", "a[b]=1&a[c]=2", "__proto__[x]=1", "a=1&a=2&a=3"),
);

/** Percent-encodes every byte of the UTF-8 text except unreserved ones (lone surrogates become U+FFFD, as on the wire). */
export function percentEncode(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Objects broken on purpose

export interface FieldSpec {
  valid: fc.Arbitrary<JsonLike>;
  bad: fc.Arbitrary<JsonLike>;
  /** Required fields may also be left out; optional ones are sometimes left out of the valid base. */
  required: boolean;
}
export type ObjectSpec = Record<string, FieldSpec>;

type Breakage =
  | { kind: "bad" | "duplicate"; name: string; value: JsonLike }
  | { kind: "missing"; name: string }
  | { kind: "extra"; name: string; value: JsonLike };

const wellKnownExtraKeys = [
  "id",
  "isAdmin",
  "admin",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "status",
  "total_cents",
  "archived_at",
  "NAME",
  "Name",
  "name ",
  " qty",
];

/** A valid object of `spec` (for a body that is wrong in some other way). */
export function validObject(spec: ObjectSpec): fc.Arbitrary<Record<string, JsonLike>> {
  const names = Object.keys(spec);
  return fc.record(Object.fromEntries(names.map((n) => [n, spec[n]!.valid])), {
    requiredKeys: names.filter((n) => spec[n]!.required),
  });
}

/**
 * An object that breaks `spec` one to three ways: a field with a bad value, a
 * required field left out, an unknown field (every contract object is
 * strict), or a key given twice with the last value bad (JSON.parse keeps the
 * last). Each breakage survives the ones after it, so the result is always wrong.
 */
export function brokenObject(spec: ObjectSpec): fc.Arbitrary<JsonEntries> {
  const names = Object.keys(spec);
  const required = names.filter((n) => spec[n]!.required);
  const badField = (kind: "bad" | "duplicate") =>
    fc
      .constantFrom(...names)
      .chain((name) => spec[name]!.bad.map((value): Breakage => ({ kind, name, value })));
  const breakages: Array<fc.Arbitrary<Breakage>> = [
    badField("bad"),
    badField("duplicate"),
    fc
      .tuple(
        fc.oneof(fc.constantFrom(...wellKnownExtraKeys), fc.string({ unit: "grapheme", maxLength: 12 })),
        fc.oneof(weirdString, fc.integer(), fc.constant(true), deepJunk),
      )
      .filter(([name]) => !names.includes(name))
      .map(([name, value]): Breakage => ({ kind: "extra", name, value })),
  ];
  if (required.length > 0) {
    breakages.push(fc.constantFrom(...required).map((name): Breakage => ({ kind: "missing", name })));
  }
  return fc
    .tuple(validObject(spec), fc.array(fc.oneof(...breakages), { minLength: 1, maxLength: 3 }))
    .map(([base, changes]) => {
      let entries: Array<readonly [string, JsonLike]> = Object.entries(base);
      for (const change of changes) {
        switch (change.kind) {
          case "bad":
            entries = [...entries.filter(([k]) => k !== change.name), [change.name, change.value]];
            break;
          case "duplicate": {
            const current = entries.find(([k]) => k === change.name);
            entries = [
              ...entries.filter(([k]) => k !== change.name),
              ...(current ? [current] : []),
              [change.name, change.value],
            ];
            break;
          }
          case "missing":
            entries = entries.filter(([k]) => k !== change.name);
            break;
          case "extra":
            entries = [...entries, [change.name, change.value]];
            break;
        }
      }
      return new JsonEntries(entries);
    });
}

/** A request body: its text and content type. */
export interface BodyInput {
  text: string;
  contentType: string | undefined;
}

const JSON_TYPE = "application/json";

/**
 * A JSON request body that no endpoint of `spec` may accept: a broken object
 * (most of the time), not an object at all, malformed JSON text, a valid body
 * sent as another media type, or a body over the 64 KiB limit.
 */
export function badJsonBody(
  spec: ObjectSpec,
  broken: fc.Arbitrary<JsonLike> = brokenObject(spec),
): fc.Arbitrary<BodyInput> {
  const valid = validObject(spec).map((v) => jsonText(v));
  const asJson = (text: string): BodyInput => ({ text, contentType: JSON_TYPE });
  return fc.oneof(
    { weight: 8, arbitrary: broken.map((v) => asJson(jsonText(v))) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.array(validObject(spec), { minLength: 0, maxLength: 2 }) as fc.Arbitrary<JsonLike>,
          weirdString,
          fc.integer(),
          fc.constant(null),
          fc.boolean(),
          rawInfinity,
          deepJunk.filter(
            (v) => typeof v !== "object" || v === null || Array.isArray(v) || v instanceof RawJson,
          ),
        )
        .map((v) => asJson(jsonText(v))),
    },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.tuple(valid, fc.nat()).map(([text, cut]) => asJson(text.slice(0, cut % text.length))),
        fc
          .tuple(valid, fc.constantFrom("x", "}", ",", ",{}", "]", "\u0000", "//", "null"))
          .map(([text, junk]) => asJson(text + junk)),
        fc
          .constantFrom(
            "",
            "   ",
            "{",
            "{'name': 'x'}",
            "{name: 1}",
            '{"a":1,}',
            "NaN",
            "[1,2",
            '{"a":"\\x41"}',
            '{"a":"\\u12"}',
            "\uFEFF{",
            "undefined",
          )
          .map(asJson),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          valid,
          fc.constantFrom(
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/xml",
            "text/json",
            "application/jsonx",
            "image/png",
          ),
        )
        .map(([text, contentType]) => ({ text, contentType })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.integer({ min: 65 * 1024, max: 200 * 1024 }))
        .map(([text, size]) => asJson(`${text}${" ".repeat(size)}`)),
    },
  );
}
