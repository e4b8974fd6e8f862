/**
 * What an audit entry's action did, in the words a merchant uses. An action
 * is named by where it came in: a tRPC procedure (`orders.capture`, from the
 * admin through the gateway), a REST route (`POST /orders/:id/capture`, from
 * a script with the admin token) or a staff event (`staff.sign_in`). Each row
 * is one operation, its words and every name it is recorded under, so both
 * doors of it read the same. An action not named here (a new operation)
 * shows nothing, and the page shows the action itself.
 */
const OPERATIONS: ReadonlyArray<readonly [words: string, ...actions: string[]]> = [
  ["Signed in", "staff.sign_in"],
  ["Signed out", "staff.sign_out"],
  ["Added a person", "staff.create"],
  ["Changed a person's role", "staff.change_role"],
  ["Removed a person", "staff.remove"],

  ["Created a product", "products.create", "POST /products"],
  ["Edited a product", "products.update", "PATCH /products/:id"],
  ["Changed the stock", "products.changeStock", "PATCH /products/:id/stock"],
  ["Archived a product", "products.archive", "DELETE /products/:id"],
  ["Restored a product", "products.unarchive", "POST /products/:id/unarchive"],
  ["Added a picture", "POST /products/:id/images"],
  ["Edited a picture", "products.updateImage", "PATCH /products/:id/images/:imageId"],
  ["Removed a picture", "products.removeImage", "DELETE /products/:id/images/:imageId"],
  ["Reordered the pictures", "products.reorderImages", "PUT /products/:id/images/order"],

  ["Placed an order", "POST /orders"],
  ["Looked up an order", "POST /orders/lookup"],
  ["Captured a payment", "orders.capture", "POST /orders/:id/capture"],
  ["Marked an order as shipped", "orders.fulfill", "POST /orders/:id/fulfill"],
  ["Refunded an order", "orders.refund", "POST /orders/:id/refunds"],
  ["Cancelled an order", "orders.cancel", "POST /orders/:id/cancel"],

  ["Charged a card", "POST /charges"],
  ["Refunded a charge", "POST /refunds"],
];

const WORDS_BY_ACTION = new Map(
  OPERATIONS.flatMap(([words, ...actions]) => actions.map((action) => [action, words] as const)),
);

export const actionWords = (action: string): string | undefined => WORDS_BY_ACTION.get(action);
