#!/usr/bin/env bash
# Scaling-out benchmark (not a test): 8 work orders of a `command` agent that sleeps BENCH_SLEEP seconds (default 20),
# loop.maxConcurrent 4, on a local forge. Runs it twice: executor.kind local (ticks every second dispatch and collect
# detached `autoship work` processes) and inline (the agents run one after another inside the tick). Prints the wall
# time of each as a ratio of one agent run, the longest tick, and the PR count (8 = nothing done twice or missed).
# Usage: scripts/bench-executor.sh        (BENCH_SLEEP=5 for a quicker run; BENCH_BUILD=0 to skip the build)
set -euo pipefail
cd "$(dirname "$0")/.."
sleep_s="${BENCH_SLEEP:-20}"
if [[ "${BENCH_BUILD:-1}" == 1 ]]; then dotnet build src/Autoship.Cli -c Debug -v q -nologo >/dev/null; fi
cli=(dotnet exec "$PWD/src/Autoship.Cli/bin/Debug/net10.0/autoship.dll")
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

run() { # $1 = executor kind; prints "wall max_tick prs ticks"
  local kind="$1" forge="$work/forge-$1" cfg="$work/autoship-$1.yml"
  config "$kind" > "$cfg"
  "${cli[@]}" local init "$forge" --sample >/dev/null
  for a in a b c d e f g h; do
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
print(f"tick {sys.argv[2]}: {float(sys.argv[3]):.2f} s wall, {d['seconds']:.2f} s inside: {acts}")
PY
    fi
    ticks=$((ticks + 1))
    max=$(python3 -c "print(max($max, $t))")
    prs=$("${cli[@]}" local pr list --forge "$forge" --state all --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["pullRequests"]))')
    if (( prs >= 8 )); then break; fi
    [[ "$kind" == inline ]] || sleep 1
  done
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.1f} {$max:.2f} $prs $ticks')"
}

read -r lw lmax lprs lticks < <(run local)
if [[ "${BENCH_INLINE:-1}" == 1 ]]; then read -r iw imax iprs iticks < <(run inline); else iw=1 imax=0 iprs=0 iticks=0; fi
python3 - "$sleep_s" "$lw" "$lmax" "$lprs" "$lticks" "$iw" "$imax" "$iprs" "$iticks" <<'PY'
import sys
s, lw, lmax, lprs, lt, iw, imax, iprs, it = sys.argv[1:]
s, lw, lmax, iw, imax = float(s), float(lw), float(lmax), float(iw), float(imax)
print(f"one agent run: {s:.0f} s; 8 work orders, loop.maxConcurrent 4")
print("| executor | wall | wall / one run | longest tick | ticks | PRs opened |")
print("|---|---|---|---|---|---|")
print(f"| local | {lw:.1f} s | {lw/s:.2f} | {lmax:.2f} s | {lt} | {lprs} |")
print(f"| inline | {iw:.1f} s | {iw/s:.2f} | {imax:.2f} s | {it} | {iprs} |")
print(f"local is {iw/lw:.2f}x faster than inline")
PY
