#!/usr/bin/env bash
# `make demo`: start the demo shop on 127.0.0.1, load test it with 2 local Locust workers for 30 s, print where the
# report is. The shop always stops: on exit (trap), and by itself when this script's pipe to it closes.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${DEMO_OUT:-demo-out}
RUN_TIME=${DEMO_RUN_TIME:-30s}
work=$(mktemp -d)
target_pid=""

cleanup() {
    if [ -n "$target_pid" ] && kill -0 "$target_pid" 2>/dev/null; then
        kill "$target_pid" 2>/dev/null || true
        wait "$target_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The shop reads its stdin from a pipe this script holds open: if the script dies, the shop sees EOF and stops.
mkfifo "$work/stdin"
java examples/target/DemoTarget.java --port 0 <"$work/stdin" >"$work/target.log" 2>&1 &
target_pid=$!
exec 3>"$work/stdin"

port=""
deadline=$((SECONDS + 60))
while [ -z "$port" ]; do
    port=$(sed -n 's|^DemoTarget listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$work/target.log")
    if [ -z "$port" ]; then
        if ! kill -0 "$target_pid" 2>/dev/null; then
            echo "demo: the demo shop did not start:" >&2
            cat "$work/target.log" >&2
            exit 2
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "demo: the demo shop printed no port within 60 s:" >&2
            cat "$work/target.log" >&2
            exit 2
        fi
        sleep 0.2
    fi
done
echo "demo: shop listening on http://127.0.0.1:$port"

status=0
bin/loadtest run examples/locustfile.py \
    --users 20 --slaves 2 --run-time "$RUN_TIME" \
    --host "http://127.0.0.1:$port" \
    --threshold 'p95 < 500ms' --threshold 'fail_ratio < 10%' \
    --out "$OUT" || status=$?

echo "demo: the shop itself counted: $(curl -s "http://127.0.0.1:$port/stats" || echo unavailable)"
if [ -f "$OUT/report.html" ]; then
    echo "demo: report at $(cd "$OUT" && pwd)/report.html (result.json and junit.xml next to it)"
fi
exit "$status"
