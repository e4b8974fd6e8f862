import { COUNTRIES } from "@shop/contracts/countries";
import { useState, type FormEvent, type ReactNode } from "react";
import {
  checkDetails,
  EMPTY_DETAILS,
  type CheckoutDetails,
  type DetailField,
  type FieldErrors,
} from "./details.ts";

interface Props {
  /** Errors the server found (they replace the form's own until the field changes). */
  serverErrors: FieldErrors;
  disabled: boolean;
  onSubmit: (details: CheckoutDetails) => void;
  children: ReactNode;
}

/**
 * Who orders and where it ships. Every field is labelled and carries its
 * autocomplete token, so browsers fill it in; an error shows under its field
 * when the shopper submits, and the first invalid field gets the focus.
 */
export function CheckoutForm({ serverErrors, disabled, onSubmit, children }: Props) {
  const [details, setDetails] = useState<CheckoutDetails>(EMPTY_DETAILS);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [edited, setEdited] = useState<Set<DetailField>>(new Set());
  const shown: FieldErrors = { ...errors };
  for (const [field, message] of Object.entries(serverErrors) as Array<[DetailField, string]>) {
    if (!edited.has(field)) shown[field] = message;
  }

  function change(field: DetailField, value: string) {
    setDetails((d) => ({ ...d, [field]: value }));
    setEdited((s) => new Set(s).add(field));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkDetails(details);
    setErrors(found);
    setEdited(new Set());
    const first = (Object.keys(found) as DetailField[])[0];
    if (first) {
      event.currentTarget.querySelector<HTMLElement>(`#checkout-${first}`)?.focus();
      return;
    }
    onSubmit(details);
  }

  const field = (
    name: DetailField,
    label: string,
    autoComplete: string,
    extra: { type?: string; optional?: boolean } = {},
  ) => {
    const id = `checkout-${name}`;
    const error = shown[name];
    return (
      <div className="field">
        <label htmlFor={id}>
          {label}
          {extra.optional && <span className="muted"> (optional)</span>}
        </label>
        <input
          id={id}
          name={name}
          type={extra.type ?? "text"}
          autoComplete={autoComplete}
          value={details[name]}
          required={!extra.optional}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => change(name, e.target.value)}
        />
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <form className="checkout-form" aria-labelledby="checkout-heading" onSubmit={submit} noValidate>
      <h2 id="checkout-heading">Your details</h2>
      {field("email", "Email", "email", { type: "email" })}
      {field("name", "Full name", "name")}
      {field("line1", "Address", "shipping address-line1")}
      {field("line2", "Apartment, suite, etc.", "shipping address-line2", { optional: true })}
      {field("city", "City", "shipping address-level2")}
      {field("postalCode", "Postal code", "shipping postal-code")}
      <div className="field">
        <label htmlFor="checkout-country">Country</label>
        <select
          id="checkout-country"
          name="country"
          autoComplete="shipping country"
          value={details.country}
          disabled={disabled}
          aria-invalid={shown.country ? true : undefined}
          aria-describedby={shown.country ? "checkout-country-error" : undefined}
          onChange={(e) => change("country", e.target.value)}
        >
          {COUNTRIES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        {shown.country && (
          <p id="checkout-country-error" className="field-error">
            {shown.country}
          </p>
        )}
      </div>
      {children}
    </form>
  );
}
