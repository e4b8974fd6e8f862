import { PRODUCT_NAME_MAX } from "@shop/contracts";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { Field } from "../components/Field.tsx";
import { FormActions } from "../components/FormActions.tsx";
import { centsToDollars } from "../format.ts";
import { describeError, NO_ANSWER } from "../graphql/client.ts";
import { CreateProductMutation, UpdateProductMutation } from "../graphql/operations.ts";
import {
  checkNewProduct,
  checkProductChanges,
  serverFieldErrors,
  type FieldErrors,
  type ProductDraft,
  type ProductField,
} from "./validation.ts";

export interface EditableProduct {
  id: string;
  name: string;
  priceCents: number;
  description: string;
  sku?: string | null;
}

interface ProductFormProps {
  /** The product to edit; without one the form creates a product. */
  product?: EditableProduct;
  /** Saved: the product's name, for the confirmation. */
  onSaved: (name: string) => void;
  onCancel: () => void;
  /** Told whether the form holds changes not saved yet (EditDialog asks before discarding them). */
  onDirtyChange?: (dirty: boolean) => void;
}

type ServerFields = ReadonlyArray<{ path: string; message: string }>;

/**
 * New product (name, price, stock) or edit (name, price: stock has its own
 * form). Checked with the contract's zod schemas before anything is sent;
 * what the service still refuses comes back as a ValidationError whose fields
 * land beside the same inputs.
 */
export function ProductForm({ product, onSaved, onCancel, onDirtyChange }: ProductFormProps) {
  const [initial] = useState<ProductDraft>(() => ({
    name: product?.name ?? "",
    price: product ? centsToDollars(product.priceCents) : "",
    stock: "0",
    description: product?.description ?? "",
    sku: product?.sku ?? "",
  }));
  const [draft, setDraft] = useState<ProductDraft>(initial);
  const dirty = (Object.keys(initial) as Array<keyof ProductDraft>).some(
    (field) => draft[field] !== initial[field],
  );
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  const [errors, setErrors] = useState<FieldErrors<ProductField>>({});
  const nameLeft = PRODUCT_NAME_MAX - draft.name.length;
  const [formError, setFormError] = useState<string | null>(null);
  const [created, create] = useMutation(CreateProductMutation);
  const [updated, update] = useMutation(UpdateProductMutation);
  const saving = created.fetching || updated.fetching;
  const form = useRef<HTMLFormElement>(null);
  const [rejections, setRejections] = useState(0);

  // After a refusal has rendered its aria-invalid inputs: focus goes where the fix is.
  useEffect(() => {
    if (rejections > 0) form.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [rejections]);

  const descriptionId = useId();
  const edit = (field: ProductField) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: event.target.value }));

  /** Shows the errors (beside their inputs, or for the whole form) and takes focus to the first. */
  function reject(next: FieldErrors<ProductField>, message: string | null = null) {
    setErrors(next);
    setFormError(message);
    setRejections((n) => n + 1);
  }

  function rejectFromServer(message: string, fields: ServerFields) {
    const { errors: placed, unplaced } = serverFieldErrors(fields);
    const placedAny = Object.keys(placed).length > 0;
    reject(placed, placedAny && unplaced.length === 0 ? null : [message, ...unplaced].join(" "));
  }

  async function saveChanges({ id }: EditableProduct) {
    const checked = checkProductChanges(draft);
    if (!checked.ok) return reject(checked.errors);
    const result = await update({
      id,
      input: {
        name: checked.input.name,
        priceCents: checked.input.price_cents,
        description: checked.input.description ?? "",
        sku: checked.input.sku ?? "",
      },
    });
    const answer = result.data?.updateProduct;
    if (!answer) return reject({}, result.error ? describeError(result.error) : NO_ANSWER);
    switch (answer.__typename) {
      case "Product":
        return onSaved(answer.name);
      case "ValidationError":
        return rejectFromServer(answer.message, answer.fields);
      case "NotFoundError":
        return reject({}, answer.message);
    }
  }

  async function saveNew() {
    const checked = checkNewProduct(draft);
    if (!checked.ok) return reject(checked.errors);
    const result = await create({
      input: {
        name: checked.input.name,
        priceCents: checked.input.price_cents,
        stockQty: checked.input.stock_qty,
        description: checked.input.description ?? "",
        ...(checked.input.sku ? { sku: checked.input.sku } : {}),
      },
    });
    const answer = result.data?.createProduct;
    if (!answer) return reject({}, result.error ? describeError(result.error) : NO_ANSWER);
    switch (answer.__typename) {
      case "AdminProduct":
        return onSaved(answer.name);
      case "ValidationError":
        return rejectFromServer(answer.message, answer.fields);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void (product ? saveChanges(product) : saveNew());
  }

  return (
    <form ref={form} className="form" onSubmit={submit} noValidate>
      <Field
        label="Name"
        name="name"
        autoComplete="off"
        // The contract's limit, enforced while typing (and pasting), not only on Save.
        maxLength={PRODUCT_NAME_MAX}
        hint={
          nameLeft <= 20
            ? `${nameLeft === 0 ? "No" : nameLeft} character${nameLeft === 1 ? "" : "s"} left (at most ${PRODUCT_NAME_MAX})`
            : `Up to ${PRODUCT_NAME_MAX} characters`
        }
        value={draft.name}
        onChange={edit("name")}
        error={errors.name}
      />
      <div className="field-row">
        <Field
          label="Price"
          name="price"
          inputMode="decimal"
          autoComplete="off"
          placeholder="12.50"
          hint="In dollars and cents, e.g. 12.50"
          value={draft.price}
          onChange={edit("price")}
          error={errors.price}
        />
        {!product && (
          <Field
            label="Stock"
            name="stock"
            inputMode="numeric"
            autoComplete="off"
            hint="Units on hand"
            value={draft.stock}
            onChange={edit("stock")}
            error={errors.stock}
          />
        )}
      </div>
      <Field
        label="SKU"
        name="sku"
        autoComplete="off"
        hint="Optional stock-keeping code, unique: letters, digits and . _ / -"
        value={draft.sku}
        onChange={edit("sku")}
        error={errors.sku}
      />
      <div className="field">
        <label htmlFor={descriptionId}>Description</label>
        <textarea
          id={descriptionId}
          name="description"
          rows={5}
          maxLength={5000}
          value={draft.description}
          onChange={edit("description")}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? `${descriptionId}-error` : `${descriptionId}-hint`}
        />
        <p id={`${descriptionId}-hint`} className="hint">
          Plain text shown on the product page; up to 5,000 characters.
        </p>
        {errors.description && (
          <p id={`${descriptionId}-error`} className="field-error">
            {errors.description}
          </p>
        )}
      </div>
      <FormActions error={formError} saving={saving} onCancel={onCancel} />
    </form>
  );
}
