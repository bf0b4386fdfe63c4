#!/usr/bin/env bash
# Many repositories, several replicas (issue 13 item 4), full size: N real `autoship serve` replicas over M local
# forges on one loopback PostgreSQL. Every repository ticks (`--every 2s`); one replica is killed with SIGKILL and its
# repositories must tick again on the others; at the end every forge must show each issue with exactly one PR, one
# state comment and one merge. `dotnet test` runs the bounded form (3 × 6); this runs 3 × 20 by default.
# Usage: scripts/bench-replicas.sh [forges (default 20)] [replicas (default 3)] [issues per forge (default 1)]
# Prints one figure line (spread time, tick gaps, takeover time vs the lease TTL, double actions) for README "Scaling out".
set -euo pipefail
cd "$(dirname "$0")/.."
config="${CONFIG:-Release}"
report="$(mktemp)"
trap 'rm -f "$report"' EXIT

if [ -z "${AUTOSHIP_TEST_POSTGRES:-}" ]; then
  AUTOSHIP_TEST_POSTGRES="$(bash scripts/test-postgres.sh)"
  export AUTOSHIP_TEST_POSTGRES
fi

dotnet build tests/Autoship.Cli.Tests -c "$config" -nologo -v quiet
AUTOSHIP_RELIABILITY_REPORT="$report" AUTOSHIP_REPLICAS_FORGES="${1:-20}" AUTOSHIP_REPLICAS="${2:-3}" AUTOSHIP_REPLICAS_ISSUES="${3:-1}" \
  AUTOSHIP_REPLICAS_PATIENCE_SECONDS="${AUTOSHIP_REPLICAS_PATIENCE_SECONDS:-900}" \
  dotnet test tests/Autoship.Cli.Tests -c "$config" --no-build --filter "FullyQualifiedName~ReplicaTests" || status=$?
echo
echo "== replica figures =="
cat "$report"
exit "${status:-0}"
