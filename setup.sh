#!/usr/bin/env bash
# Creates .venv with Python 3.11 and installs the project and its test tools from the package registry.
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
[ -d .venv ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[dev]'
echo "installed: $(.venv/bin/screen --version 2>/dev/null || echo screen)"
