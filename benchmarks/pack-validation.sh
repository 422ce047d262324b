#!/usr/bin/env bash
# Generates a large pack (100,000 entries by default), then with the release build (scripts/build-release):
# validates it as a folder and as a .szp, builds and extracts it; and validates the same files with Python's
# jsonschema (schemas only, the same path-to-schema mapping). Prints wall time and peak memory of each step.
# Usage: benchmarks/pack-validation.sh [ENTRIES]
set -euo pipefail
cd "$(dirname "$0")/.."
entries=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bin=$(scripts/build-release)
[[ -x .venv/bin/python ]] || { echo "needs the test venv: run scripts/test once (it creates .venv)"; exit 2; }
python3 benchmarks/generate_pack.py "$work/pack" "$entries"
size=$(find "$work/pack" -name '*.json' -exec cat {} + | wc -c)
echo "pack: $entries entries, $(find "$work/pack" -name '*.json' | wc -l) JSON files, $size bytes of JSON"

source benchmarks/measure.sh

measure "validate (folder)" "$bin" pack validate "$work/pack"
measure "build" "$bin" pack build "$work/pack" -o "$work/pack.szp"
echo "archive: $(stat -c %s "$work/pack.szp") bytes"
measure "validate (.szp)" "$bin" pack validate "$work/pack.szp"
measure "extract" "$bin" pack extract "$work/pack.szp" "$work/extracted"
diff -r "$work/pack" "$work/extracted" >/dev/null && echo "extracted files are identical to the pack folder"
measure "python-jsonschema" .venv/bin/python scripts/check-schemas-python.py --pack "$work/pack"
printf 'speed-up of validation (folder) over Python: %.1f x\n' "$(speedup python-jsonschema "validate (folder)")"
