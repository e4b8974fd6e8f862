import { jsonBytes } from "@shop/service";
import {
  Kind,
  OperationTypeNode,
  parse,
  type DocumentNode,
  type ExecutionResult,
  type OperationDefinitionNode,
} from "graphql";

/**
 * Whole responses to catalog-only queries (`{ products { ... } }`), kept per
 * catalog version. Such an answer depends on nothing but the query text, its
 * variables and the catalog, and the catalog's version is checked with
 * Inventory on every request (CatalogSource), so a cached answer is never
 * stale. A hit skips executing a thousand products × their fields and
 * serialising the answer again, which is most of what Query.products costs.
 */
const CACHEABLE_ROOT_FIELDS = new Set(["products", "__typename"]);

export interface CatalogResponseCacheLimits {
  /** Answers kept at most (64). */
  maxEntries?: number;
  /**
   * Bytes all kept answers may hold together (16 MiB): at 100,000 products one
   * answer is ~11 MB, and 64 of them would hold most of a GiB. An answer larger
   * than this is sent, not kept.
   */
  maxBytes?: number;
}

export class CatalogResponseCache {
  /**
   * The answer as the bytes of its JSON text, serialised and encoded once: a
   * hit sends them as they are (encoding ~100 kB of text to UTF-8 was a third
   * of the CPU a cached answer cost). Oldest first: the oldest go first when
   * either limit is reached.
   */
  private readonly entries = new Map<string, Uint8Array<ArrayBuffer>>();
  private readonly cacheableByQuery = new Map<string, boolean>();
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private bytes = 0;

  constructor({ maxEntries = 64, maxBytes = 16 * 1024 * 1024 }: CatalogResponseCacheLimits = {}) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /** How many answers are kept, and their bytes in all. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /** Whether this request only reads the catalog (decided once per query text). */
  isCatalogOnly(query: string, operationName: string | null | undefined): boolean {
    const memoKey = `${operationName ?? ""}\u0000${query}`;
    let cacheable = this.cacheableByQuery.get(memoKey);
    if (cacheable === undefined) {
      cacheable = catalogOnly(query, operationName);
      if (this.cacheableByQuery.size >= this.maxEntries * 4) this.cacheableByQuery.clear();
      this.cacheableByQuery.set(memoKey, cacheable);
    }
    return cacheable;
  }

  static keyOf(version: string, query: string, operationName: unknown, variables: unknown): string {
    return JSON.stringify([version, operationName ?? null, variables ?? null, query]);
  }

  /** The cached answer's JSON, UTF-8 encoded, if there is one. */
  get(key: string): Uint8Array<ArrayBuffer> | undefined {
    return this.entries.get(key);
  }

  set(key: string, result: ExecutionResult): void {
    if (result.errors?.length) return; // only whole, successful answers
    const body = jsonBytes(result);
    if (body.byteLength > this.maxBytes) return;
    this.drop(key);
    while (this.entries.size >= this.maxEntries || this.bytes + body.byteLength > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
    this.entries.set(key, body);
    this.bytes += body.byteLength;
  }

  private drop(key: string): void {
    const body = this.entries.get(key);
    if (body === undefined) return;
    this.entries.delete(key);
    this.bytes -= body.byteLength;
  }
}

function catalogOnly(query: string, operationName: string | null | undefined): boolean {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return false; // let graphql-http report the syntax error
  }
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  const roots = operation?.selectionSet.selections ?? [];
  return (
    operation?.operation === OperationTypeNode.QUERY &&
    (operation.directives?.length ?? 0) === 0 &&
    roots.every(
      (s) =>
        s.kind === Kind.FIELD && CACHEABLE_ROOT_FIELDS.has(s.name.value) && (s.directives?.length ?? 0) === 0,
    ) &&
    // One catalog per query: aliased copies go the normal way, through the query limits.
    roots.filter((s) => s.kind === Kind.FIELD && s.name.value === "products").length === 1
  );
}
