# syntax=docker/dockerfile:1
# One recipe for every image of the shop, chosen by a build argument and a target:
#
#   docker build --build-arg APP=orders --target service .   a Node service: inventory, orders, payments, gateway
#   docker build --build-arg APP=web    --target spa .       a Vite SPA, served by nginx: web, admin
#
# `service`, the last stage, is the default target. A service image holds its
# production dependencies only (no test databases, no dev tools) and Node 24
# runs its TypeScript directly (type stripping: the code is erasable syntax
# only, which `erasableSyntaxOnly` in tsconfig.base.json enforces), stripped
# once, while the image is built, into Node's compile cache.
#
# Where the npm registry is reached through a TLS-intercepting proxy, pass its
# CA: --secret id=npm-ca,src=/etc/ssl/certs/ca-certificates.crt (left out, the
# builds trust Node's own CAs).
#
# Base images are pinned by digest (index digests, as published with the tag);
# Renovate's digest updates move them. `pnpm test:containers` builds on local
# stand-ins by overriding these two arguments: a digest names one exact image,
# which no local image can be.
ARG NODE_IMAGE=node:24-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.29-alpine@sha256:0c79d56aee561a1d81c63f00eee5fb5fe29279560cdc55e91425133104c7fbe6

# --- pnpm on Node 24 ------------------------------------------------------------
FROM ${NODE_IMAGE} AS pnpm
RUN --mount=type=secret,id=npm-ca \
    if [ -f /run/secrets/npm-ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm-ca; fi; \
    npm install -g pnpm@12.21.0 \
 && pnpm config set store-dir /pnpm/store --global \
 && pnpm config set cache-dir /pnpm/cache --global
WORKDIR /shop

# --- Every workspace manifest: the installs below are cached until one changes --
FROM pnpm AS manifests
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
# Changes to published packages, applied by every install (patches/README.md).
COPY patches patches
# A new app or package adds its line here (`pnpm lint` fails when one is
# missing, as the frozen install would).
COPY apps/admin/package.json apps/admin/
COPY apps/gateway/package.json apps/gateway/
COPY apps/inventory/package.json apps/inventory/
COPY apps/orders/package.json apps/orders/
COPY apps/payments/package.json apps/payments/
COPY apps/web/package.json apps/web/
COPY packages/codegen/package.json packages/codegen/
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
COPY packages/staff/package.json packages/staff/
COPY packages/ui/package.json packages/ui/

# --- Prisma's client, generated with the prisma CLI (a dev tool of @shop/db) ------
# Install scripts are skipped here and below: the only one a build needs,
# Prisma's client generation, is this stage.
FROM manifests AS prisma-client
# pnpm's cache (/pnpm/cache) matters as much as its store: an install that
# downloads anything first checks the whole lockfile against pnpm's
# supply-chain policies, with the registry's full metadata of every entry
# (~240 MB); cached, only a build's first such install fetches it.
RUN --mount=type=cache,id=shop-pnpm-store,target=/pnpm/store \
    --mount=type=cache,id=shop-pnpm-cache,target=/pnpm/cache \
    --mount=type=secret,id=npm-ca \
    if [ -f /run/secrets/npm-ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm-ca; fi; \
    pnpm install --frozen-lockfile --ignore-scripts --filter @shop/db
COPY tsconfig.base.json ./
COPY prisma prisma
COPY packages/db packages/db
RUN node packages/db/src/cli/generate.ts

# --- Both SPAs' dependencies, dev tools included: one install for both images ---
# (a new SPA adds its filter here; `pnpm lint` fails when one is missing).
FROM manifests AS spa-deps
RUN --mount=type=cache,id=shop-pnpm-store,target=/pnpm/store \
    --mount=type=cache,id=shop-pnpm-cache,target=/pnpm/cache \
    --mount=type=secret,id=npm-ca \
    if [ -f /run/secrets/npm-ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm-ca; fi; \
    pnpm install --frozen-lockfile --ignore-scripts --filter "{apps/web}..." --filter "{apps/admin}..."
COPY . .

# --- A SPA's static files ---------------------------------------------------------
FROM spa-deps AS spa-build
ARG APP
RUN test -n "${APP}" || { echo "build with --build-arg APP=web|admin" >&2; exit 1; }
# Where the browser finds the gateway; baked in at build time, as Vite does.
ARG VITE_GATEWAY_URL=http://localhost:4000/graphql
ENV VITE_GATEWAY_URL=${VITE_GATEWAY_URL}
RUN pnpm --filter "{apps/${APP}}" codegen && pnpm --filter "{apps/${APP}}" build

# --- A SPA: docker build --build-arg APP=<web|admin> --target spa ----------------
# nginx as an unprivileged user on :8080 (docker/spa.nginx.conf).
FROM ${NGINX_IMAGE} AS spa
ARG APP
COPY docker/spa.nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=spa-build /shop/apps/${APP}/dist /usr/share/nginx/html
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
    CMD wget -q --spider http://127.0.0.1:8080/ || exit 1

# --- One service's production dependencies ---------------------------------------
# The workspace layout stays (packages linked, not copied into node_modules):
# Node strips types from the workspace's .ts files, never from files under
# node_modules, which is where `pnpm deploy` would put them.
FROM manifests AS prod-deps
ARG APP
RUN test -n "${APP}" || { echo "build with --build-arg APP=inventory|orders|payments|gateway" >&2; exit 1; }
# Prisma's client ships a query compiler for each database it supports, each
# built for speed and for size (66 MB of its 71); the generated client loads
# the PostgreSQL one built for size only (prisma/schema.prisma says why).
RUN --mount=type=cache,id=shop-pnpm-store,target=/pnpm/store \
    --mount=type=cache,id=shop-pnpm-cache,target=/pnpm/cache \
    --mount=type=secret,id=npm-ca \
    if [ -f /run/secrets/npm-ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm-ca; fi; \
    pnpm install --frozen-lockfile --prod --ignore-scripts --filter "{apps/${APP}}..." \
 && find node_modules/.pnpm -path '*/@prisma/client/runtime/query_compiler_*' ! -name 'query_compiler_small_bg.postgresql.*' -delete

# --- A Node service: docker build --build-arg APP=<service> --target service ----
# What every service image holds comes first, so that the four images share
# those layers; the service's own dependencies and name come last.
FROM ${NODE_IMAGE} AS service
# Root owns the code; the service runs as `node` and writes only to /tmp
# (SHOP_DATA_DIR: where the one-shot migrate job notes the database URL).
ENV NODE_ENV=production SHOP_DATA_DIR=/tmp/shop-data
WORKDIR /shop
COPY prisma prisma
COPY packages packages
COPY apps apps
COPY docker/healthcheck.ts docker/warm-compile-cache.ts docker/
# Prisma's generated client (made with the prisma CLI, a dev tool).
COPY --from=prisma-client /shop/packages/db/src/generated packages/db/src/generated
ARG APP
ENV APP=${APP}
COPY --from=prod-deps /shop /shop
RUN test -f "apps/${APP}/src/main.ts" || { echo "apps/${APP}/src/main.ts not found: APP must name a service" >&2; exit 1; } \
 && ln -s "apps/${APP}/src/main.ts" main.ts
# Node's compile cache, filled here with the service's and the health check's
# modules, their types stripped and compiled: a service that finds its modules
# there never loads Node's type stripper (15-24 MiB per process; see
# docker/warm-compile-cache.ts). Node keys the cache by user and V8 flags, so it
# is filled as `node` with the CMD's flags (change both lines together;
# `pnpm test:containers` checks that the service's modules are found in it),
# then handed to root like the code, readable by all (Node writes it 0600).
ENV NODE_COMPILE_CACHE=/shop/.compile-cache
RUN install -d -o node -g node "${NODE_COMPILE_CACHE}"
USER node
RUN node --max-semi-space-size=16 --heap-growing-percent=100 docker/warm-compile-cache.ts main.ts
USER root
RUN chown -R root:root "${NODE_COMPILE_CACHE}" && chmod -R a+rX "${NODE_COMPILE_CACHE}"
USER node
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 CMD node docker/healthcheck.ts
# V8's heap sized for a service, not for the host: left alone, on a large host
# V8 lets the young generation grow to 32 MiB per semi-space and the old one
# to ~4x what is live before it collects, and a service's resident memory
# under load doubled (Orders 189 -> 475 MiB, the gateway 186 -> 471). With
# these two flags their peaks were 250-259 and 252-368 MiB, CPU per request
# within run-to-run variation (`pnpm bench` and `pnpm start` run the services
# with this line's flags; bench/results.md).
# A growing factor of 50% saved ~40 MiB more but cost the gateway 12-17% CPU.
CMD ["node", "--max-semi-space-size=16", "--heap-growing-percent=100", "main.ts"]
