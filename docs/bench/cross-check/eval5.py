"""Scores gen5.py's three imports together: python3 eval5.py DIR (see cross-check5.sh)."""
import csv, itertools, json, sys
from collections import Counter, defaultdict

d = sys.argv[1]
FILES = ["1-registre.csv", "2-portail.csv", "3-crm.csv"]
truth = {(f, int(r)): (a, set(ev.split())) for f, r, a, ev in csv.reader(open(f"{d}/truth.csv"))}
agencies = {a["id"]: a for a in csv.DictReader(open(f"{d}/agencies.csv", encoding="utf-8"))}
data = {}
for f in FILES:
    enc = "cp1252" if f.startswith("1") else "utf-8-sig"
    rows = list(csv.reader(open(f"{d}/{f}", encoding=enc, newline=""), delimiter=";" if f.startswith("1") else ","))
    for i, r in enumerate(rows[1:], 1):
        data[(f, i)] = r
res = {}
for f in FILES:
    for r in csv.DictReader(open(f"{d}/{f}.rows", encoding="utf-8", newline="")):
        res[(f, int(r["row"]))] = r
missing = set(truth) - set(res)
if missing:
    print(f"WARNING: {len(missing)} rows without an outcome")
st = Counter((f, truth[(f, r)][0] == "invalid", res[(f, r)]["status"]) for (f, r) in res)
for f in FILES:
    print(f"{f}: " + ", ".join(f"{'invalid ' if iv else ''}{s} {c}" for (ff, iv, s), c in sorted(st.items()) if ff == f))
kept = [k for k in res if res[k]["status"] != "REJECTED" and truth[k][0] != "invalid"]
by_p, by_t = defaultdict(list), defaultdict(list)
for k in kept:
    by_p[res[k]["prospect_id"]].append(k)
for k in truth:
    if truth[k][0] != "invalid":
        by_t[truth[k][0]].append(k)
pred = sum(len(v) * (len(v) - 1) // 2 for v in by_p.values())
tp = sum(1 for v in by_p.values() for a, b in itertools.combinations(v, 2) if truth[a][0] == truth[b][0])
true_all = sum(len(v) * (len(v) - 1) // 2 for v in by_t.values())
print(f"agencies {len(by_t)}, prospects {len(by_p)}; predicted pairs {pred}, true pairs {true_all}, TP {tp}")
print(f"PRECISION {tp / pred if pred else 1:.4f}  RECALL {tp / true_all if true_all else 1:.4f}")


def shared(a, b):
    ea, eb = truth[a][1], truth[b][1]
    out = []
    for k in ("siret", "phone", "agency-email", "site"):
        if k in ea and k in eb:
            out.append(k)
    ca = {e for e in ea if e.startswith("contact-email:")}
    if ca & eb:
        out.append("contact-email")
    if out:
        return "+".join(out)
    names = {e for e in ea if e in ("trade", "legal", "trade~")} , {e for e in eb if e in ("trade", "legal", "trade~")}
    if "trade" in names[0] & names[1] or "legal" in names[0] & names[1]:
        return "same name kind"
    if names[0] & {"trade", "trade~"} and names[1] & {"trade", "trade~"}:
        return "name with a typo"
    if "addr" in ea and "addr" in eb:
        return "address only (legal vs trade name)"
    return "legal vs trade name, town"


true_pairs = [(a, b) for v in by_t.values() for a, b in itertools.combinations(v, 2)]
kept_set = set(kept)
allc, missc = Counter(), Counter()
missed = []
for a, b in true_pairs:
    c = f"{a[0][0]}-{b[0][0]} " + shared(a, b)
    allc[c] += 1
    if not (a in kept_set and b in kept_set and res[a]["prospect_id"] == res[b]["prospect_id"]):
        missc[c] += 1
        missed.append((c, a, b))
queued = set()
for l in open(f"{d}/duplicates.jsonl"):
    x = json.loads(l)
    queued.add(frozenset(x[:2]))
revc = Counter(c for c, a, b in missed if a in kept_set and b in kept_set
               and frozenset((res[a]["prospect_id"], res[b]["prospect_id"])) in queued)
print("\nmissed / true pairs, by files (1 register, 2 portal, 3 CRM) and what the two rows share; of the missed, queued for review:")
for c, n in sorted(allc.items(), key=lambda x: -missc[x[0]]):
    print(f"  {c:45s} {missc[c]:6d} / {n:6d}  recall {1 - missc[c] / n:.3f}   queued {revc[c]:5d}")
rev = sum(1 for c, a, b in missed if a in kept_set and b in kept_set
          and frozenset((res[a]["prospect_id"], res[b]["prospect_id"])) in queued)
print(f"possible duplicates queued {len(queued)}; missed pairs put to review {rev}; recall counting review "
      f"{(tp + rev) / true_all:.4f}")


def show(k):
    return f"    {k[0][0]}#{k[1]} [{res[k]['status']} {res[k]['prospect_id'][-6:]}] {';'.join(data[k])}  msgs={res[k]['messages'][:60]}"


for want in ["1-3 siret", "2-2 ", "3-3 ", "2-3 phone", "1-3 same name kind", "2-3 same name kind", "1-2 same", "1-3 legal"]:
    ex = [m for m in missed if m[0].startswith(want)][:3]
    for c, a, b in ex:
        print(f"  MISSED {c}: {agencies[truth[a][0]]['trade']} ({agencies[truth[a][0]]['town']})")
        print(show(a)); print(show(b))
false = [(a, b) for v in by_p.values() for a, b in itertools.combinations(v, 2) if truth[a][0] != truth[b][0]]
print(f"\nFALSE PAIRS {len(false)}, prospects mixing agencies "
      f"{sum(1 for v in by_p.values() if len({truth[k][0] for k in v}) > 1)}")
seen = set()
for a, b in false:
    key = frozenset((truth[a][0], truth[b][0]))
    if key in seen:
        continue
    seen.add(key)
    if len(seen) > 15:
        break
    A, B = agencies[truth[a][0]], agencies[truth[b][0]]
    print(f"  {A['trade']} / {A['legal']} ({A['cp']}, {A['network']}) vs {B['trade']} / {B['legal']} ({B['cp']}, {B['network']})")
    print(show(a)); print(show(b))
