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

/** What the order page shows of an order (with its access token: where it ships too). */
export const OrderView = graphql(`
  fragment OrderView on Order {
    id
    number
    status
    totalCents
    refundedCents
    createdAt
    items {
      qty
      priceCents
      product {
        id
        name
      }
    }
    customer {
      name
      email
    }
    shippingAddress {
      line1
      line2
      city
      postalCode
      region
      country
    }
    shipment {
      carrier
      trackingNumber
    }
  }
`);

/** One order by id and access token, for the confirmation and order page. */
export const OrderQuery = graphql(`
  query Order($id: ID!, $accessToken: String) {
    order(id: $id, accessToken: $accessToken) {
      ...OrderView
    }
  }
`);

/** "Find your order": by number and email. */
export const OrderLookupQuery = graphql(`
  query OrderLookup($number: Int!, $email: String!) {
    orderLookup(number: $number, email: $email) {
      __typename
      ... on Order {
        ...OrderView
      }
      ... on Error {
        message
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
        accessToken
      }
      ... on ValidationError {
        message
        fields {
          path
          message
        }
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

/** A product's picture: its size, its words, and the stored sizes to choose from. */
export const ProductPicture = graphql(`
  fragment ProductPicture on ProductImage {
    url
    alt
    width
    height
    variants {
      url
      width
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
            ...ProductPicture
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
        ...ProductPicture
      }
    }
  }
`);
