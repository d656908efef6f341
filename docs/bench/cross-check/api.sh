# Sourced by the cross-check scripts: the API steps they share, against a running Atlas at $BASE.

# new_organisation LABEL: signs up a new organisation (waiting out the sign-up rate limit) and sets AUTH to a
# bearer header of an API token of its owner.
new_organisation() {
  local label=$1 email pass=probe-pass-2026 out code wait token
  email="$(echo "$label" | tr ' A-Z' '-a-z')-$(date +%s%N)@example.test"
  while true; do   # sign-up is rate limited (429 + retryAfterSeconds): wait and retry
    out=$(curl -s -w '\n%{http_code}' -X POST "$BASE/api/v1/signup" -H 'Content-Type: application/json' \
      -d "{\"organisation\":\"$label $(date +%s)\",\"name\":\"Cross-check\",\"email\":\"$email\",\"password\":\"$pass\"}")
    code=${out##*$'\n'}
    [ "${code:0:1}" = 2 ] && break
    [ "$code" = 429 ] || { echo "signup failed: $out" >&2; exit 1; }
    wait=$(echo "${out%$'\n'*}" | python3 -c 'import json,sys;print(json.load(sys.stdin).get("retryAfterSeconds",30))')
    echo "signup rate-limited, waiting ${wait}s" >&2; sleep "$wait"
  done
  token=$(curl -sf -X POST "$BASE/api/v1/auth/tokens" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$pass\",\"name\":\"t\"}" | python3 -c 'import json,sys;print(json.load(sys.stdin)["token"])')
  AUTH="Authorization: Bearer $token"
}

# import_file FILE ROWS: imports FILE, waits until the job ends, prints its status and writes its rows report to
# ROWS; fails unless the job is DONE.
import_file() {
  local file=$1 rows=$2 start id st s
  start=$(date +%s)
  id=$(curl -sf -X POST "$BASE/api/v1/imports" -H "$AUTH" -F "file=@$file;type=text/csv" \
    | python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])')
  while true; do
    st=$(curl -sf "$BASE/api/v1/imports/$id" -H "$AUTH")
    s=$(echo "$st" | python3 -c 'import json,sys;print(json.load(sys.stdin)["status"])')
    [ "$s" = DONE ] || [ "$s" = FAILED ] && break
    sleep 2
  done
  echo "import $(basename "$file") $id: $st ($(( $(date +%s) - start )) s)"
  [ "$s" = DONE ] || exit 1
  curl -sf "$BASE/api/v1/imports/$id/rows" -H "$AUTH" > "$rows"
}

# review_queue OUT: writes every possible duplicate of the review queue to OUT, one JSON array a line:
# [agency id, other id, confidence, reasons].
review_queue() {
  local out=$1 off=0 n
  : > "$out"
  while true; do
    n=$(curl -sf "$BASE/api/v1/prospects/duplicates?limit=500&offset=$off" -H "$AUTH" \
      | python3 -c 'import json,sys;d=json.load(sys.stdin);[print(json.dumps([x["agency"]["id"],x["other"]["id"],x["confidence"],x["reasons"]])) for x in d];print(len(d),file=sys.stderr)' 2>&1 >> "$out")
    [ "$n" -lt 500 ] && break
    off=$((off + 500))
  done
}
