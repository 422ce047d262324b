#!/usr/bin/env bash
# Time per token move as a scene grows (8 to 2,000 tokens), release build, one JSON line per size.
# Usage: benchmarks/token-moves.sh                  (this checkout)
#        SZ_REPO=/path/to/other/checkout benchmarks/token-moves.sh   (another one, for before/after ratios)
set -euo pipefail
cd "$(dirname "$0")/token-moves"
export SZ_REPO=${SZ_REPO:-$(cd ../.. && pwd)}
scratch=".build-$(echo "$SZ_REPO" | cksum | cut -d' ' -f1)"  # one build folder per checkout measured
mkdir -p "$scratch"
swift build -c release --scratch-path "$scratch" >"$scratch/build.log" 2>&1 || { cat "$scratch/build.log"; exit 1; }
"$(swift build -c release --scratch-path "$scratch" --show-bin-path)/token-moves"
