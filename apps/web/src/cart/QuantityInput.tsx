import { useState } from "react";

interface QuantityInputProps {
  id: string;
  qty: number;
  /** Units in stock: the most the input accepts. */
  max: number;
  disabled: boolean;
  describedBy: string | undefined;
  invalid: boolean;
  onChange: (qty: number) => void;
}

/**
 * A line's quantity: a number input bounded by the stock (a menu would have to
 * stop somewhere; 120 in stock is 120 choices). What is typed is kept as typed
 * while it is not a quantity yet ("" on the way from 2 to 12); a whole number
 * from 1 to the stock is taken at once; leaving the field puts back the
 * quantity the cart holds.
 */
export function QuantityInput({
  id,
  qty,
  max,
  disabled,
  describedBy,
  invalid,
  onChange,
}: QuantityInputProps) {
  const [draft, setDraft] = useState<string | null>(null);

  function change(text: string) {
    setDraft(text);
    const n = Number(text);
    if (text.trim() !== "" && Number.isInteger(n) && n >= 1 && n <= max) onChange(n);
  }

  return (
    <input
      id={id}
      type="number"
      inputMode="numeric"
      min={1}
      max={Math.max(1, max)}
      step={1}
      value={draft ?? String(qty)}
      disabled={disabled}
      aria-describedby={describedBy}
      aria-invalid={invalid ? true : undefined}
      onChange={(event) => change(event.target.value)}
      onBlur={() => setDraft(null)}
    />
  );
}
