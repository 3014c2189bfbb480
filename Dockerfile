# syntax=docker/dockerfile:1
#
# Bellhop: one image, two roles (docker-compose.yml runs both).
#   api  node --import tsx server/src/main.ts  applies migrations, then serves GraphQL + the Socket.io relay on 3001
#   web  node --import tsx scripts/serve-web.ts  serves the built React app on 3000 and forwards /graphql and /socket.io to the api
# A relay-only process (for scaling out): node --import tsx server/src/relay-main.ts
# Every setting is an environment variable; see the operator guide in docs/operations.md.

ARG NODE_IMAGE=node:26-bookworm-slim

# 1. Dependencies from the lockfile alone, so this layer is cached until it changes.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
COPY package.json package-lock.json ./
COPY contract/package.json contract/package.json
COPY db/package.json db/package.json
COPY server/package.json server/package.json
COPY web/package.json web/package.json
RUN npm ci

# 2. The web bundle (Vite). It imports the socket event contract (contract/).
FROM deps AS web-build
COPY tsconfig.base.json ./
COPY contract contract
COPY web web
RUN npm run build -w web

# 3. What runs. TypeScript is executed by tsx (no separate compile step), so
#    the runtime keeps the full dependency tree, dev tools included.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    npm_config_update_notifier=false
WORKDIR /app
# Root and per-workspace node_modules (npm may nest some under a workspace).
COPY --from=deps /app ./
COPY .gmrc tsconfig.base.json tsconfig.json ./
COPY migrations migrations
COPY contract contract
COPY db db
COPY server server
COPY scripts scripts
COPY web/package.json web/host.ts web/buildIfStale.ts web/proxiedPaths.ts web/securityHeaders.ts web/tsconfig.json web/
COPY web/src/config web/src/config
COPY --from=web-build /app/web/dist web/dist
# web/host.ts rebuilds when a source looks newer than the bundle; it never should here.
RUN touch web/dist/index.html
USER node
EXPOSE 3000 3001
CMD ["node", "--import", "tsx", "server/src/main.ts"]
