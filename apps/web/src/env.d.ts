/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The gateway's GraphQL URL, baked in at build time (default http://localhost:4000/graphql). */
  readonly VITE_GATEWAY_URL?: string;
}
