#!/usr/bin/env bash
# Starts a throwaway S3 server for the test suite (Ceph's RADOS Gateway on loopback, objects in
# memory) and prints TEST_S3_ENDPOINT=… TEST_S3_ACCESS_KEY=… TEST_S3_SECRET_KEY=… TEST_S3_DIR=…
# (eval-able). Installs Debian's ceph/radosgw packages first when missing and we may (root).
# Stop it with stop-test-s3.sh DIR.
set -euo pipefail
cd "$(dirname "$0")"
dir=$(mktemp -d /tmp/stowage-s3.XXXXXX)
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
eval "$(bash s3/start-rgw.sh "$dir/rgw" "$port")"
echo "TEST_S3_ENDPOINT=$S3_ENDPOINT"
echo "TEST_S3_ACCESS_KEY=$S3_ACCESS_KEY"
echo "TEST_S3_SECRET_KEY=$S3_SECRET_KEY"
echo "TEST_S3_DIR=$dir"
