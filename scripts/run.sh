#!/usr/bin/env bash
# The main job: install what is missing, build sfconnect, and run it.
# Until the demo lands this prints the command overview (`sfconnect --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"
scripts/setup.sh
swift build --product sfconnect
"$(swift build --show-bin-path)/sfconnect" --help
