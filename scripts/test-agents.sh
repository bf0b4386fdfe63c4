#!/usr/bin/env bash
# Installs the real coding-agent CLIs the agent tests drive against the loopback fake model
# (tests/Autoship.Agents.Tests/FakeModel) into tests/.agents/node_modules (git-ignored), pinned.
# Skips what is already there at the pinned version. Prints the bin directory on success.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/tests/.agents"
declare -A want=(
  ["@anthropic-ai/claude-code"]="2.1.328"
  ["@openai/codex"]="0.169.0"
  ["opencode-ai"]="1.18.33"
  ["@google/gemini-cli"]="0.61.0"
  ["@qwen-code/qwen-code"]="0.24.4"
)
missing=()
for name in "${!want[@]}"; do
  pkg="$dir/node_modules/$name/package.json"
  if [[ ! -f "$pkg" ]] || ! grep -q "\"version\": *\"${want[$name]}\"" "$pkg"; then
    missing+=("$name@${want[$name]}")
  fi
done
if [[ ${#missing[@]} -gt 0 ]]; then
  mkdir -p "$dir"
  [[ -f "$dir/package.json" ]] || echo '{ "private": true, "name": "autoship-test-agents" }' > "$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --save-exact "${missing[@]}" >&2 \
    || echo "could not install ${missing[*]}: the real-CLI agent tests will be skipped and say why" >&2
fi
echo "$dir/node_modules/.bin"
