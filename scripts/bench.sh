#!/usr/bin/env bash
# Benchmarks one tick's planning (Planner.Plan) over a synthetic repository: 1,000 ready issues and 200 open PRs,
# and an idle one. A short BenchmarkDotNet job (a few iterations): enough for a mean and the allocated bytes.
# Usage: scripts/bench.sh [extra BenchmarkDotNet arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
artifacts="${BENCH_ARTIFACTS:-$(mktemp -d)}"
dotnet run -c Release --project tests/Autoship.Benchmarks -- \
  --filter '*PlannerBenchmarks*' --job short --artifacts "$artifacts" "$@"
echo
cat "$artifacts"/results/*PlannerBenchmarks-report-github.md
