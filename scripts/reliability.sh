#!/usr/bin/env bash
# The long form of the reliability campaign (CI runs the bounded form inside `dotnet test`):
#   - kill campaign: real `autoship tick` processes killed with SIGKILL right after each kind of forge write
#     (AUTOSHIP_CRASH_AFTER=KIND[:N]) and at RANDOM moments, then repair ticks; invariants read on the forge itself.
#   - concurrency campaign: 2 and 4 orchestrators at once, shared and separate stores, SQLite and PostgreSQL.
# Usage: scripts/reliability.sh [random-kill-trials (default 100)] [concurrency-runs per case (default 20)]
# Prints one figure line per campaign/case (trials, violations, recovery) — the README's "Reliability" figures.
# AUTOSHIP_RELIABILITY_OUT=FILE keeps the figures in FILE (and one line per trial/run in FILE.progress, to follow it);
# AUTOSHIP_RELIABILITY_PARALLEL=1 runs the two campaigns at the same time.
set -euo pipefail
cd "$(dirname "$0")/.."
random_trials="${1:-100}"
runs="${2:-20}"
if [ -n "${AUTOSHIP_RELIABILITY_OUT:-}" ]; then
  report="$AUTOSHIP_RELIABILITY_OUT"
  : >"$report"
  : >"$report.progress"
else
  report="$(mktemp)"
  trap 'rm -f "$report" "$report.progress"' EXIT
fi

if [ -z "${AUTOSHIP_TEST_POSTGRES:-}" ]; then
  if url="$(bash scripts/test-postgres.sh 2>/dev/null)"; then
    export AUTOSHIP_TEST_POSTGRES="$url"
  else
    echo "reliability: no PostgreSQL (scripts/test-postgres.sh failed); the PostgreSQL cases are skipped" >&2
  fi
fi

dotnet build tests/Autoship.Cli.Tests -c Release -nologo -v quiet
export AUTOSHIP_RELIABILITY_REPORT="$report"
kill_campaign() {
  AUTOSHIP_RELIABILITY_RANDOM="$random_trials" AUTOSHIP_RELIABILITY_SEED="${AUTOSHIP_RELIABILITY_SEED:-$RANDOM}" \
    dotnet test tests/Autoship.Cli.Tests -c Release --no-build --filter "FullyQualifiedName~KillCampaignTests"
}
concurrency_campaign() {
  AUTOSHIP_CONCURRENCY_RUNS="$runs" \
    dotnet test tests/Autoship.Cli.Tests -c Release --no-build --filter "FullyQualifiedName~ConcurrencyCampaignTests"
}
if [ "${AUTOSHIP_RELIABILITY_PARALLEL:-0}" = 1 ]; then
  kill_campaign & kill_pid=$!
  concurrency_campaign || status=$?
  wait "$kill_pid" || status=$?
else
  kill_campaign || status=$?
  concurrency_campaign || status=$?
fi
echo
echo "== reliability figures =="
cat "$report"
exit "${status:-0}"
