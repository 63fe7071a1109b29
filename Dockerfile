# The Local SEND Reform Plan assistant in a container.
#
#   docker build -t send-plan-assistant .
#   docker run --env-file .env -p 3978:3978 send-plan-assistant
#
# It runs in production: it needs the Microsoft app credentials and, to keep the plan, a database
# (DATABASE_URL=postgres://…, or SQLite on a volume at /app/data). See README: Docker.

# Node 22 LTS, as on App Service (infra/azure.bicep): Node 20 reached end of life in April 2026.

# Build: every package, then `npm run build`, which leaves in dist/ a folder that runs on its own
# (compiled code, card templates, prompts, migrations, package.json and package-lock.json).
FROM node:22-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build-dist.ts ./scripts/
COPY src ./src
COPY adaptive-cards ./adaptive-cards
COPY prompts ./prompts
COPY config ./config
RUN npm run build

# Run: dist/ alone with its production packages (better-sqlite3 and resvg come as prebuilt
# binaries for linux x64 glibc, so this slim image needs no build tools).
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
# The heap cap of src/node-options.ts: the bot stays under 200 MB.
ENV NODE_OPTIONS="--max-old-space-size=192 --max-semi-space-size=8"
WORKDIR /app
COPY --from=build /src/dist ./
RUN npm ci --omit=dev --no-audit --no-fund \
  && npm cache clean --force \
  && mkdir -p /app/data \
  && chown node:node /app/data
# The code belongs to root and cannot be changed by the bot; only /app/data (SQLite) is its own.
USER node
EXPOSE 3978
# No curl in the slim image: node asks /healthz, which answers 200 once the database answers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "src/index.js"]
