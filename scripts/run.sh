#!/usr/bin/env bash
# The main job: install what is missing, build sfconnect, and run the demo (`sfconnect demo`):
# the example jobs against a seeded in-process simulator, no account and no network needed.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"
scripts/setup.sh
swift build --product sfconnect
"$(swift build --show-bin-path)/sfconnect" demo "$@"
