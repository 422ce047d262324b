#!/usr/bin/env bash
# Time to decode a client frame (a token move, a dice roll), release build, one JSON line per frame.
# Usage: benchmarks/frame-decoding.sh                  (this checkout)
#        SZ_REPO=/path/to/other/checkout benchmarks/frame-decoding.sh   (another one, for before/after ratios)
exec "$(dirname "$0")/release-package.sh" frame-decoding
