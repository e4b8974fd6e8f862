import { builder } from "./builder.ts";
import "./errors.ts";
import "./product.ts";
import "./order.ts";
import "./admin.ts";
import "./staff.ts";

/** The gateway's GraphQL schema, code-first: each file above adds its types and fields. */
export const schema = builder.toSchema({ sortSchema: true });
