#!/usr/bin/env bash
# cross-check5.sh PORT N SEED -- gen5.py's three files of one market (a register's list, a portal scrape, a CRM
# export) imported one after the other into one new organisation of a running Atlas on localhost:PORT, then scored
# over all three files' rows together: pairwise precision and recall, the pairs missed by the evidence their rows
# share, the false pairs with what their agencies are.
set -euo pipefail
PORT=${1:?PORT}; N=${2:?N}; SEED=${3:?SEED}
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=http://127.0.0.1:$PORT
DIR=${OUTDIR:-/tmp/gen5/runs}/n$N-s$SEED
mkdir -p "$DIR"
python3 "$HERE/gen5.py" "$N" "$SEED" "$DIR"

EMAIL="gen5-$N-$SEED-$(date +%s%N)@example.test"
PASS=probe-pass-2026
while true; do   # sign-up is rate limited (429 + retryAfterSeconds): wait and retry
  OUT=$(curl -s -w '\n%{http_code}' -X POST "$BASE/api/v1/signup" -H 'Content-Type: application/json' \
    -d "{\"organisation\":\"Gen5 $N $SEED $(date +%s)\",\"name\":\"Gen5\",\"email\":\"$EMAIL\",\"password\":\"$PASS\"}")
  CODE=${OUT##*$'\n'}
  [ "${CODE:0:1}" = 2 ] && break
  [ "$CODE" = 429 ] || { echo "signup failed: $OUT" >&2; exit 1; }
  WAIT=$(echo "${OUT%$'\n'*}" | python3 -c 'import json,sys;print(json.load(sys.stdin).get("retryAfterSeconds",30))')
  echo "signup rate-limited, waiting ${WAIT}s" >&2; sleep "$WAIT"
done
TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/tokens" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASS\",\"name\":\"t\"}" | python3 -c 'import json,sys;print(json.load(sys.stdin)["token"])')
AUTH="Authorization: Bearer $TOKEN"
for F in 1-registre.csv 2-portail.csv 3-crm.csv; do
  START=$(date +%s)
  ID=$(curl -sf -X POST "$BASE/api/v1/imports" -H "$AUTH" -F "file=@$DIR/$F;type=text/csv" \
    | python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])')
  while true; do
    ST=$(curl -sf "$BASE/api/v1/imports/$ID" -H "$AUTH")
    S=$(echo "$ST" | python3 -c 'import json,sys;print(json.load(sys.stdin)["status"])')
    [ "$S" = DONE ] || [ "$S" = FAILED ] && break
    sleep 2
  done
  echo "$F: $ST ($(( $(date +%s) - START )) s)"
  [ "$S" = DONE ] || exit 1
  curl -sf "$BASE/api/v1/imports/$ID/rows" -H "$AUTH" > "$DIR/$F.rows"
done
OFF=0; echo -n > "$DIR/duplicates.jsonl"
while true; do
  PAGE=$(curl -sf "$BASE/api/v1/prospects/duplicates?limit=500&offset=$OFF" -H "$AUTH")
  N_PAGE=$(echo "$PAGE" | python3 -c 'import json,sys;d=json.load(sys.stdin);[print(json.dumps([x["agency"]["id"],x["other"]["id"],x["confidence"],x["reasons"]])) for x in d];print(len(d),file=sys.stderr)' 2>&1 >> "$DIR/duplicates.jsonl")
  [ "$N_PAGE" -lt 500 ] && break
  OFF=$((OFF + 500))
done
python3 "$HERE/eval5.py" "$DIR"
