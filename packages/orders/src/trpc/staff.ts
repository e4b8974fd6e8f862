import { adminProcedure } from "./init.ts";

/**
 * Which staff may do what on the tRPC door (the twin of rest/staff.ts):
 * every operation needs the admin token today; staff roles change this table only.
 */
export const staffProcedureFor = {
  read: adminProcedure,
  capture: adminProcedure,
  fulfil: adminProcedure,
  refund: adminProcedure,
  cancel: adminProcedure,
} as const;
