import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { ConfirmDialog } from "../components/ConfirmDialog.tsx";
import { Dialog } from "../components/Dialog.tsx";
import { QueryProblem } from "../components/QueryProblem.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { formatDate, formatMoney } from "../format.ts";
import { describeError } from "../graphql/client.ts";
import { AdminProductsQuery, ArchiveProductMutation } from "../graphql/operations.ts";
import { ProductImages } from "./ProductImages.tsx";
import type { AdminProductsQuery as AdminProductsResult } from "../gql/graphql.ts";
import { ProductForm } from "./ProductForm.tsx";
import { StockForm } from "./StockForm.tsx";

type AdminProduct = NonNullable<AdminProductsResult["adminProductsPage"]>["products"][number];

const PAGE_SIZE = 50;

/** What is open over the table, if anything. */
type Panel =
  | { kind: "create" }
  | { kind: "edit"; product: AdminProduct }
  | { kind: "stock"; product: AdminProduct }
  | { kind: "archive"; product: AdminProduct };

/** Every product, archived ones too, newest first; create, edit, restock and archive. */
export function ProductsPage() {
  const [search, setSearch] = useState("");
  const [typed, setTyped] = useState("");
  // The cursors of the pages before this one, so "Previous page" can go back.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AdminProductsQuery,
    variables: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}), ...(search ? { search } : {}) },
  });
  const [, archiveProduct] = useMutation(ArchiveProductMutation);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setPanel(null);

  /** A write went through: close the panel, say what happened, read the list again. */
  function done(message: string) {
    setPanel(null);
    setNotice(message);
    refetch({ requestPolicy: "network-only" });
  }

  async function archive(product: AdminProduct): Promise<string | null> {
    const result = await archiveProduct({ id: product.id });
    const answer = result.data?.archiveProduct;
    if (!answer) return result.error ? describeError(result.error) : "The gateway sent no answer.";
    if (answer.__typename !== "AdminProduct") return answer.message;
    done(`Archived “${product.name}”. It is no longer in the catalog.`);
    return null;
  }

  const page = data?.adminProductsPage;
  const products = page?.products ?? [];
  const editing = panel?.kind === "edit" ? products.find((p) => p.id === panel.product.id) : undefined;

  return (
    <section aria-labelledby="products-title">
      <header className="page-header">
        <div>
          <h1 id="products-title">Products</h1>
          <p className="page-subtitle">Archived products are listed too, newest first.</p>
        </div>
        <button type="button" className="button primary" onClick={() => setPanel({ kind: "create" })}>
          New product
        </button>
      </header>

      <p role="status" className={notice ? "notice" : "visually-hidden"}>
        {notice}
      </p>

      <form
        className="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setCursors([]);
          setSearch(typed.trim());
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

      {error && !data && (
        <QueryProblem error={error} onRetry={() => refetch({ requestPolicy: "network-only" })} />
      )}
      {!data && fetching && <p className="loading">Loading products…</p>}
      {data && products.length === 0 && (
        <div className="empty card">
          <p>{search ? "No products match." : "No products yet. Add the first with “New product”."}</p>
        </div>
      )}
      {products.length > 0 && (
        <div className="table-wrap card" aria-busy={fetching}>
          <table className="table">
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
                <ProductRow key={product.id} product={product} open={setPanel} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(cursors.length > 0 || page?.nextCursor) && (
        <nav className="pager" aria-label="Pages">
          <button
            type="button"
            className="button"
            disabled={cursors.length === 0}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            Previous page
          </button>
          <button
            type="button"
            className="button"
            disabled={!page?.nextCursor}
            onClick={() => page?.nextCursor && setCursors((c) => [...c, page.nextCursor!])}
          >
            Next page
          </button>
        </nav>
      )}

      {panel?.kind === "create" && (
        <Dialog title="New product" onClose={close}>
          <ProductForm onSaved={(name) => done(`Added “${name}” to the catalog.`)} onCancel={close} />
        </Dialog>
      )}
      {panel?.kind === "edit" && (
        <Dialog title={`Edit “${panel.product.name}”`} onClose={close}>
          <ProductForm
            product={panel.product}
            onSaved={(name) => done(`Saved “${name}”.`)}
            onCancel={close}
          />
          <ProductImages
            productId={panel.product.id}
            images={(editing ?? panel.product).images}
            onChanged={(message) => {
              setNotice(message);
              refetch({ requestPolicy: "network-only" });
            }}
          />
        </Dialog>
      )}
      {panel?.kind === "stock" && (
        <Dialog title="Change stock" onClose={close}>
          <StockForm
            product={panel.product}
            onSaved={(qty) => done(`“${panel.product.name}” now has ${qty} in stock.`)}
            onCancel={close}
          />
        </Dialog>
      )}
      {panel?.kind === "archive" && (
        <ConfirmDialog
          title={`Archive “${panel.product.name}”?`}
          confirmLabel="Archive product"
          cancelLabel="Keep it"
          onConfirm={() => archive(panel.product)}
          onClose={close}
        >
          <p>
            It leaves the catalog at once and can no longer be ordered. Orders that already name it keep it.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function ProductRow({ product, open }: { product: AdminProduct; open: (panel: Panel) => void }) {
  const archived = product.archivedAt !== null;
  return (
    <tr className={archived ? "row-muted" : undefined}>
      <th scope="row" className="cell-name">
        {product.name}
        <span className="cell-sub">Added {formatDate(product.createdAt)}</span>
      </th>
      <td className="num">{formatMoney(product.priceCents)}</td>
      <td className={product.stockQty === 0 && !archived ? "num stock-out" : "num"}>{product.stockQty}</td>
      <td>
        {product.archivedAt === null ? (
          <StatusBadge status="ACTIVE" />
        ) : (
          <>
            <StatusBadge status="ARCHIVED" />
            <span className="cell-sub">{formatDate(product.archivedAt)}</span>
          </>
        )}
      </td>
      <td className="actions">
        {!archived && (
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
