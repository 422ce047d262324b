#!/usr/bin/env bash
# Validates a large generated dataset with `sessionzero schema validate` (scripts/build-release) and with
# Python's jsonschema on the same files, and prints wall time and peak memory of each.
# Usage: benchmarks/schema-validation.sh [ENTRIES]   (default 75000, about 29 MB of JSON)
set -euo pipefail
cd "$(dirname "$0")/.."
entries=${1:-75000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bin=$(scripts/build-release)
python3 -c 'import jsonschema' 2>/dev/null || { echo "needs Python jsonschema (pip install jsonschema==4.26.0)"; exit 2; }
python3 benchmarks/generate_dataset.py "$work" "$entries"
size=$(stat -c %s "$work/dataset.json")
echo "document: $entries entries, $size bytes"

source benchmarks/measure.sh

measure sessionzero "$bin" schema validate --schema "$work/dataset.schema.json" "$work/dataset.json"
measure python-jsonschema python3 benchmarks/validate_python.py "$work/dataset.schema.json" "$work/dataset.json"
printf 'speed-up: %.1f x\n' "$(speedup python-jsonschema sessionzero)"
