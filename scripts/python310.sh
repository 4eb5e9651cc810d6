#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter, or explains what to install.
# Looks at python3.10 on PATH first, then at pyenv's installed 3.10 versions.
set -euo pipefail

works() { "$1" -c 'import sys; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1; }

if candidate=$(command -v python3.10 2>/dev/null) && works "$candidate"; then
  echo "$candidate"; exit 0
fi
root=${PYENV_ROOT:-$HOME/.pyenv}
if command -v pyenv >/dev/null 2>&1; then root=$(pyenv root); fi
for candidate in $(ls -d "$root"/versions/3.10*/bin/python3.10 2>/dev/null | sort -V -r); do
  if works "$candidate"; then echo "$candidate"; exit 0; fi
done

cat >&2 <<'MSG'
No Python 3.10 found. Rasa 3.6 runs on Python 3.10 only (not 3.11+).
Install it, then run make again:
  with pyenv:   pyenv install 3.10
  on Debian:    apt-get install python3.10 python3.10-venv   (where available)
MSG
exit 1
