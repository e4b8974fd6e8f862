import { adminRoute } from "@shop/service";

/**
 * Which staff may do what on the REST door, spread into each route's
 * declaration. Today every operation needs the admin token; staff roles
 * (issue 17: refunds for managers and owners, capture and shipping for
 * support too) change this table only.
 */
export const staffFor = {
  read: adminRoute,
  capture: adminRoute,
  fulfil: adminRoute,
  refund: adminRoute,
  cancel: adminRoute,
} as const;
