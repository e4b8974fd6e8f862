/**
 * What an audit entry's action did, in the words a merchant uses. An action
 * is named by where it came in: a tRPC procedure (`orders.capture`, from the
 * admin through the gateway), a REST route (`POST /orders/:id/capture`, from
 * a script with the admin token) or a staff event (`staff.sign_in`); both
 * doors of one operation read the same. An action not named here (a new
 * operation) shows nothing, and the page shows the action itself.
 */
const ACTION_WORDS: Record<string, string> = {
  "staff.sign_in": "Signed in",
  "staff.sign_out": "Signed out",
  "staff.create": "Added a person",
  "staff.change_role": "Changed a person's role",
  "staff.remove": "Removed a person",

  "products.create": "Created a product",
  "POST /products": "Created a product",
  "products.update": "Edited a product",
  "PATCH /products/:id": "Edited a product",
  "products.changeStock": "Changed the stock",
  "PATCH /products/:id/stock": "Changed the stock",
  "products.archive": "Archived a product",
  "DELETE /products/:id": "Archived a product",
  "products.unarchive": "Restored a product",
  "POST /products/:id/unarchive": "Restored a product",
  "POST /products/:id/images": "Added a picture",
  "products.updateImage": "Edited a picture",
  "PATCH /products/:id/images/:imageId": "Edited a picture",
  "products.removeImage": "Removed a picture",
  "DELETE /products/:id/images/:imageId": "Removed a picture",
  "products.reorderImages": "Reordered the pictures",
  "PUT /products/:id/images/order": "Reordered the pictures",

  "POST /orders": "Placed an order",
  "POST /orders/lookup": "Looked up an order",
  "orders.capture": "Captured a payment",
  "POST /orders/:id/capture": "Captured a payment",
  "orders.fulfill": "Marked an order as shipped",
  "POST /orders/:id/fulfill": "Marked an order as shipped",
  "orders.refund": "Refunded an order",
  "POST /orders/:id/refunds": "Refunded an order",
  "orders.cancel": "Cancelled an order",
  "POST /orders/:id/cancel": "Cancelled an order",

  "POST /charges": "Charged a card",
  "POST /refunds": "Refunded a charge",
};

export const actionWords = (action: string): string | undefined =>
  Object.hasOwn(ACTION_WORDS, action) ? ACTION_WORDS[action] : undefined;
