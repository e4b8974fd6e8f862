import { LRUCache } from "lru-cache";
import { parse, validate, type DocumentNode, type GraphQLError } from "graphql";

/**
 * Parsed and validated documents, kept by their query text. The shop's
 * clients send a few dozen query texts over and over with other variables;
 * validating a document walked the whole tree once per rule and cost more
 * than executing a catalog page (12% of the gateway's CPU under
 * Query.catalog, bench/results.md). A text seen before reuses its document,
 * and a document validated before its verdict: the schema and the rules
 * never change while the process runs.
 *
 * Bounded by the texts' total length (every text is at most the 64 KiB body
 * limit), so a client sending endless distinct queries only evicts the old
 * ones. A text that does not parse is not kept: its syntax error is thrown
 * again next time.
 */
export interface DocumentCache {
  parse: typeof parse;
  validate: typeof validate;
}

const MAX_TEXT_BYTES = 4 * 1024 * 1024;

export function documentCache(validateWith: typeof validate = validate): DocumentCache {
  const documents = new LRUCache<string, DocumentNode>({
    maxSize: MAX_TEXT_BYTES,
    sizeCalculation: (_document, text) => Math.max(1, text.length),
  });
  // Keyed by the document object itself: only the cached documents come back
  // as the same object, and a verdict goes when its document does.
  const verdicts = new WeakMap<DocumentNode, ReadonlyArray<GraphQLError>>();
  return {
    parse: (source, options) => {
      if (typeof source !== "string" || options !== undefined) return parse(source, options);
      let document = documents.get(source);
      if (!document) {
        document = parse(source);
        documents.set(source, document);
      }
      return document;
    },
    validate: (schema, document, rules, options) => {
      let errors = verdicts.get(document);
      if (!errors) {
        errors = validateWith(schema, document, rules, options);
        verdicts.set(document, errors);
      }
      return errors;
    },
  };
}
