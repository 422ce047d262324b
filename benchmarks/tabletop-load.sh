#!/usr/bin/env bash
# Measures the game WebSockets of the release build (scripts/build-release) on a real on-disk data folder
# (SQLite, durable commits): idle memory, then 1 game x 50 players at 500 commands/s and 20 games x 8 players
# at RATE commands/s, each for SECONDS, with `sessionzero-load`. Prints one JSON line per scenario.
# Usage: benchmarks/tabletop-load.sh [RATE] [SECONDS]   (defaults 20000 and 20)
#        SERVER=path/to/an/older/sessionzero benchmarks/tabletop-load.sh ...   (measures that build with today's
#        load generator, for before/after ratios run side by side)
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-20000}
seconds=${2:-20}
port=${PORT:-18321}
data=$(mktemp -d)  # on disk here (not tmpfs): commits are fsynced

server_binary=${SERVER:-$(scripts/build-release)}
swift build -c release --product sessionzero-load >/dev/null
bin=$(swift build -c release --show-bin-path)

# The per-player limit must let 8 players of a game send RATE/160 commands per second each.
"$server_binary" serve --data "$data" --port "$port" --localhost --quiet --command-rate 1000000 \
    >"$data/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"' EXIT

for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break
    sleep 0.1
done
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$data/server.log"; exit 1; }
sleep 1
echo "{\"idle_server_rss_mib\":$(awk '/^VmRSS:/ { printf "%.2f", $2 / 1024 }' "/proc/$server/status"),\"load_average\":\"$(cut -d' ' -f1-3 /proc/loadavg)\"}"

"$bin/sessionzero-load" --url "http://127.0.0.1:$port" --server-pid "$server" \
    --games 1 --players 50 --rate 500 --seconds "$seconds"
"$bin/sessionzero-load" --url "http://127.0.0.1:$port" --server-pid "$server" \
    --games 20 --players 8 --rate "$rate" --seconds "$seconds"
