#!/usr/bin/env bash
# Scaling-out benchmark (not a test): 8 work orders of a `command` agent that sleeps BENCH_SLEEP seconds (default 20),
# loop.maxConcurrent 4, on a local forge. Runs: ONE work order on executor.kind local (the baseline "one run": the agent
# plus the ticks that dispatch and collect it), then 8 on local (ticks every second dispatch and collect detached
# `autoship work` processes; agent reviews are jobs too, the built-in reviewer here reviews in the tick), then 8 inline (agents one after another inside the tick). Prints the
# wall time of each as a ratio of the one run, the longest tick (process wall time, start-up included), and the PR count
# (8 = nothing done twice or missed).
# Usage: scripts/bench-executor.sh   (BENCH_SLEEP=5 for a quicker run; BENCH_BUILD=0 skips the build; BENCH_INLINE=0
#        skips the inline run; BENCH_TRACE=1 prints each tick's wall time and actions on stderr; BENCH_CONFIG=Debug
#        measures a Debug build instead of the Release build users run)
set -euo pipefail
cd "$(dirname "$0")/.."
sleep_s="${BENCH_SLEEP:-20}"
build="${BENCH_CONFIG:-Release}"
if [[ "${BENCH_BUILD:-1}" == 1 ]]; then dotnet build src/Autoship.Cli -c "$build" -v q -nologo >/dev/null; fi
cli=(dotnet exec "$PWD/src/Autoship.Cli/bin/$build/net10.0/autoship.dll")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
cat > "$work/bin/sleep-agent" <<AGENT
#!/usr/bin/env bash
# Writes one line into its own area's folder after sleeping like a slow coding agent.
area=\$(grep -o 'bench-[a-h]' "\$1" | head -1)
sleep $sleep_s
mkdir -p "bench/\${area#bench-}"
echo "done by the bench agent" >> "bench/\${area#bench-}/notes.md"
AGENT
chmod +x "$work/bin/sleep-agent"
export PATH="$work/bin:$PATH"

config() { # $1 = executor kind
  cat <<YAML
version: 1
areas:
$(for a in a b c d e f g h; do echo "  bench-$a: { lane: safe, paths: [\"bench/$a/**\"] }"; done)
agents:
  - name: bench-author
    areas: [bench-a, bench-b, bench-c, bench-d, bench-e, bench-f, bench-g, bench-h]
    reviewer: bench-reviewer
    runner: { preset: command, command: [sleep-agent, "{prompt_file}"] }
    timeout: 30m
    maxConcurrent: 4
  - name: bench-reviewer
    areas: []
    reviewer: bench-author
loop: { maxConcurrent: 4 }
executor: { kind: $1 }
YAML
}

run() { # $1 = executor kind, $2 = work orders (1..8); prints "wall max_tick prs ticks"
  local kind="$1" count="$2" forge="$work/forge-$1-$2" cfg="$work/autoship-$1-$2.yml"
  config "$kind" > "$cfg"
  "${cli[@]}" local init "$forge" --sample >/dev/null
  for a in $(echo a b c d e f g h | cut -d' ' -f1-"$count"); do
    "${cli[@]}" local issue create --forge "$forge" --title "Bench $a: note for bench-$a" --body "Add a note to bench/$a (bench-$a)." \
      --label autonomy:ready --label area:bench-$a --label risk:low >/dev/null
  done
  local start end max=0 ticks=0 prs=0
  start=$(date +%s.%N)
  while (( ticks < 400 )); do
    local t t0
    t0=$(date +%s.%N)
    "${cli[@]}" tick --forge "local:$forge" --config "$cfg" --json > "$work/tick.json"
    t=$(python3 -c "print($(date +%s.%N) - $t0)")
    if [[ -n "${BENCH_TRACE:-}" ]]; then
      python3 - "$work/tick.json" "$ticks" "$t" >&2 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
acts = "; ".join(a["kind"] + " #" + str(a["issue"]) for a in d["actions"])
print(f"tick {sys.argv[2]}: {float(sys.argv[3]):.2f} s wall, {d['durationSeconds']:.2f} s inside: {acts}")
PY
    fi
    ticks=$((ticks + 1))
    max=$(python3 -c "print(max($max, $t))")
    prs=$("${cli[@]}" local pr list --forge "$forge" --state all --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["pullRequests"]))')
    if (( prs >= count )); then break; fi
    [[ "$kind" == inline ]] || sleep 1
  done
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.1f} {$max:.2f} $prs $ticks')"
}

# One work order on the local executor first: the baseline "one run" (the agent plus the ticks that dispatch and
# collect it, on this machine under its present load).
read -r ow omax oprs oticks < <(run local 1)
read -r lw lmax lprs lticks < <(run local 8)
if [[ "${BENCH_INLINE:-1}" == 1 ]]; then read -r iw imax iprs iticks < <(run inline 8); else iw=0 imax=0 iprs=0 iticks=0; fi
python3 - "$sleep_s" "$ow" "$omax" "$oprs" "$oticks" "$lw" "$lmax" "$lprs" "$lticks" "$iw" "$imax" "$iprs" "$iticks" <<'PY'
import sys
s, ow, omax, oprs, ot, lw, lmax, lprs, lt, iw, imax, iprs, it = sys.argv[1:]
s, ow, omax, lw, lmax, iw, imax = float(s), float(ow), float(omax), float(lw), float(lmax), float(iw), float(imax)
print(f"agent sleep: {s:.0f} s; one run on the local executor (1 work order, dispatch to PR): {ow:.1f} s; loop.maxConcurrent 4")
print("| executor | work orders | wall | wall / one run | longest tick | ticks | PRs opened |")
print("|---|---|---|---|---|---|---|")
print(f"| local | 1 | {ow:.1f} s | 1.00 | {omax:.2f} s | {ot} | {oprs} |")
print(f"| local | 8 | {lw:.1f} s | {lw/ow:.2f} | {lmax:.2f} s | {lt} | {lprs} |")
if iw > 0:
    print(f"| inline | 8 | {iw:.1f} s | {iw/ow:.2f} | {imax:.2f} s | {it} | {iprs} |")
    print(f"local is {iw/lw:.2f}x faster than inline")
PY
