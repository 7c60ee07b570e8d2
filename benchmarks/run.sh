#!/usr/bin/env bash
# Runs every benchmark in this folder with the project's virtual environment and prints their figures.
set -euo pipefail
cd "$(dirname "$0")/.."
for bench in benchmarks/bench_*.py; do
  echo "== $bench"
  .venv/bin/python "$bench"
done
