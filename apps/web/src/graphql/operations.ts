import { graphql } from "../gql";

/** The catalog: every product on sale, by name. */
export const ProductsQuery = graphql(`
  query Products {
    products {
      id
      name
      priceCents
      stockQty
    }
  }
`);

/** One order with its lines, for the confirmation page. */
export const OrderQuery = graphql(`
  query Order($id: ID!) {
    order(id: $id) {
      id
      status
      totalCents
      createdAt
      items {
        qty
        priceCents
        product {
          id
          name
        }
      }
    }
  }
`);

/**
 * Places the cart as one order. The answer is a union: the order, or a typed
 * error the page explains (which product is short, and by how much).
 */
export const PlaceOrderMutation = graphql(`
  mutation PlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      __typename
      ... on Order {
        id
      }
      ... on InsufficientStockError {
        message
        lines {
          productId
          productName
          requested
          available
        }
      }
      ... on Error {
        message
      }
    }
  }
`);
