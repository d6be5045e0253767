#!/usr/bin/env bash
# Stops the S3 server start-test-s3.sh started in DIR and removes its data.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
bash "$(dirname "$0")/s3/stop-rgw.sh" "$1/rgw" --purge >/dev/null 2>&1 || true
rm -rf "$1"
