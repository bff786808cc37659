# syntax=docker/dockerfile:1
# Three stages: the build (every dependency, the sources); the production dependencies alone; and the
# runtime image, which holds only what the running server reads: production node_modules, the built
# server and CLIs (dist/, the migrations compiled in), the Next build (.next), next.config.mjs, and the
# seed source text. No sources, tests or dev dependencies. scripts/check-runtime-image.mjs rebuilds
# this final stage's file set without Docker and starts it; keep the two in step.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build
# Build leftovers the server never reads; source maps would carry the source text into the image.
RUN rm -rf .next/cache .next/types && find .next dist -name '*.map' -delete

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
# tini as PID 1: forwards SIGTERM to node (which shuts down cleanly) and reaps the public site's process.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    KAIJI_PUBLIC_PORT=3001 \
    KAIJI_LOG_FORMAT=json \
    KAIJI_DATA_DIR=/app/data
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/next.config.mjs ./
COPY --from=build /app/dist ./dist
COPY --from=build /app/.next ./.next
COPY --from=build /app/seed/source ./seed/source
# The application files stay root's and read-only to the server; only the data volume is its own.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3000 3001
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/readyz').then(r => process.exit(r.ok ? 0 : 1)).catch(() => process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
# The built server, run by node itself (no npm, no TypeScript loader, no rebuild check). On Node 24
# Lexical loads without the --conditions=production that Node 20 needs (see the README).
CMD ["node", "dist/server.mjs"]
