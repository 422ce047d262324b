#!/usr/bin/env bash
# Time per token move as a scene grows (8 to 2,000 tokens), release build, one JSON line per size.
# Usage: benchmarks/token-moves.sh                  (this checkout)
#        SZ_REPO=/path/to/other/checkout benchmarks/token-moves.sh   (another one, for before/after ratios)
exec "$(dirname "$0")/release-package.sh" token-moves
