# syntax=docker/dockerfile:1
# One recipe for every image of the shop, chosen by a build argument and a target:
#
#   docker build --build-arg APP=orders --target service .   a Node service: inventory, orders, payments, gateway
#   docker build --build-arg APP=web    --target spa .       a Vite SPA, served by nginx: web, admin
#
# `service`, the last stage, is the default target.
# Services run their TypeScript with tsx (no build step), exactly as `pnpm start` does.
ARG NODE_VERSION=20.20
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.29-alpine

# --- Dependencies: cached until the lockfile or a package.json changes --------
FROM node:${NODE_VERSION}-slim AS deps
RUN npm install -g pnpm@12.21.0 && pnpm config set store-dir /pnpm/store --global
WORKDIR /shop
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
# Every workspace package's manifest: a new app or package adds its line here
# (`pnpm lint` fails when one is missing, as the frozen install would).
COPY apps/admin/package.json apps/admin/
COPY apps/gateway/package.json apps/gateway/
COPY apps/inventory/package.json apps/inventory/
COPY apps/orders/package.json apps/orders/
COPY apps/payments/package.json apps/payments/
COPY apps/web/package.json apps/web/
COPY packages/contracts/package.json packages/contracts/
COPY packages/db/package.json packages/db/
COPY packages/gateway/package.json packages/gateway/
COPY packages/idempotency/package.json packages/idempotency/
COPY packages/inventory/package.json packages/inventory/
COPY packages/orders/package.json packages/orders/
COPY packages/payments/package.json packages/payments/
COPY packages/reliability/package.json packages/reliability/
COPY packages/sdk/package.json packages/sdk/
COPY packages/service/package.json packages/service/
COPY packages/stack/package.json packages/stack/
COPY packages/ui/package.json packages/ui/
# Install scripts are skipped: the only one an image needs, Prisma's client
# generation, runs below on the sources. tsx is a devDependency the services
# run with, so this is a full install.
RUN --mount=type=cache,id=shop-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --ignore-scripts

# --- Sources ------------------------------------------------------------------
FROM deps AS source
COPY . .
RUN pnpm --filter @shop/db generate

# --- A SPA's static files -----------------------------------------------------
FROM source AS spa-build
ARG APP
# Where the browser finds the gateway; baked in at build time, as Vite does.
ARG VITE_GATEWAY_URL=http://localhost:4000/graphql
ENV VITE_GATEWAY_URL=${VITE_GATEWAY_URL}
RUN test -n "${APP}" || { echo "build with --build-arg APP=web|admin" >&2; exit 1; }
RUN pnpm --filter "@shop/${APP}" codegen && pnpm --filter "@shop/${APP}" build

# --- A SPA: docker build --build-arg APP=<web|admin> --target spa -------------
# nginx as an unprivileged user on :8080; every path that is not a file is the app's.
FROM ${NGINX_IMAGE} AS spa
ARG APP
COPY --from=spa-build /shop/apps/${APP}/dist /usr/share/nginx/html
COPY <<'EOF' /etc/nginx/conf.d/default.conf
server {
  listen 8080;
  root /usr/share/nginx/html;
  location / {
    try_files $uri $uri/ /index.html;
  }
  location /assets/ {
    add_header Cache-Control "public, max-age=31536000, immutable";
  }
}
EOF

# --- A Node service: docker build --build-arg APP=<service> --target service --
FROM node:${NODE_VERSION}-slim AS service
ARG APP
RUN test -n "${APP}" || { echo "build with --build-arg APP=inventory|orders|payments|gateway" >&2; exit 1; }
# Root owns the code; the service runs as `node` and writes only to /tmp
# (SHOP_DATA_DIR: where the one-shot migrate job notes the database URL).
ENV NODE_ENV=production APP=${APP} SHOP_DATA_DIR=/tmp/shop-data
WORKDIR /shop
COPY --from=source /shop /shop
RUN test -f "apps/${APP}/src/main.ts" || { echo "apps/${APP}/src/main.ts not found: APP must name a service" >&2; exit 1; }
USER node
CMD ["sh", "-c", "exec node --import tsx apps/${APP}/src/main.ts"]
