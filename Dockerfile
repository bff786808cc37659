# syntax=docker/dockerfile:1
# Multi-stage build: dependencies, then the admin build, then a slim runtime image.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    KAIJI_PUBLIC_PORT=3001 \
    KAIJI_LOG_FORMAT=json \
    KAIJI_DATA_DIR=/app/data
COPY --from=build /app /app
RUN npm prune --omit=dev && mkdir -p /app/data && chown -R node:node /app/data
USER node
EXPOSE 3000 3001
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/readyz').then(r => process.exit(r.ok ? 0 : 1)).catch(() => process.exit(1))"
CMD ["npm", "start"]
