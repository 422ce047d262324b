#!/usr/bin/env bash
# Validates a large generated dataset with `sessionzero schema validate` (release build) and with Python's
# jsonschema on the same files, and prints wall time and peak memory of each.
# Usage: benchmarks/schema-validation.sh [ENTRIES]   (default 75000, about 29 MB of JSON)
set -euo pipefail
cd "$(dirname "$0")/.."
entries=${1:-75000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product sessionzero >/dev/null
python3 -c 'import jsonschema' 2>/dev/null || { echo "needs Python jsonschema (pip install jsonschema==4.26.0)"; exit 2; }
python3 benchmarks/generate_dataset.py "$work" "$entries"
size=$(stat -c %s "$work/dataset.json")
echo "document: $entries entries, $size bytes"

measure() {
    local label=$1
    shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out"; exit 1; }
    read -r seconds kib <"$work/time"
    printf '%-28s %8.2f s  peak %7.1f MiB  (%.1f x document)\n' "$label" "$seconds" "$(echo "$kib/1024" | bc -l)" \
        "$(echo "$kib*1024/$size" | bc -l)"
    echo "$seconds" >"$work/$label.seconds"
}

measure sessionzero .build/release/sessionzero schema validate --schema "$work/dataset.schema.json" "$work/dataset.json"
measure python-jsonschema python3 benchmarks/validate_python.py "$work/dataset.schema.json" "$work/dataset.json"
printf 'speed-up: %.1f x\n' "$(echo "$(cat "$work/python-jsonschema.seconds") / $(cat "$work/sessionzero.seconds")" | bc -l)"
