import { ProductList } from "@shop/contracts";
import { listCatalog } from "../../domain/products.ts";
import { publicProcedure } from "../init.ts";

/** The catalog, as `GET /products`. */
export const list = publicProcedure.output(ProductList).query(({ ctx }) => listCatalog(ctx.db));
