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

. "$HERE/api.sh"
new_organisation "Gen5 $N $SEED"
for F in 1-registre.csv 2-portail.csv 3-crm.csv; do
  import_file "$DIR/$F" "$DIR/$F.rows"
done
review_queue "$DIR/duplicates.jsonl"
python3 "$HERE/eval5.py" "$DIR"
