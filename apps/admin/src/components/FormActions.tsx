/**
 * The foot of every edit form: the form-wide error (announced), then Cancel
 * and Save, both disabled while the form is saving.
 */
export function FormActions({
  error,
  saving,
  onCancel,
}: {
  error: string | null;
  saving: boolean;
  onCancel: () => void;
}) {
  return (
    <>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={saving}>
          {saving ? "Saving…" : "Save"}
        </button>
      </div>
    </>
  );
}
