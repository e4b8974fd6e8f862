import { ByIdInput, Charge } from "@shop/contracts";
import { getCharge } from "../../domain/charges.ts";
import { publicProcedure } from "../init.ts";

/** As `GET /charges/:id`. */
export const get = publicProcedure
  .input(ByIdInput)
  .output(Charge)
  .query(({ ctx, input }) => getCharge(ctx.deps.db, input.id));
