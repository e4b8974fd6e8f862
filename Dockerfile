# One image recipe for every Node service: `docker build --build-arg APP=inventory .`
# Services run their TypeScript with tsx (no build step), as `pnpm start` does.
ARG NODE_VERSION=20.20

FROM node:${NODE_VERSION}-slim AS deps
RUN npm install -g pnpm@12.21.0
WORKDIR /shop
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
COPY apps/inventory/package.json apps/inventory/
COPY packages/contracts/package.json packages/contracts/
COPY packages/db/package.json packages/db/
COPY packages/service/package.json packages/service/
RUN pnpm install --frozen-lockfile --ignore-scripts

FROM deps AS app
COPY . .
RUN pnpm --filter @shop/db generate

FROM node:${NODE_VERSION}-slim
ARG APP
ENV NODE_ENV=production APP=${APP}
WORKDIR /shop
COPY --from=app --chown=node:node /shop /shop
USER node
CMD ["sh", "-c", "exec node --import tsx apps/${APP}/src/main.ts"]
