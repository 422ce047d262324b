# Sourced by the benchmark scripts: `measure LABEL COMMAND...` runs COMMAND under /usr/bin/time and prints its wall
# time and peak resident memory, also as a multiple of $size (bytes of input); the seconds go to $work/LABEL.seconds.
measure() {
    local label=$1
    shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out"; exit 1; }
    read -r seconds kib <"$work/time"
    printf '%-30s %8.2f s  peak %7.1f MiB  (%.1f x input)\n' "$label" "$seconds" "$(echo "$kib/1024" | bc -l)" \
        "$(echo "$kib*1024/$size" | bc -l)"
    echo "$seconds" >"$work/$label.seconds"
}

# The ratio of two measured labels' seconds: `speedup SLOWER FASTER`.
speedup() {
    echo "$(cat "$work/$1.seconds") / $(cat "$work/$2.seconds")" | bc -l
}
