import { graphql } from "../gql";

/**
 * Every operation the admin sends, in one place. `pnpm codegen` types each
 * against the gateway's schema. Mutations answer a union of their result and
 * typed errors: each asks for `__typename` to switch on and spreads
 * MutationError below.
 */

/** What every mutation asks of a typed error: its message, and a ValidationError's fields. */
export const MutationError = graphql(`
  fragment MutationError on Error {
    message
    ... on ValidationError {
      fields {
        path
        message
      }
    }
  }
`);

/** Who is signed in (the session cookie's staff member); null when nobody is. */
export const MeQuery = graphql(`
  query Me {
    me {
      id
      email
      role
    }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      id
      email
      role
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const StaffMembersQuery = graphql(`
  query StaffMembers {
    staffMembers {
      id
      email
      role
      createdAt
    }
  }
`);

export const AddStaffMemberMutation = graphql(`
  mutation AddStaffMember($email: String!, $role: StaffRole!, $password: String!) {
    addStaffMember(email: $email, role: $role, password: $password) {
      id
      email
      role
    }
  }
`);

export const ChangeStaffRoleMutation = graphql(`
  mutation ChangeStaffRole($id: ID!, $role: StaffRole!) {
    changeStaffRole(id: $id, role: $role) {
      id
      email
      role
    }
  }
`);

export const RemoveStaffMemberMutation = graphql(`
  mutation RemoveStaffMember($id: ID!) {
    removeStaffMember(id: $id) {
      id
      email
    }
  }
`);

export const AuditLogQuery = graphql(`
  query AuditLog($before: DateTime, $beforeId: ID, $limit: Int) {
    auditLog(before: $before, beforeId: $beforeId, limit: $limit) {
      id
      at
      actor
      actorKind
      action
      target
      targetKind
      targetName
      requestId
    }
  }
`);

export const AdminProductsQuery = graphql(`
  query AdminProducts($limit: Int, $cursor: String, $search: String) {
    adminProductsPage(limit: $limit, cursor: $cursor, search: $search) {
      nextCursor
      products {
        id
        name
        priceCents
        stockQty
        description
        sku
        images {
          id
          url
          alt
          width
          height
        }
        archivedAt
        createdAt
        updatedAt
      }
    }
  }
`);

export const CreateProductMutation = graphql(`
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      __typename
      ... on AdminProduct {
        id
        name
      }
      ...MutationError
    }
  }
`);

export const UpdateProductMutation = graphql(`
  mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) {
      __typename
      ... on Product {
        id
        name
      }
      ...MutationError
    }
  }
`);

export const SetStockMutation = graphql(`
  mutation SetStock($id: ID!, $stockQty: Int!) {
    setStock(id: $id, stockQty: $stockQty) {
      __typename
      ... on Product {
        id
        stockQty
      }
      ...MutationError
    }
  }
`);

export const AdjustStockMutation = graphql(`
  mutation AdjustStock($id: ID!, $delta: Int!) {
    adjustStock(id: $id, delta: $delta) {
      __typename
      ... on Product {
        id
        stockQty
      }
      ...MutationError
    }
  }
`);

export const ArchiveProductMutation = graphql(`
  mutation ArchiveProduct($id: ID!) {
    archiveProduct(id: $id) {
      __typename
      ... on AdminProduct {
        id
        archivedAt
      }
      ...MutationError
    }
  }
`);

export const OrdersQuery = graphql(`
  query Orders(
    $status: OrderStatus
    $cursor: String
    $limit: Int
    $search: String
    $from: String
    $to: String
  ) {
    orders(status: $status, cursor: $cursor, limit: $limit, search: $search, from: $from, to: $to) {
      nextCursor
      totalCount
      orders {
        id
        number
        customer {
          email
          name
        }
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
  }
`);

export const CapturePaymentMutation = graphql(`
  mutation CapturePayment($orderId: ID!) {
    capturePayment(orderId: $orderId) {
      __typename
      ... on Order {
        id
        status
      }
      ...MutationError
    }
  }
`);

export const CancelOrderMutation = graphql(`
  mutation CancelOrder($orderId: ID!) {
    cancelOrder(orderId: $orderId) {
      __typename
      ... on Order {
        id
        status
      }
      ...MutationError
    }
  }
`);

export const UnarchiveProductMutation = graphql(`
  mutation UnarchiveProduct($id: ID!) {
    unarchiveProduct(id: $id) {
      __typename
      ... on AdminProduct {
        id
        archivedAt
      }
      ...MutationError
    }
  }
`);

export const UpdateProductImageMutation = graphql(`
  mutation UpdateProductImage($productId: ID!, $imageId: ID!, $alt: String!) {
    updateProductImage(productId: $productId, imageId: $imageId, alt: $alt) {
      __typename
      ...MutationError
    }
  }
`);

/** A move or a removal answers the pictures as they are now: shown at once, before the product list is read again. */
export const ProductPicturesAnswer = graphql(`
  fragment ProductPicturesAnswer on AdminProduct {
    id
    images {
      id
      url
      alt
      width
      height
    }
  }
`);

export const RemoveProductImageMutation = graphql(`
  mutation RemoveProductImage($productId: ID!, $imageId: ID!) {
    removeProductImage(productId: $productId, imageId: $imageId) {
      __typename
      ...ProductPicturesAnswer
      ...MutationError
    }
  }
`);

export const ReorderProductImagesMutation = graphql(`
  mutation ReorderProductImages($productId: ID!, $imageIds: [ID!]!) {
    reorderProductImages(productId: $productId, imageIds: $imageIds) {
      __typename
      ...ProductPicturesAnswer
      ...MutationError
    }
  }
`);

/** One order in full for its page: customer, address, money, shipment, refunds and the timeline. */
export const AdminOrderQuery = graphql(`
  query AdminOrder($id: ID!) {
    adminOrder(id: $id) {
      id
      number
      status
      createdAt
      totalCents
      capturedCents
      refundedCents
      customer {
        email
        name
        phone
      }
      shippingAddress {
        line1
        line2
        city
        postalCode
        region
        country
      }
      items {
        qty
        priceCents
        product {
          id
          name
        }
      }
      shipment {
        carrier
        trackingNumber
        fulfilledAt
      }
      refunds {
        id
        amountCents
        reason
        createdAt
      }
      timeline {
        id
        type
        actor
        requestId
        data
        createdAt
      }
    }
  }
`);

export const FulfillOrderMutation = graphql(`
  mutation FulfillOrder($orderId: ID!, $carrier: String, $trackingNumber: String) {
    fulfillOrder(orderId: $orderId, carrier: $carrier, trackingNumber: $trackingNumber) {
      __typename
      ... on Order {
        id
        status
      }
      ...MutationError
    }
  }
`);

export const RefundPaymentMutation = graphql(`
  mutation RefundPayment($orderId: ID!, $amountCents: Int!, $reason: String, $idempotencyKey: String) {
    refundPayment(
      orderId: $orderId
      amountCents: $amountCents
      reason: $reason
      idempotencyKey: $idempotencyKey
    ) {
      __typename
      ... on Order {
        id
        status
        refundedCents
      }
      ...MutationError
    }
  }
`);
