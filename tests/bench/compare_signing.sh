#!/bin/bash
# Signing rate of two builds of the site, alternated on fresh databases in one run: wrk posts the
# demo petition's sign form (32 connections, 10 s a round, each request a new address) to a
# `serve` of each binary in turn, on SQLite and on PostgreSQL (TEST_DATABASE_URL's server).
#
#   tests/bench/compare_signing.sh OLD_BINARY NEW_BINARY
#
# e.g. to measure what a change costs: build the old commit's binary in a git worktree
# (`cargo build --release --bin hastakshar`), copy it aside, build this one, and compare. Each
# line is one build's turn in a round: the rate (requests a second), p50 and p99; the last lines
# give each round's ratio (new over old) and their median. Loopback only.
set -u
OLD=$1
NEW=$2
ROUNDS=${ROUNDS:-3}
BACKENDS=${BACKENDS:-"sqlite postgres"}
PG=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}
PG_SERVER=${PG%/*}
HERE=$(cd "$(dirname "$0")" && pwd)
# Both servers mail to one loopback sink, as the README's benchmark does (without SMTP_URL each
# email would be a file in the development mail folder, and creating those files would be most
# of what is measured).
SINK_OUT=$(mktemp)
python3 "$HERE/smtp_sink.py" >"$SINK_OUT" &
SINK=$!
RATES=$(mktemp)
trap 'kill $SINK 2>/dev/null; rm -f "$SINK_OUT" "$RATES"' EXIT
for _ in $(seq 1 50); do [ -s "$SINK_OUT" ] && break; sleep 0.1; done
SMTP_PORT=$(head -n 1 "$SINK_OUT")
for backend in $BACKENDS; do
  for round in $(seq 1 "$ROUNDS"); do
    # Each round swaps which build goes first, so neither always meets what the other left
    # behind (PostgreSQL's checkpoint after a dropped database, a warm page cache).
    order="old new"
    [ $((round % 2)) = 0 ] && order="new old"
    for which in $order; do
      bin=$OLD; [ "$which" = new ] && bin=$NEW
      dir=$(mktemp -d)
      port=$((20000 + RANDOM % 20000))
      if [ "$backend" = sqlite ]; then
        url="sqlite://$dir/b.db"
      else
        db="bench_${which}_${round}_$$"
        psql -q "$PG" -c "CREATE DATABASE $db" >/dev/null
        url="$PG_SERVER/$db"
      fi
      (cd "$dir" && exec env -i PATH="$PATH" DATABASE_URL="$url" BIND="127.0.0.1:$port" \
        BASE_URL="http://127.0.0.1:$port" SMTP_URL="smtp://127.0.0.1:$SMTP_PORT" \
        SIGN_RATE_BURST=100000000 \
        SIGN_RATE_PER_HOUR=1000000000 SECRET_KEY=benchmark-secret-key-0123456789abcdefABCDEF \
        RUST_LOG=warn "$bin" serve >"$dir/log" 2>&1) &
      pid=$!
      for _ in $(seq 1 150); do
        curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break
        sleep 0.2
      done
      out=$(wrk -t2 -c32 -d10s -s "$HERE/sign.lua" "http://127.0.0.1:$port" 2>&1 | grep RESULT)
      echo "$backend round=$round $which $out"
      [ -n "$out" ] && echo "$backend $round $which ${out#*rate=}" | cut -d" " -f1-4 >>"$RATES"
      kill "$pid"
      wait "$pid" 2>/dev/null
      if [ "$backend" = postgres ]; then
        psql -q "$PG" -c "DROP DATABASE $db WITH (FORCE)" >/dev/null
      fi
      rm -rf "$dir"
    done
  done
done
# Each round's ratio, new over old, and the median round's.
python3 - "$RATES" <<'PY'
import sys, statistics
rates = {}
for line in open(sys.argv[1]):
    backend, rnd, which, rate = line.split()
    rates.setdefault(backend, {}).setdefault(rnd, {})[which] = float(rate)
for backend, rounds in rates.items():
    ratios = [r["new"] / r["old"] for r in rounds.values() if r.get("old") and "new" in r]
    if ratios:
        listed = ", ".join(f"{x:.2f}" for x in ratios)
        print(f"{backend}: new/old by round {listed}; median {statistics.median(ratios):.2f}x")
PY
