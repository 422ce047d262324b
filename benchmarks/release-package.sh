#!/usr/bin/env bash
# Builds one of the small benchmark packages under benchmarks/ in release mode against a checkout of this
# repository and runs it. Usage: benchmarks/release-package.sh NAME   (SZ_REPO names another checkout to measure)
set -euo pipefail
cd "$(dirname "$0")/$1"
export SZ_REPO=${SZ_REPO:-$(cd ../.. && pwd)}
scratch=".build-$(echo "$SZ_REPO" | cksum | cut -d' ' -f1)"  # one build folder per checkout measured
mkdir -p "$scratch"
swift build -c release --scratch-path "$scratch" >"$scratch/build.log" 2>&1 || { cat "$scratch/build.log"; exit 1; }
"$(swift build -c release --scratch-path "$scratch" --show-bin-path)/$1"
