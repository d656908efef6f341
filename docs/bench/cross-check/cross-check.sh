#!/bin/bash
# Imports gen.py's file into a new organisation of a running Atlas and prints precision and recall.
#   ./cross-check.sh PORT AGENCIES SEED      e.g. ./cross-check.sh 8080 5000 7
set -euo pipefail
PORT=$1; N=$2; SEED=$3; DIR=$(mktemp -d); cd "$(dirname "$0")"
python3 gen.py "$N" "$SEED" "$DIR/file.csv" && mv truth.txt "$DIR/truth.txt"
EMAIL="cross-check-$SEED-$N-$RANDOM@example.test"
curl -sf -o /dev/null -X POST "localhost:$PORT/api/v1/signup" -H 'Content-Type: application/json' \
  -d "{\"organisation\":\"Cross-check $SEED\",\"name\":\"Cross-check\",\"email\":\"$EMAIL\",\"password\":\"cross-check-2026\"}"
TOKEN=$(curl -sf -X POST "localhost:$PORT/api/v1/auth/tokens" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"cross-check-2026\",\"name\":\"cross-check\"}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
ID=$(curl -sf -X POST "localhost:$PORT/api/v1/imports" -H "Authorization: Bearer $TOKEN" -F "file=@$DIR/file.csv" \
  | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
for _ in $(seq 1 600); do
  STATUS=$(curl -sf "localhost:$PORT/api/v1/imports/$ID" -H "Authorization: Bearer $TOKEN")
  echo "$STATUS" | grep -q '"status":"\(DONE\|FAILED\|CANCELLED\)"' && break; sleep 0.5
done
echo "$STATUS"
curl -sf "localhost:$PORT/api/v1/imports/$ID/rows" -H "Authorization: Bearer $TOKEN" > "$DIR/rows.csv"
python3 eval.py "$DIR/rows.csv" "$DIR/file.csv" "$DIR/truth.txt"
