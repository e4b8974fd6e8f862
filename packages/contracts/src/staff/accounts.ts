import { z } from "zod";
import { StaffRole } from "./roles.ts";

/** An email as staff sign in with it: trimmed and lowercased, so "Ann@Shop" and "ann@shop" are one person. */
export const StaffEmail = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "email is too short")
  .max(254, "email is at most 254 characters")
  .regex(/^[^\s@]+@[^\s@]+$/, "must be an email address like ann@example.com");

/** A new password: long enough to resist guessing, bounded so hashing it stays cheap. */
export const NewPassword = z
  .string()
  .min(12, "the password must be at least 12 characters")
  .max(256, "the password must be at most 256 characters");

/** What sign-in takes. The password is checked only against the stored hash, so any text up to 256 goes. */
export const SignInInput = z.object({
  email: StaffEmail,
  password: z.string().min(1, "enter the password").max(256, "the password must be at most 256 characters"),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const CreateStaffInput = z.object({ email: StaffEmail, role: StaffRole, password: NewPassword });
export type CreateStaffInput = z.infer<typeof CreateStaffInput>;

export interface StaffMemberView {
  id: string;
  email: string;
  role: StaffRole;
  createdAt: string;
}
