#!/usr/bin/env bash
# cross-check3.sh PORT N SEED -- generate a messy agency file with gen3.py, import it into a
# running Atlas on localhost:PORT (fresh organisation), and score the deduplication against
# the ground truth: pairwise precision/recall, plus missed pairs and false merges grouped by
# the variations applied to the rows (see gen3.py).
set -euo pipefail
PORT=${1:?PORT}; N=${2:?N}; SEED=${3:?SEED}
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=http://127.0.0.1:$PORT
DIR=${OUTDIR:-/tmp/cross-check3}/n$N-s$SEED
mkdir -p "$DIR"
python3 "$HERE/gen3.py" "$N" "$SEED" "$DIR/in.csv"

. "$HERE/api.sh"
new_organisation "Gen3 $N $SEED"
import_file "$DIR/in.csv" "$DIR/rows.csv"

python3 - "$DIR" <<'EOF'
import csv, io, json, sys, itertools
from collections import Counter, defaultdict
d = sys.argv[1]
with open(f"{d}/in.csv", encoding="utf-8", newline="") as f:
    data = list(csv.reader(f, delimiter=";"))[1:]
truth = open(f"{d}/in.truth").read().split()
meta = [json.loads(l) for l in open(f"{d}/in.tags", encoding="utf-8")]
res = {}
with open(f"{d}/rows.csv", encoding="utf-8", newline="") as f:
    for r in csv.DictReader(f):
        res[int(r["row"]) - 1] = r
n = len(truth)
assert len(data) == n == len(meta), (len(data), n, len(meta))
if len(res) != n:
    print(f"WARNING: {len(res)} result rows for {n} data rows")

def line(i):
    b = io.StringIO(); csv.writer(b, delimiter=";", lineterminator="").writerow(data[i])
    return f"  r{i+1} [{res.get(i,{}).get('status','?')}] " + b.getvalue().replace("\n", "\\n")

status = Counter((truth[i] == "invalid", res[i]["status"]) for i in res)
valid = [i for i in range(n) if truth[i] != "invalid"]
inv = n - len(valid)
print(f"rows {n} (valid {len(valid)}, invalid {inv}); agencies {len(set(truth)) - (1 if inv else 0)}")
print("valid rows:   " + ", ".join(f"{s} {c}" for (iv, s), c in sorted(status.items()) if not iv))
print("invalid rows: " + ", ".join(f"{s} {c}" for (iv, s), c in sorted(status.items()) if iv))

ok = [i for i in range(n) if i in res and res[i]["status"] != "REJECTED"]
by_p = defaultdict(list)
for i in ok:
    by_p[res[i]["prospect_id"]].append(i)
by_t = defaultdict(list)
for i in valid:
    by_t[truth[i]].append(i)
pred = sum(len(v) * (len(v) - 1) // 2 for v in by_p.values())
tp = sum(1 for v in by_p.values() for a, b in itertools.combinations(v, 2) if truth[a] == truth[b] != "invalid")
true_all = sum(len(v) * (len(v) - 1) // 2 for v in by_t.values())
okset = set(ok)
true_ok = sum(1 for v in by_t.values() for a, b in itertools.combinations(v, 2) if a in okset and b in okset)
print(f"prospects {len(by_p)}  predicted pairs {pred}  true pairs {true_all} (both rows kept: {true_ok})  TP {tp}")
print(f"precision {tp/pred if pred else 1:.4f}  recall {tp/true_all if true_all else 1:.4f}  "
      f"recall(kept rows) {tp/true_ok if true_ok else 1:.4f}")
split = sum(1 for v in by_t.values() if len({res[i]['prospect_id'] for i in v if i in okset}) > 1)
print(f"agencies split over >1 prospect: {split};  prospects mixing >1 true agency: "
      f"{sum(1 for v in by_p.values() if len({truth[i] for i in v}) > 1)}")

NEUTRAL = {"contact"}          # tags that should not matter; still counted, never 'sole'
def pair_tags(a, b):
    return set(meta[a]["tags"]) | set(meta[b]["tags"])
def ev_class(a, b):
    sh = set(meta[a]["ev"]) & set(meta[b]["ev"])
    kinds = sorted({e.split(":", 1)[0] for e in sh})
    return "+".join(kinds) if kinds else "none(transitive only)"

# ---------------- missed pairs
missed = [(a, b) for v in by_t.values() for a, b in itertools.combinations(v, 2)
          if a in okset and b in okset and res[a]["prospect_id"] != res[b]["prospect_id"]]
print(f"\n=== MISSED PAIRS: {len(missed)} ===")
evc = Counter(ev_class(a, b) for a, b in missed)
allev = Counter(ev_class(a, b) for v in by_t.values() for a, b in itertools.combinations(v, 2) if a in okset and b in okset)
print("by shared canonical evidence (missed / all true pairs with that evidence):")
for k, c in evc.most_common(12):
    print(f"  {k:40s} {c:6d} / {allev[k]}")
# bridged: the two rows sit in different prospects although some row of the agency shares an
# exact identifier with a row of the other prospect (a later row matched both; no fusion).
STRONG = ("siret:", "email:", "phone:", "web:")
def bridged(a, b):
    pa, pb = res[a]["prospect_id"], res[b]["prospect_id"]
    A = [i for i in by_t[truth[a]] if i in okset and res[i]["prospect_id"] == pa]
    B = [i for i in by_t[truth[a]] if i in okset and res[i]["prospect_id"] == pb]
    sa = {e for i in A for e in meta[i]["ev"] if e.startswith(STRONG)}
    sb = {e for i in B for e in meta[i]["ev"] if e.startswith(STRONG)}
    return bool(sa & sb)
# how each miss arose, in file order: the later row of the pair either CREATED a new prospect
# (a matching failure) or was MERGED into a prospect already holding another row of the same
# agency (the split predates it and two prospects are never fused).
def how(a, b):
    a, b = min(a, b), max(a, b)
    if res[b]["status"] == "CREATED":
        return "later row CREATED new prospect"
    same = any(truth[i] == truth[b] for i in by_p[res[b]["prospect_id"]] if i < b)
    return "later row MERGED into another prospect of same agency" if same else "later row MERGED elsewhere"
print("how: " + ", ".join(f"{k} {c}" for k, c in Counter(how(a, b) for a, b in missed).most_common()))
print("pure misses (later row CREATED) by shared evidence: " + ", ".join(
    f"{k} {c}" for k, c in Counter(ev_class(a, b) for a, b in missed if how(a, b).endswith("prospect") and res[max(a,b)]["status"] == "CREATED").most_common(10)))
direct = [p for p in missed if any(e.startswith(STRONG) for e in set(meta[p[0]]["ev"]) & set(meta[p[1]]["ev"]))]
nb = [p for p in missed if bridged(*p) and p not in set(direct)]
print(f"missed pairs that themselves share an exact SIRET/e-mail/phone/own website: {len(direct)}; "
      f"others whose prospects are bridged by such an identifier via a third row (split never fused): {len(nb)}")
for a, b in nb[:2]:
    print(f"  -- {meta[a]['a']}")
    for i in by_t[truth[a]]:
        print(line(i) + "  -> " + res[i]["prospect_id"][-6:])
kept_pairs = [(a, b) for v in by_t.values() for a, b in itertools.combinations(v, 2) if a in okset and b in okset]
missed_set = set(missed)
# stratified by evidence class: excess misses of a tag = misses with the tag minus the misses
# expected at the miss rate of pairs WITHOUT the tag that share the same evidence.
strat = defaultdict(lambda: [0, 0])      # (tag or None, evclass) -> [pairs, missed]
tags_all = set()
info = []
for a, b in kept_pairs:
    ts, k, m = pair_tags(a, b) - NEUTRAL, ev_class(a, b), (a, b) in missed_set
    info.append((a, b, ts, k, m)); tags_all |= ts
rows_out = []
for t in tags_all:
    w, wo = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0])
    for a, b, ts, k, m in info:
        x = w[k] if t in ts else wo[k]
        x[0] += 1; x[1] += m
    nw = sum(x[0] for x in w.values()); mw = sum(x[1] for x in w.values())
    nwo = sum(x[0] for x in wo.values()); mwo = sum(x[1] for x in wo.values())
    exp = sum(x[0] * wo[k][1] / wo[k][0] for k, x in w.items() if wo[k][0])
    rows_out.append((mw - exp, t, mw, nw, nwo and mwo / nwo))
print("by variation tag (excess = misses above what pairs with the same shared evidence but without the tag show):")
print(f"  {'tag':18s} {'excess':>7s} {'missed':>7s} / {'pairs':>6s}  rate   rate-without")
for ex_, t, mw, nw, r0 in sorted(rows_out, reverse=True):
    print(f"  {t:18s} {ex_:7.1f} {mw:7d} / {nw:6d}  {mw/nw:5.1%}  {r0:5.1%}")
nov = [(a, b, k) for a, b, ts, k, m in info if not ts]
mnov = [(a, b, k) for a, b, ts, k, m in info if not ts and m]
print(f"  pairs with no variation at all: missed {len(mnov)} / {len(nov)}  by evidence: "
      + ", ".join(f"{k} {c}" for k, c in Counter(k for a, b, k in mnov).most_common(6)))
for ex_, t, mw, nw, r0 in sorted(rows_out, reverse=True)[:10]:
    cands = sorted([(len(ts), a, b, k) for a, b, ts, k, m in info if m and t in ts])
    print(f" examples '{t}' (fewest other variations first):")
    for _, a, b, k in cands[:3]:
        print(f"  -- {meta[a]['a']} shared={k} tags={sorted(pair_tags(a, b))}"); print(line(a)); print(line(b))
if mnov:
    print(" examples (no variation):")
    for a, b, k in mnov[:3]:
        print(f"  -- {meta[a]['a']} shared={k}"); print(line(a)); print(line(b))

# ---------------- false merges
false = [(a, b) for v in by_p.values() for a, b in itertools.combinations(v, 2) if truth[a] != truth[b]]
print(f"\n=== FALSE PAIRS: {len(false)} ===")
def relation(a, b):
    ma, mb = meta[a], meta[b]
    if "invalid" in (ma["a"], mb["a"]):
        return "invalid row"
    if ma["gid"] == mb["gid"]:
        return ma["g"]
    sh = []
    if ma["addr"] == mb["addr"]: sh.append("same-address")
    if ma["name"] == mb["name"]: sh.append("same-name")
    elif ma["core"] == mb["core"]: sh.append("same-name-core")
    if ma["cp"] == mb["cp"]: sh.append("same-postcode")
    if ma["contact"] and ma["contact"] == mb["contact"]: sh.append("same-contact")
    elif ma["dept"] == mb["dept"]: sh.append("same-dept")
    return "unrelated:" + ("+".join(sh) or "nothing")
fc, fex = Counter(), defaultdict(list)
for a, b in false:
    k = relation(a, b); fc[k] += 1; fex[k].append((a, b))
for k, c in fc.most_common(15):
    print(f"  {k:45s} {c}")
ftag = Counter(t for a, b in false for t in pair_tags(a, b))
print("  tags on falsely paired rows: " + ", ".join(f"{t} {c}" for t, c in ftag.most_common(12)))
for k, _ in fc.most_common(8):
    print(f" examples '{k}':")
    for a, b in fex[k][:3]:
        print(f"  -- {meta[a]['a']} vs {meta[b]['a']}"); print(line(a)); print(line(b))

msgs = Counter(res[i]["messages"].split(";")[0][:70] for i in res if res[i]["messages"])
print("\nrow messages: " + " | ".join(f"{m} x{c}" for m, c in msgs.most_common(6)))
# ---------------- rejected valid rows
rej = [i for i in valid if i in res and res[i]["status"] == "REJECTED"]
if rej:
    print(f"\n=== VALID ROWS REJECTED: {len(rej)} ===")
    print("  tags: " + ", ".join(f"{t} {c}" for t, c in Counter(t for i in rej for t in meta[i]['tags'] or ['(none)']).most_common(10)))
    for i in rej[:4]:
        print(line(i) + "   msg=" + res[i]["messages"][:120])
EOF
