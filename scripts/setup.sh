#!/usr/bin/env bash
# Set up everything zwgk needs on a new Debian machine: system packages (as root), a Python 3.11
# virtual environment in .venv and the project's pip packages. Safe to run again: it only does what
# is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(chromium postgresql redis-server nginx fonts-wqy-microhei antiword catdoc faketime)  # antiword/catdoc: DOC/WPS attachments; faketime: past-date tests under a fake clock; nginx: the county-scale benchmark farm

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing system packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "setup: apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

find_python() {
  for candidate in python3.11 "$(command -v pyenv >/dev/null && echo "$(pyenv root)/versions/3.11.7/bin/python3")" python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      command -v "$candidate"; return 0
    fi
  done
  for candidate in /root/.pyenv/versions/3.11*/bin/python3 /usr/local/bin/python3.11 /usr/bin/python3.11; do
    [ -x "$candidate" ] && { echo "$candidate"; return 0; }
  done
  return 1
}

stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  PYTHON=$(find_python) || { echo "setup: Python 3.11 not found" >&2; exit 1; }
  [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check uv
  VIRTUAL_ENV=.venv .venv/bin/uv pip install -q --compile-bytecode -e '.[test]'
  touch "$stamp"
fi

# Bytecode for every installed package (uv installs none without --compile-bytecode, and with
# PYTHONDONTWRITEBYTECODE set nothing writes it at import either): without it every process (the
# crawl process, each worker, each CLI call, each test's subprocess) compiles Scrapy, SQLAlchemy, pydantic
# … from source again, 1.5 CPU seconds of the crawl process's 2.5 s start-up. Once per venv.
bytecode=.venv/.bytecode
if [ ! -f "$bytecode" ] || [ "$stamp" -nt "$bytecode" ]; then
  .venv/bin/python -m compileall -q -j 0 .venv/lib/python3.*/site-packages >/dev/null 2>&1 || true  # a package's Python 2 test files fail to compile; harmless
  touch "$bytecode"
fi
