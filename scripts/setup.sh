#!/usr/bin/env bash
# Installs what sfconnect needs to build on a fresh Debian/Ubuntu machine, if it is missing:
# libcurl (OpenSSL flavour), OpenSSL, SQLite and zlib development packages.
set -euo pipefail
packages=(libcurl4-openssl-dev libssl-dev libsqlite3-dev zlib1g-dev pkg-config openssl)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
command -v swift >/dev/null 2>&1 || [ -x /opt/swift/usr/bin/swift ] || {
  echo "setup: Swift 6.1 or newer is required (https://swift.org/install); it is not on PATH." >&2
  exit 1
}
