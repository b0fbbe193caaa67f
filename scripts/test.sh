#!/usr/bin/env bash
# The whole test suite: install what is missing, build, and run every test (Swift Testing).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"
scripts/setup.sh
swift build --build-tests
swift test --disable-xctest "$@"
