# syntax=docker/dockerfile:1
# The platform as one image: the API (Fastify, run from TypeScript source with tsx) serving the built web app.
# Used by docker-compose.yml with PostgreSQL and Meilisearch; on its own it runs the embedded database.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- base: Node and the pinned pnpm ----------------------------------------------------------
FROM ${NODE_IMAGE} AS base
ENV PNPM_HOME=/pnpm \
    PATH=/pnpm:$PATH \
    CI=true
RUN npm install --global --no-fund --no-audit pnpm@10.34.9 \
 && npm cache clean --force
WORKDIR /app

# ---- build: every dependency, then the web app -------------------------------------------------
FROM base AS build
# Manifests first, so the dependency layer is reused until they change.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/shared/package.json packages/shared/
COPY e2e/package.json e2e/
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --store-dir /pnpm/store
COPY . .
RUN pnpm --filter @coop/web build

# ---- runtime: the API's production dependencies, its source, and the built web app ------------
FROM base AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/shared/package.json packages/shared/
COPY e2e/package.json e2e/
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --prod --store-dir /pnpm/store --filter "@coop/api..."
# Sources from the build context (.dockerignore keeps node_modules out, so the install above stays).
COPY packages/shared packages/shared/
COPY apps/api apps/api/
COPY --from=build /app/apps/web/dist apps/web/dist/
# Uploaded files live under DATA_DIR (and the embedded database, when no DATABASE_URL is given).
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["pnpm", "--filter", "@coop/api", "start"]
