import { useEffect, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { Field } from "../components/Field.tsx";
import { FormActions } from "../components/FormActions.tsx";
import { describeError, isNoAnswer, NO_ANSWER } from "../graphql/client.ts";
import { AdjustStockMutation, SetStockMutation } from "../graphql/operations.ts";
import { checkStockChange, parseCount, type StockMode } from "./validation.ts";

interface StockFormProps {
  product: { id: string; name: string; stockQty: number };
  /** Saved: the new stock level. */
  onSaved: (stockQty: number) => void;
  onCancel: () => void;
  /** Told whether an amount is typed and not saved (EditDialog asks before discarding it). */
  onDirtyChange?: (dirty: boolean) => void;
}

const ADJUST_UNKNOWN =
  "The shop did not answer, so we cannot tell whether the stock changed. " +
  "Close this form and check the product's stock before trying again.";

/**
 * Set the stock level (a count was taken) or adjust it (+12 arrived, -2
 * broken). An adjustment is the safer write: it applies to the level the
 * service holds at that moment, not to the one this page last read.
 */
export function StockForm({ product, onSaved, onCancel, onDirtyChange }: StockFormProps) {
  const [mode, setMode] = useState<StockMode>("adjust");
  const [amount, setAmount] = useState("");
  const [error, setError] = useState<string | undefined>();
  const dirty = amount.trim() !== "";
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  const [formError, setFormError] = useState<string | null>(null);
  const [setting, setStock] = useMutation(SetStockMutation);
  const [adjusting, adjustStock] = useMutation(AdjustStockMutation);
  const saving = setting.fetching || adjusting.fetching;

  const typed = parseCount(amount);
  const preview =
    typed === null || !Number.isInteger(typed) ? null : mode === "set" ? typed : product.stockQty + typed;

  async function save() {
    setFormError(null);
    const checked = checkStockChange(mode, amount);
    if (!checked.ok) return setError(checked.errors.amount);
    setError(undefined);
    const change = checked.input;
    const { answer, failure } =
      change.mode === "set"
        ? await setStock({ id: product.id, stockQty: change.stockQty }).then((r) => ({
            answer: r.data?.setStock,
            failure: r.error,
          }))
        : await adjustStock({ id: product.id, delta: change.delta }).then((r) => ({
            answer: r.data?.adjustStock,
            failure: r.error,
          }));
    if (!answer) {
      // An adjustment that may have been applied must not be sent again blind: it would count twice.
      if (failure && isNoAnswer(failure) && change.mode === "adjust") return setFormError(ADJUST_UNKNOWN);
      return setFormError(failure ? describeError(failure) : NO_ANSWER);
    }
    switch (answer.__typename) {
      case "Product":
        return onSaved(answer.stockQty);
      case "ValidationError":
        return setError(answer.fields[0]?.message ?? answer.message);
      case "NotFoundError":
      case "InsufficientStockError":
        return setFormError(answer.message);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save();
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="dialog-lead">
        <strong>{product.name}</strong> has <strong>{product.stockQty}</strong> in stock.
      </p>
      <fieldset className="segmented">
        <legend>Change</legend>
        <label>
          <input
            type="radio"
            name="mode"
            value="adjust"
            checked={mode === "adjust"}
            onChange={() => setMode("adjust")}
          />
          Add or remove
        </label>
        <label>
          <input
            type="radio"
            name="mode"
            value="set"
            checked={mode === "set"}
            onChange={() => setMode("set")}
          />
          Set the level
        </label>
      </fieldset>
      <Field
        label={mode === "set" ? "New stock level" : "Units to add or remove"}
        name="amount"
        inputMode="numeric"
        autoComplete="off"
        placeholder={mode === "set" ? String(product.stockQty) : "+10 or -2"}
        hint={
          preview === null
            ? mode === "set"
              ? "A whole number, 0 or more"
              : "A whole number: positive adds, negative removes"
            : preview < 0
              ? `That is more than the ${product.stockQty} in stock`
              : `Stock becomes ${preview}`
        }
        value={amount}
        onChange={(event) => setAmount(event.target.value)}
        error={error}
      />
      <FormActions error={formError} saving={saving} onCancel={onCancel} />
    </form>
  );
}
