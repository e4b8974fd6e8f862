import { adminOnly } from "@shop/service";

/**
 * Which staff may do what on the REST door. Today every operation needs the
 * admin token; staff roles (issue 17: refunds for managers and owners,
 * capture and shipping for support too) change this table only.
 */
export const staffFor = {
  read: adminOnly,
  capture: adminOnly,
  fulfil: adminOnly,
  refund: adminOnly,
  cancel: adminOnly,
} as const;
