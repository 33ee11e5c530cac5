#!/usr/bin/env bash
# Every text numreg shows people has its Chinese: help of every command, the
# overview, and every step of every CLI case run again in Chinese
# (see tests/cli/i18n_coverage.py for how a missing translation is caught).
set -euo pipefail
cd "${NUMREG_SOURCE_DIR:?}"
exec python3 tests/cli/i18n_coverage.py "$1" tests/cli/cases/*.test
