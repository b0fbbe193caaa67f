#!/usr/bin/env bash
# Loopback throughput of sequential small GETs on one reused connection.
# Starts a small HTTP/1.1 keep-alive server on 127.0.0.1, runs `sfconnect bench http`, stops it.
# CONFIG=release for an optimised build (slower to build); the default is the debug build.
set -euo pipefail
cd "$(dirname "$0")/.."
requests="${1:-2000}"
config="${CONFIG:-debug}"
swift build -c "$config" --product sfconnect >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 scripts/keepalive_server.py "$port" & server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do python3 -c "import socket; socket.create_connection(('127.0.0.1',$port))" 2>/dev/null && break; sleep 0.1; done
"$(swift build -c "$config" --show-bin-path)/sfconnect" bench http --url "http://127.0.0.1:$port/ping" --requests "$requests"
