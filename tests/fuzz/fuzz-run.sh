#!/bin/sh
# fuzz-run.sh FUZZER WORK-DIR SEED-FILE…: runs the dataset fuzzer for MBA_FUZZ_SECONDS (60).
# The seeds are copied into WORK-DIR/corpus, where new interesting inputs are kept between runs;
# a crasher is written to WORK-DIR as crash-…, leak-…, oom-… or timeout-… and fails the run.
set -eu
fuzzer=$(realpath "$1") work=$2
shift 2
mkdir -p "$work/corpus"
cp "$@" "$work/corpus/"
cd "$work"
# The loader refuses any bad file within a second in a release build (bench: bad_input_worst_ms);
# under ASan and coverage on a busy 2-core machine an input gets 5 s before it counts as a hang.
exec "$fuzzer" -max_total_time="${MBA_FUZZ_SECONDS:-60}" -timeout=5 -rss_limit_mb=1024 \
  -max_len=300000 -print_final_stats=1 corpus
