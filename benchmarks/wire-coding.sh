#!/usr/bin/env bash
# Time to decode a client frame (a move, a roll) and to encode a move's event; release build, one JSON line each.
# Usage: benchmarks/wire-coding.sh                  (this checkout)
#        SZ_REPO=/path/to/other/checkout benchmarks/wire-coding.sh   (another one, for before/after ratios)
exec "$(dirname "$0")/release-package.sh" wire-coding
