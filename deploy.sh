#!/usr/bin/env bash
# The one deploy entry of this repository (Rule 12): ./deploy.sh [ENV] [flags]
# Zero-touch: installs dependencies from the lockfile and builds the warden CLI when they are
# missing, then hands over to `warden deploy`. With no ENV it deploys the embedded default
# (deploy.default in warden.config.ts: the example service to the local target).
# Examples: ./deploy.sh · ./deploy.sh local --dry-run · ./deploy.sh staging --strategy canary
set -euo pipefail

usage() {
  echo "usage: ./deploy.sh [ENV] [--dry-run] [--strategy blue-green|rolling|canary] [--force-unlock] [--json]"
  echo "       (same as: pnpm run deploy -- [ENV] [flags]; see docs/deploy/README.md)"
}

# `pnpm run deploy -- ENV` passes the "--" through: drop it
if [[ "${1:-}" == "--" ]]; then
  shift
fi

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  usage
  echo
fi

cd "$(dirname "${BASH_SOURCE[0]}")"
PNPM_VERSION="10.34.9"

if ! command -v node >/dev/null 2>&1; then
  echo "deploy.sh: Node.js >= 20.19 is required (https://nodejs.org)" >&2
  exit 2
fi

if [[ ! -d node_modules/.pnpm ]]; then
  if ! command -v pnpm >/dev/null 2>&1; then
    echo "deploy.sh: installing pnpm@${PNPM_VERSION}" >&2
    npm install -g "pnpm@${PNPM_VERSION}" --no-fund --no-audit --loglevel=error >&2
  fi
  echo "deploy.sh: installing dependencies from pnpm-lock.yaml" >&2
  pnpm install --frozen-lockfile --reporter=append-only >&2
fi

if [[ ! -f packages/cli/dist/cli.js ]]; then
  echo "deploy.sh: building the warden CLI" >&2
  node packages/cli/scripts/build.mjs >&2
fi

exec node packages/cli/bin/warden.js deploy "$@"
