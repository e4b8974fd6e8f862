import { Product, StockChangeInput, Uuid } from "@shop/contracts";
import { z } from "zod";
import { changeStock as changeStockOf } from "../../domain/products.ts";
import { staffProcedure } from "../init.ts";

/** As `PATCH /products/:id/stock`: `{stock_qty}` sets, `{delta}` adjusts. */
export const changeStock = staffProcedure("products.write")
  .input(z.object({ id: Uuid, change: StockChangeInput }))
  .output(Product)
  .mutation(({ ctx, input }) => changeStockOf(ctx.db, input.id, input.change));
