import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { usePageNotice } from "../components/PageNotice.tsx";
import { describeError, GATEWAY_URL } from "../graphql/client.ts";
import {
  RemoveProductImageMutation,
  ReorderProductImagesMutation,
  UpdateProductImageMutation,
} from "../graphql/operations.ts";

export interface AdminImage {
  id: string;
  url: string;
  alt: string;
  width: number;
  height: number;
}

const GATEWAY_ORIGIN = new URL(GATEWAY_URL, window.location.href).origin;
const UPLOAD_TIMEOUT_MS = 30_000;
const MAX_IMAGES = 10;

/**
 * Uploads a picture through the gateway (multipart, field `file`, optional
 * `alt`); Inventory checks it and answers the stored image, or why not.
 */
async function uploadImage(productId: string, file: File, alt: string): Promise<string | null> {
  const form = new FormData();
  form.append("file", file);
  if (alt.trim()) form.append("alt", alt.trim());
  try {
    const res = await fetch(`${GATEWAY_ORIGIN}/admin/products/${encodeURIComponent(productId)}/images`, {
      method: "POST",
      body: form,
      // Signed in by the session cookie, as every GraphQL request is.
      credentials: "include",
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
    if (res.ok) return null;
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    return body?.message ?? `The upload was refused (${res.status}).`;
  } catch {
    return "The upload did not reach the shop. Check the connection and try again.";
  }
}

/** A product's pictures in the edit dialog: upload with alt text, edit alt text, reorder, remove. */
export function ProductImages({
  productId,
  images,
  onChanged,
}: {
  productId: string;
  images: ReadonlyArray<AdminImage>;
  /** A picture was added, changed, moved or removed: the product is read again. */
  onChanged: () => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  // What happened, said inside the dialog (the page behind it is inert, its notices unheard), and
  // given the focus: the button pressed is disabled while it works, and may be gone (Remove) or
  // disabled for good (Move up on what became the first picture).
  const notice = usePageNotice();
  const problemRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);
  const [busy, setBusy] = useState(false);
  // A move or a removal answers the pictures as they are now. They are shown at once, over the
  // `images` they changed, until the product list read again brings new ones: a status that
  // says "reordered" never sits beside the old order, whose buttons would act on what it shows.
  const [answered, setAnswered] = useState<{
    over: ReadonlyArray<AdminImage>;
    images: ReadonlyArray<AdminImage>;
  } | null>(null);
  const shown = answered?.over === images ? answered.images : images;
  const showAnswered = (next: ReadonlyArray<AdminImage>) => setAnswered({ over: images, images: next });
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState("");
  const [, updateImage] = useMutation(UpdateProductImageMutation);
  const [, removeImage] = useMutation(RemoveProductImageMutation);
  const [, reorderImages] = useMutation(ReorderProductImagesMutation);

  async function run(work: () => Promise<string | null>, success: string) {
    setBusy(true);
    setProblem(null);
    const failed = await work();
    setBusy(false);
    if (failed) return setProblem(failed);
    notice.announce(success, { focus: true });
    onChanged();
  }

  const answerOf = (
    result: { data?: Record<string, unknown> | undefined; error?: unknown },
    field: string,
  ) => {
    const answer = result.data?.[field] as { __typename: string; message?: string } | undefined;
    if (!answer) return result.error ? describeError(result.error as never) : "The gateway sent no answer.";
    return "message" in answer && answer.message ? answer.message : null;
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return setProblem("Choose a JPEG, PNG or WebP picture first.");
    const form = event.currentTarget;
    void run(async () => {
      const failed = await uploadImage(productId, file, alt);
      // Added: the form is empty again for the next picture (a refused one keeps what was chosen).
      if (!failed) {
        form.reset();
        setFile(null);
        setAlt("");
      }
      return failed;
    }, "Picture added.");
  }

  const move = (from: number, to: number) => {
    const ids = shown.map((i) => i.id);
    const [moved] = ids.splice(from, 1);
    ids.splice(to, 0, moved!);
    void run(async () => {
      const result = await reorderImages({ productId, imageIds: ids });
      const answer = result.data?.reorderProductImages;
      if (answer?.__typename === "AdminProduct") showAnswered(answer.images);
      return answerOf(result, "reorderProductImages");
    }, "Pictures reordered.");
  };

  return (
    <section className="product-images" aria-labelledby={`images-${productId}`}>
      <h3 id={`images-${productId}`}>Pictures</h3>
      {shown.length === 0 && <p className="hint">No pictures yet: the shop shows a coloured tile.</p>}
      <ol className="image-list">
        {shown.map((image, i) => (
          <ImageRow
            key={image.id}
            image={image}
            first={i === 0}
            last={i === shown.length - 1}
            busy={busy}
            onUp={() => move(i, i - 1)}
            onDown={() => move(i, i + 1)}
            onAlt={(next) =>
              void run(
                async () =>
                  answerOf(
                    await updateImage({ productId, imageId: image.id, alt: next }),
                    "updateProductImage",
                  ),
                "Alt text saved.",
              )
            }
            onRemove={() =>
              void run(async () => {
                const result = await removeImage({ productId, imageId: image.id });
                const answer = result.data?.removeProductImage;
                if (answer?.__typename === "AdminProduct") showAnswered(answer.images);
                return answerOf(result, "removeProductImage");
              }, "Picture removed.")
            }
          />
        ))}
      </ol>
      {shown.length < MAX_IMAGES ? (
        <form className="image-upload" onSubmit={submit}>
          <div className="field">
            <label htmlFor={`upload-${productId}`}>Add a picture</label>
            <input
              id={`upload-${productId}`}
              type="file"
              accept="image/jpeg,image/png,image/webp"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <p className="hint">JPEG, PNG or WebP, up to 5 MB.</p>
          </div>
          <div className="field">
            <label htmlFor={`upload-alt-${productId}`}>Alt text</label>
            <input
              id={`upload-alt-${productId}`}
              value={alt}
              maxLength={300}
              onChange={(e) => setAlt(e.target.value)}
            />
            <p className="hint">What the picture shows, for shoppers who cannot see it.</p>
          </div>
          <button type="submit" className="button" disabled={busy} aria-busy={busy}>
            Upload picture
          </button>
        </form>
      ) : (
        <p className="hint">A product has at most {MAX_IMAGES} pictures: remove one to add another.</p>
      )}
      {notice.element}
      {problem && (
        <p ref={problemRef} className="form-error" role="alert" tabIndex={-1}>
          {problem}
        </p>
      )}
    </section>
  );
}

function ImageRow(props: {
  image: AdminImage;
  first: boolean;
  last: boolean;
  busy: boolean;
  onUp(): void;
  onDown(): void;
  onAlt(alt: string): void;
  onRemove(): void;
}) {
  const { image } = props;
  const [alt, setAlt] = useState(image.alt);
  const altId = `alt-${image.id}`;
  return (
    <li className="image-row">
      <img src={new URL(image.url, GATEWAY_ORIGIN).toString()} alt={image.alt} width={96} height={72} />
      <div className="field">
        <label htmlFor={altId}>Alt text</label>
        <input id={altId} value={alt} maxLength={300} onChange={(e) => setAlt(e.target.value)} />
      </div>
      <div className="image-actions">
        <button
          type="button"
          className="button small"
          disabled={props.busy || alt === image.alt}
          onClick={() => props.onAlt(alt)}
        >
          Save alt text
        </button>
        <button
          type="button"
          className="button small"
          disabled={props.busy || props.first}
          onClick={() => props.onUp()}
        >
          Move up
        </button>
        <button
          type="button"
          className="button small"
          disabled={props.busy || props.last}
          onClick={() => props.onDown()}
        >
          Move down
        </button>
        <button
          type="button"
          className="button small danger-quiet"
          disabled={props.busy}
          onClick={() => props.onRemove()}
        >
          Remove
        </button>
      </div>
    </li>
  );
}
