import { fileURLToPath } from "node:url";
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "./schema/index.ts";

export const SCHEMA_FILE = fileURLToPath(new URL("../schema.graphql", import.meta.url));

/** The schema as SDL, sorted, so its text changes only when the schema does. */
export const printedSchema = (): string => `${printSchema(lexicographicSortSchema(schema))}\n`;
