/** What the checkout form holds. */
export interface CheckoutDetails {
  email: string;
  name: string;
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  country: string;
}

export type DetailField = keyof CheckoutDetails;
export type FieldErrors = Partial<Record<DetailField, string>>;

export const EMPTY_DETAILS: CheckoutDetails = {
  email: "",
  name: "",
  line1: "",
  line2: "",
  city: "",
  postalCode: "",
  country: "US",
};

const CONTROL = /\p{Cc}/u;

/**
 * The checks a shopper can fix before sending; the server checks the same
 * and more (its field errors land on the same fields, see fieldOfPath).
 */
export function checkDetails(d: CheckoutDetails): FieldErrors {
  const required: Partial<Record<DetailField, string>> = {
    email: "Enter your email address.",
    name: "Enter your full name.",
    line1: "Enter your street address.",
    city: "Enter your city.",
    postalCode: "Enter your postal code.",
    country: "Choose your country.",
  };
  // In the form's order, so the first error is the first field to fix.
  const errors: FieldErrors = {};
  for (const field of Object.keys(EMPTY_DETAILS) as DetailField[]) {
    const value = d[field];
    const missing = required[field];
    if (missing && value.trim() === "") errors[field] = missing;
    else if (field === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())) {
      errors[field] = "Enter an email address like name@example.com.";
    } else if (CONTROL.test(value)) errors[field] = "Remove the special characters.";
  }
  return errors;
}

/** The form field a server field error's path names (customer.email → email). */
export function fieldOfPath(path: string): DetailField | undefined {
  const last = path.split(".").at(-1);
  switch (last) {
    case "email":
    case "name":
    case "line1":
    case "line2":
    case "city":
    case "postalCode":
    case "country":
      return last;
    default:
      return undefined;
  }
}
