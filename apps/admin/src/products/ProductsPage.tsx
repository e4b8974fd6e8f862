import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { formatMoney } from "@shop/ui";
import { ConfirmDialog } from "../components/ConfirmDialog.tsx";
import { EditDialog } from "../components/EditDialog.tsx";
import { usePageNotice } from "../components/PageNotice.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { Pager } from "../components/Pager.tsx";
import { QueryProblem } from "../components/QueryProblem.tsx";
import { ProductStatusBadge } from "../components/StatusBadge.tsx";
import { formatDate } from "../format.ts";
import { describeError, NO_ANSWER } from "../graphql/client.ts";
import {
  AdminProductsQuery,
  ArchiveProductMutation,
  UnarchiveProductMutation,
} from "../graphql/operations.ts";
import { ProductImages } from "./ProductImages.tsx";
import type { AdminProductsQuery as AdminProductsResult } from "../gql/graphql.ts";
import { navigate, useSearch } from "../router.tsx";
import { useCan } from "../session.ts";
import { ProductForm } from "./ProductForm.tsx";
import { productsHref, readProductsView, type ProductsView } from "./products-view.ts";
import { StockForm } from "./StockForm.tsx";

type AdminProduct = NonNullable<AdminProductsResult["adminProductsPage"]>["products"][number];

const PAGE_SIZE = 50;

/** What is open over the table, if anything. */
type Panel =
  | { kind: "create" }
  | { kind: "edit"; product: AdminProduct }
  | { kind: "stock"; product: AdminProduct }
  | { kind: "archive"; product: AdminProduct }
  | { kind: "restore"; product: AdminProduct };

/** Every product, archived ones too, newest first; create, edit, restock, archive and restore. */
export function ProductsPage() {
  // The search and the page live in the URL (products-view.ts): a reload keeps them, Back returns.
  const view = readProductsView(useSearch());
  const { q: search, trail } = view;
  const [typed, setTyped] = useState(search);
  // Back or Forward to another search: the box shows the search the page shows.
  const [typedFor, setTypedFor] = useState(search);
  if (typedFor !== search) {
    setTypedFor(search);
    setTyped(search);
  }
  const cursor = trail.at(-1);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AdminProductsQuery,
    variables: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}), ...(search ? { search } : {}) },
  });
  const go = (next: ProductsView) => navigate(productsHref(next));
  const pageNumber = trail.length + 1;
  const [, archiveProduct] = useMutation(ArchiveProductMutation);
  const [, unarchiveProduct] = useMutation(UnarchiveProductMutation);
  const [panel, setPanel] = useState<Panel | null>(null);
  const notice = usePageNotice();
  const close = () => setPanel(null);
  // Support reads products but does not change them: no write buttons (the gateway refuses anyway).
  const canWrite = useCan()("products.write");

  /**
   * A write went through: close the panel, say what happened, read the list
   * again. `focus`: the button that opened the panel is gone (Archive,
   * Restore), so the focus goes to the message instead.
   */
  function done(message: string, { focus = false }: { focus?: boolean } = {}) {
    setPanel(null);
    notice.announce(message, { focus });
    refetch({ requestPolicy: "network-only" });
  }

  async function archive(product: AdminProduct): Promise<string | null> {
    const result = await archiveProduct({ id: product.id });
    const answer = result.data?.archiveProduct;
    if (!answer) return result.error ? describeError(result.error) : NO_ANSWER;
    if (answer.__typename !== "AdminProduct") return answer.message;
    done(`Archived “${product.name}”. It is no longer in the catalog.`, { focus: true });
    return null;
  }

  async function restore(product: AdminProduct): Promise<string | null> {
    const result = await unarchiveProduct({ id: product.id });
    const answer = result.data?.unarchiveProduct;
    if (!answer) return result.error ? describeError(result.error) : NO_ANSWER;
    if (answer.__typename !== "AdminProduct") return answer.message;
    done(`Restored “${product.name}”. It is back in the catalog.`, { focus: true });
    return null;
  }

  const page = data?.adminProductsPage;
  const products = page?.products ?? [];
  const editing = panel?.kind === "edit" ? products.find((p) => p.id === panel.product.id) : undefined;

  return (
    <section aria-labelledby="products-title">
      <PageTitle>{pageNumber > 1 ? `Products, page ${pageNumber}` : "Products"}</PageTitle>
      <header className="page-header">
        <div>
          <h1 id="products-title">Products</h1>
          <p className="page-subtitle">Archived products are listed too, newest first.</p>
        </div>
        {canWrite ? (
          <button type="button" className="button primary" onClick={() => setPanel({ kind: "create" })}>
            New product
          </button>
        ) : (
          <p className="role-note">Your role can look at products but not change them.</p>
        )}
      </header>

      {notice.element}

      <form
        className="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: typed.trim(), trail: [] });
        }}
      >
        <label htmlFor="product-search">Search products</label>
        <input
          id="product-search"
          type="search"
          value={typed}
          maxLength={200}
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit" className="button">
          Search
        </button>
      </form>

      {/* A field error leaves data without the page: that is a problem to show, not an empty shop. */}
      {error && !page && (
        <QueryProblem error={error} onRetry={() => refetch({ requestPolicy: "network-only" })} />
      )}
      {!page && !error && fetching && <p className="loading">Loading products…</p>}
      {page && products.length === 0 && (
        <div className="empty card">
          <p>
            {search
              ? "No products match."
              : canWrite
                ? "No products yet. Add the first with “New product”."
                : "No products yet."}
          </p>
        </div>
      )}
      {products.length > 0 && (
        <div className="table-wrap card" aria-busy={fetching}>
          <table className="table table-cards">
            <caption className="visually-hidden">All products, archived ones too, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="num">
                  Price
                </th>
                <th scope="col" className="num">
                  Stock
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {products.map((product) => (
                <ProductRow key={product.id} product={product} open={canWrite ? setPanel : null} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label="Pages of products"
        pageNumber={pageNumber}
        next={Boolean(page?.nextCursor)}
        onPrevious={() => go({ ...view, trail: trail.slice(0, -1) })}
        onNext={() => page?.nextCursor && !fetching && go({ ...view, trail: [...trail, page.nextCursor] })}
      />

      {panel?.kind === "create" && (
        <EditDialog title="New product" onClose={close}>
          {(setDirty) => (
            <ProductForm
              onSaved={(name) => done(`Added “${name}” to the catalog.`)}
              onCancel={close}
              onDirtyChange={setDirty}
            />
          )}
        </EditDialog>
      )}
      {panel?.kind === "edit" && (
        <EditDialog title={`Edit “${panel.product.name}”`} onClose={close}>
          {(setDirty) => (
            <>
              <ProductForm
                product={panel.product}
                onSaved={(name) => done(`Saved “${name}”.`)}
                onCancel={close}
                onDirtyChange={setDirty}
              />
              <ProductImages
                productId={panel.product.id}
                images={(editing ?? panel.product).images}
                onChanged={() => refetch({ requestPolicy: "network-only" })}
              />
            </>
          )}
        </EditDialog>
      )}
      {panel?.kind === "stock" && (
        <EditDialog title="Change stock" onClose={close}>
          {(setDirty) => (
            <StockForm
              product={panel.product}
              onSaved={(qty) => done(`“${panel.product.name}” now has ${qty} in stock.`)}
              onCancel={close}
              onDirtyChange={setDirty}
            />
          )}
        </EditDialog>
      )}
      {panel?.kind === "archive" && (
        <ConfirmDialog
          title={`Archive “${panel.product.name}”?`}
          confirmLabel="Archive product"
          busyLabel="Archiving…"
          cancelLabel="Keep it"
          onConfirm={() => archive(panel.product)}
          onClose={close}
        >
          <p>
            It leaves the catalog at once and can no longer be ordered. Orders that already name it keep it.
            You can restore it later.
          </p>
        </ConfirmDialog>
      )}
      {panel?.kind === "restore" && (
        <ConfirmDialog
          title={`Restore “${panel.product.name}”?`}
          confirmLabel="Restore product"
          busyLabel="Restoring…"
          cancelLabel="Not now"
          tone="primary"
          onConfirm={() => restore(panel.product)}
          onClose={close}
        >
          <p>
            It goes back into the catalog at its price of {formatMoney(panel.product.priceCents)}, with{" "}
            {panel.product.stockQty} in stock, and can be ordered again.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** `open` is null for a role that may not change products: the row has no buttons then. */
function ProductRow({ product, open }: { product: AdminProduct; open: ((panel: Panel) => void) | null }) {
  const archived = product.archivedAt !== null;
  return (
    <tr className={archived ? "row-muted" : undefined}>
      <th scope="row" className="cell-name" data-label="Name">
        {/* Clamped to two lines in the table; the full name is in the title and read whole. */}
        <span className="clamp" title={product.name}>
          {product.name}
        </span>
        <span className="cell-sub">Added {formatDate(product.createdAt)}</span>
      </th>
      <td className="num" data-label="Price">
        {formatMoney(product.priceCents)}
      </td>
      <td className={product.stockQty === 0 && !archived ? "num stock-out" : "num"} data-label="Stock">
        {product.stockQty}
      </td>
      <td data-label="Status">
        <ProductStatusBadge archived={archived} />
        {product.archivedAt !== null && <span className="cell-sub">{formatDate(product.archivedAt)}</span>}
      </td>
      <td className="actions">
        {open === null ? null : archived ? (
          <RowButton label="Restore" name={product.name} onClick={() => open({ kind: "restore", product })} />
        ) : (
          <>
            <RowButton label="Edit" name={product.name} onClick={() => open({ kind: "edit", product })} />
            <RowButton label="Stock" name={product.name} onClick={() => open({ kind: "stock", product })} />
            <RowButton
              label="Archive"
              name={product.name}
              danger
              onClick={() => open({ kind: "archive", product })}
            />
          </>
        )}
      </td>
    </tr>
  );
}

/** "Edit" to the eye, "Edit Mug" to a screen reader: a table of rows of "Edit" buttons says which. */
function RowButton(props: { label: string; name: string; danger?: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className={props.danger ? "button small danger-quiet" : "button small"}
      onClick={props.onClick}
    >
      {props.label}
      <span className="visually-hidden"> {props.name}</span>
    </button>
  );
}
