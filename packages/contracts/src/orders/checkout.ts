import { z } from "zod";
import { isCountryCode } from "./country-codes.ts";
import {
  ADDRESS_LINE_MAX,
  CITY_MAX,
  EMAIL_MAX,
  NAME_MAX,
  PHONE_MAX,
  POSTAL_CODE_MAX,
  REGION_MAX,
} from "./limits.ts";

/** No control characters (newlines, NUL, escapes): a name or address is one printable line. */
const NO_CONTROL = /^[^\p{Cc}]*$/u;

/** A required line of text: trimmed, 1..max characters, printable. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .regex(NO_CONTROL, "must not contain control characters");

/** An optional line: an empty string counts as absent. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .regex(NO_CONTROL, "must not contain control characters")
    .transform((s) => (s === "" ? undefined : s))
    .optional();

/** An email address as shoppers type it: trimmed; kept as typed, compared lower-cased. */
export const Email = z
  .string()
  .trim()
  .max(EMAIL_MAX, `must be at most ${EMAIL_MAX} characters`)
  .pipe(z.email({ message: "must be an email address like name@example.com" }));

/** An ISO 3166-1 alpha-2 country code of an assigned country ("DE", "US"); lower case is accepted. */
export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, "must be an ISO 3166-1 alpha-2 country code, like DE or US")
  .meta({ id: "CountryCode" });

/** Who ordered. The phone is optional (some carriers want one). */
export const Customer = z
  .strictObject({
    email: Email,
    name: text(NAME_MAX),
    phone: optionalText(PHONE_MAX).refine(
      (p) => p === undefined || /^\+?[0-9 ().-]{3,}$/.test(p),
      "must be a phone number (digits, spaces, + ( ) . -)",
    ),
  })
  .meta({ id: "Customer" });
export type Customer = z.infer<typeof Customer>;

/** Where an order ships (`shipping_address` on REST, `shippingAddress` in GraphQL). */
export const ShippingAddress = z
  .strictObject({
    line1: text(ADDRESS_LINE_MAX),
    line2: optionalText(ADDRESS_LINE_MAX),
    city: text(CITY_MAX),
    postal_code: text(POSTAL_CODE_MAX),
    region: optionalText(REGION_MAX),
    country: CountryCode,
  })
  .meta({ id: "ShippingAddress" });
export type ShippingAddress = z.infer<typeof ShippingAddress>;

/** A stored customer, as answers carry it (absent fields are absent, never ""). */
export const CustomerOut = z
  .object({ email: z.string(), name: z.string(), phone: z.string().optional() })
  .meta({ id: "CustomerOut" });

/** A stored shipping address, as answers carry it. */
export const ShippingAddressOut = z
  .object({
    line1: z.string(),
    line2: z.string().optional(),
    city: z.string(),
    postal_code: z.string(),
    region: z.string().optional(),
    country: z.string().length(2),
  })
  .meta({ id: "ShippingAddressOut" });
