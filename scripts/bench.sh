#!/usr/bin/env bash
# Benchmarks one tick's planning (Planner.Plan) over a synthetic repository: 1,000 ready issues and 200 open PRs,
# and an idle one. A short BenchmarkDotNet job (a few iterations): enough for a mean and the allocated bytes.
# In-process (--inProcess): no generated project to build, so BenchmarkDotNet's 120 s build limit cannot be hit on a
# loaded machine. Then the scaling table (100 / 1,000 / 10,000 items; compare its rows as ratios) and the time and
# allocations of each stage of a plan (--stages). For a profile: dotnet-trace collect -- dotnet ...Autoship.Benchmarks.dll --plan-loop
# Usage: scripts/bench.sh [extra BenchmarkDotNet arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
artifacts="${BENCH_ARTIFACTS:-$(mktemp -d)}"
dotnet build -c Release tests/Autoship.Benchmarks -v q -nologo
dotnet run -c Release --no-build --project tests/Autoship.Benchmarks -- \
  --filter '*PlannerBenchmarks*' --job short --inProcess --artifacts "$artifacts" "$@"
echo
cat "$artifacts"/results/*PlannerBenchmarks-report-github.md
echo
dotnet run -c Release --no-build --project tests/Autoship.Benchmarks -- --scaling
echo
dotnet run -c Release --no-build --project tests/Autoship.Benchmarks -- --stages
