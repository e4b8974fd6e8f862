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

/** One page of the catalog: search, sort and the in-stock filter as the URL has them. */
export const CatalogQuery = graphql(`
  query Catalog($first: Int!, $after: String, $search: String, $sort: CatalogSort, $inStock: Boolean) {
    catalog(first: $first, after: $after, search: $search, sort: $sort, inStock: $inStock) {
      totalCount
      edges {
        node {
          id
          name
          priceCents
          stockQty
          images {
            url
            alt
            width
            height
            variants {
              url
              width
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** One product's page: its description and every picture. */
export const ProductQuery = graphql(`
  query Product($id: ID!) {
    product(id: $id) {
      id
      name
      priceCents
      stockQty
      description
      sku
      images {
        url
        alt
        width
        height
        variants {
          url
          width
        }
      }
    }
  }
`);
