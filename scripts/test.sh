#!/usr/bin/env bash
# The one authoritative validation entrypoint (the seed's validation truth contract): installs any missing test
# prerequisite, runs the whole .NET test suite, and ends with one plain summary line:
#   tests: N passed, N failed[, N skipped]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '==> %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

# 1. Debian packages the tests use for real: git, python3 (the sample project), bubblewrap (agent sandbox),
#    chromium (dashboard browser test), jq (--jq), postgresql (the server store).
need=()
command -v git >/dev/null || need+=(git)
command -v python3 >/dev/null || need+=(python3)
command -v bwrap >/dev/null || need+=(bubblewrap)
command -v chromium >/dev/null || need+=(chromium)
command -v jq >/dev/null || need+=(jq)
[ -x /usr/lib/postgresql/15/bin/postgres ] || ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  log "installing Debian packages: ${need[*]}"
  as_root apt-get update -qq >/dev/null || true
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || log "could not install ${need[*]}: the tests that need them will fail and say why"
fi

# 2. npm test peers (recorded GitHub traffic, GitHub's OpenAPI description, webhook examples).
if [ -x scripts/test-prereqs.sh ]; then
  bash scripts/test-prereqs.sh
fi

# 2b. The real coding-agent CLIs (pinned, from npm) that the agent tests drive against a loopback fake model.
bash scripts/test-agents.sh >/dev/null || log "the real agent CLIs could not be installed: their tests are skipped and say why"

# 3. A throwaway PostgreSQL cluster on loopback for the server-store tests.
if [ -z "${AUTOSHIP_TEST_POSTGRES:-}" ]; then
  if url=$(bash scripts/test-postgres.sh 2>/dev/null); then
    export AUTOSHIP_TEST_POSTGRES="$url"
  else
    log "PostgreSQL could not be started: the PostgreSQL store tests will be skipped"
  fi
fi

# 4. The suite. Each test assembly prints "Passed!/Failed!  - Failed: N, Passed: N, Skipped: N, Total: N".
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log "building"
dotnet build Autoship.sln -c Release -nologo -v quiet
log "testing"
out=$(mktemp)
set +e
dotnet test Autoship.sln -c Release --no-build -nologo -v quiet --logger "console;verbosity=minimal" -- RunConfiguration.MaxCpuCount=1 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
set -e
read -r passed failed skipped < <(awk -F'[,:]' '/(Passed|Failed)! +-/ {
    for (i = 1; i <= NF; i++) { gsub(/ /, "", $i) }
    for (i = 1; i < NF; i++) {
      if ($i ~ /Failed$/) f += $(i + 1); if ($i == "Passed") p += $(i + 1); if ($i == "Skipped") s += $(i + 1)
    } } END { print p + 0, f + 0, s + 0 }' "$out")
rm -f "$out"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; log "dotnet test exited $status"; fi
line="tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
