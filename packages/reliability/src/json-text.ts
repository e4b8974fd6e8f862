/**
 * JSON text that JSON.stringify cannot write: raw tokens (1e400, which
 * JSON.parse reads as Infinity; "\ud800", a lone surrogate) and objects with
 * duplicated keys (JSON.parse keeps the last). Bodies are built from these
 * and serialised by `jsonText`, so a generated input can be any text a
 * client could send, valid JSON or not.
 */

/** A token written as is. */
export class RawJson {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** An object as a list of entries, so a key may appear twice. */
export class JsonEntries {
  readonly entries: ReadonlyArray<readonly [string, JsonLike]>;
  constructor(entries: ReadonlyArray<readonly [string, JsonLike]>) {
    this.entries = entries;
  }
}

export type JsonLike =
  | null
  | boolean
  | number
  | string
  | RawJson
  | JsonEntries
  | readonly JsonLike[]
  | { readonly [key: string]: JsonLike | undefined };

/** The JSON text of a value; undefined object members are left out, as JSON.stringify does. */
export function jsonText(value: JsonLike): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof JsonEntries) return entriesText(value.entries);
  if (Array.isArray(value)) return `[${(value as readonly JsonLike[]).map(jsonText).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter((e): e is [string, JsonLike] => e[1] !== undefined);
    return entriesText(entries);
  }
  // Numbers JSON cannot write (NaN, Infinity) become null, as JSON.stringify makes them.
  return JSON.stringify(value);
}

function entriesText(entries: ReadonlyArray<readonly [string, JsonLike]>): string {
  return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${jsonText(v)}`).join(",")}}`;
}

/** The entries of a plain object or JsonEntries (for mutating a generated body). */
export function entriesOf(value: JsonLike): Array<readonly [string, JsonLike]> | undefined {
  if (value instanceof JsonEntries) return [...value.entries];
  if (typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof RawJson)) {
    return Object.entries(value).filter((e): e is [string, JsonLike] => e[1] !== undefined);
  }
  return undefined;
}
