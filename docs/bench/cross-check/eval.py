"""Pairwise precision and recall of an import's rows report against gen.py's truth.

    python3 eval.py ROWS_REPORT.csv FILE.csv [TRUTH]   # prints the figures, then false merges and missed pairs
"""
import sys, csv, itertools, collections
truth=[int(x) for x in open(sys.argv[3] if len(sys.argv)>3 else "truth.txt")]
rep=list(csv.DictReader(open(sys.argv[1])))
src=list(csv.reader(open(sys.argv[2] if len(sys.argv)>2 else "indep.csv",encoding="utf-8"),delimiter=";"))[1:]
pros={}
for r in rep:
    if r["status"]!="REJECTED": pros[int(r["row"])-1]=r["prospect_id"]
byt=collections.defaultdict(list); byp=collections.defaultdict(list)
for i,t in enumerate(truth):
    if i in pros: byt[t].append(i); byp[pros[i]].append(i)
def pairs(groups):
    s=set()
    for g in groups.values():
        for a,b in itertools.combinations(sorted(g),2): s.add((a,b))
    return s
T=pairs(byt); P=pairs(byp)
tp=len(T&P)
print(f"rows {len(truth)} rejected {len(truth)-len(pros)} true pairs {len(T)} predicted {len(P)} precision {tp/max(1,len(P)):.4f} recall {tp/max(1,len(T)):.4f}")
fm=[p for p in P-T][:int(__import__("os").environ.get("NFALSE","8"))]
for a,b in fm: print("FALSE", truth[a], src[a], "|", truth[b], src[b])
mm=[p for p in T-P]
import random; random.seed(1)
for a,b in random.sample(mm,min(12,len(mm))): print("MISS", src[a], "|", src[b])
