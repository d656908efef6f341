"""A second generator of messy agency files, written apart from the benchmark's MessyAgencyFiles (its own names,
networks, towns and kinds of mess), to check that matching is not tuned to one generator.

    python3 gen.py AGENCIES SEED OUT.csv    # also writes truth.txt: the true agency of each data row

Names come from small pools (20 words, 50 surnames, 10 networks x 12 districts) over 25 towns, so namesakes in one
town are far more frequent than in real files: 5,000 agencies is the realistic end, 20,000 a stress case.
"""
import random, sys, csv, unicodedata
random.seed(int(sys.argv[2]) if len(sys.argv)>2 else 7)
N=int(sys.argv[1])
towns=[("Paris","75015"),("Paris","75011"),("Lyon","69003"),("Marseille","13008"),("Toulouse","31000"),("Nice","06000"),("Nantes","44000"),("Bordeaux","33000"),("Lille","59000"),("Rennes","35000"),("Grenoble","38000"),("Dijon","21000"),("Angers","49000"),("Brest","29200"),("Tours","37000"),("Metz","57000"),("Annecy","74000"),("Pau","64000"),("Vannes","56000"),("Colmar","68000"),("Évreux","27000"),("Sète","34200"),("Béziers","34500"),("Orléans","45000"),("Besançon","25000")]
brands=["Century 21","Orpi","Laforêt","Guy Hoquet","Stéphane Plaza Immobilier","ERA Immobilier","Nestenn","Square Habitat","Foncia","Citya"]
districts=["Centre","Gare","République","Les Halles","Saint-Michel","Victor Hugo","Jean Jaurès","Carnot","Pasteur","Bellevue","Le Port","Les Arcades"]
surnames=["Martin","Bernard","Dubois","Thomas","Robert","Richard","Petit","Durand","Leroy","Moreau","Simon","Laurent","Lefèvre","Michel","Garcia","David","Bertrand","Roux","Vincent","Fournier","Morel","Girard","André","Lefebvre","Mercier","Dupont","Lambert","Bonnet","François","Martinez","Legrand","Garnier","Faure","Rousseau","Blanc","Guérin","Muller","Henry","Roussel","Nicolas","Perrin","Morin","Mathieu","Clément","Gauthier","Dumont","Lopez","Fontaine","Chevalier","Robin"]
words=["Horizon","Patrimoine","Transactions","Conseil","Habitat","Prestige","Avenir","Confiance","Émeraude","Azur","Océan","Montagne","Lumière","Étoile","Tradition","Clé d'Or","Carré","Quartier","Villa","Pierre"]
streets=["rue de la République","avenue Jean Jaurès","boulevard Victor Hugo","place du Marché","rue Pasteur","rue Nationale","cours Gambetta","allée des Tilleuls","rue du Général de Gaulle","quai des Chartrons"]
def luhn_ok(d): 
    s=0
    for i,c in enumerate(reversed(d)):
        x=int(c)
        if i%2==1:
            x*=2
            if x>9:x-=9
        s+=x
    return s%10==0
def siren():
    while True:
        d="".join(random.choice("0123456789") for _ in range(8))
        if d[0]=="0": continue
        for k in range(10):
            if luhn_ok(d+str(k)): return d+str(k)
def siret(sn):
    while True:
        d=sn+"".join(random.choice("0123456789") for _ in range(4))
        for k in range(10):
            if luhn_ok(d+str(k)): return d+str(k)
def strip_acc(s): return "".join(c for c in unicodedata.normalize("NFD",s) if unicodedata.category(c)!="Mn")
def slug(s): return strip_acc(s).lower().replace("'","").replace(" ","-")
used_phones=set()
def phone(mobile=False):
    while True:
        p=("0"+random.choice("67") if mobile else "0"+random.choice("12345"))+random.choice("123456789")+"".join(random.choice("0123456789") for _ in range(7))
        if p not in used_phones: used_phones.add(p); return p
agencies=[]
for i in range(N):
    town,pc=random.choice(towns)
    r=random.random()
    if r<0.45:
        b=random.choice(brands); name=f"{b} {town} {random.choice(districts)}" if random.random()<0.5 else f"{b} {random.choice(districts)}"
        dom=slug(b).replace("-immobilier","")+".fr"; email=f"{slug(town)}.{i}@{dom}"; web=f"{dom}/agence/{slug(town)}-{i}"
    else:
        k=random.random()
        if k<0.3: name=f"Agence {random.choice(words)}"
        elif k<0.55: name=f"Cabinet {random.choice(surnames)}"
        elif k<0.8: name=f"{random.choice(surnames)} Immobilier"
        else: name=f"Immobilière {random.choice(words)} {random.choice(surnames)}"
        dom=slug(name)+str(i)+".fr"; email=f"contact@{dom}"; web=random.choice(["www.",""])+dom
    sn=siren()
    agencies.append(dict(name=name,siret=siret(sn),email=email,phone=phone(),mobile=phone(True) if random.random()<0.4 else "",web=web,addr=f"{random.randint(1,200)} {random.choice(streets)}",pc=pc,town=town))
def typo(s):
    if len(s)<6: return s
    i=random.randint(1,len(s)-2); t=random.choice("swdi")
    if t=="s": return s[:i]+s[i+1]+s[i]+s[i+2:]
    if t=="d": return s[:i]+s[i+1:]
    if t=="i": return s[:i]+s[i]+s[i:]
    return s[:i]+random.choice("aeiourst")+s[i+1:]
def fmt_phone(p):
    f=random.choice(["plain","dots","spaces","+33","0033","dash"])
    if f=="plain": return p
    if f=="dots": return ".".join(p[i:i+2] for i in range(0,10,2))
    if f=="spaces": return " ".join(p[i:i+2] for i in range(0,10,2))
    if f=="dash": return "-".join(p[i:i+2] for i in range(0,10,2))
    if f=="+33": return "+33 "+p[1]+" "+" ".join(p[i:i+2] for i in range(2,10,2))
    return "0033"+p[1:]
def variant(a, first):
    r={}
    n=a["name"]
    if not first:
        c=random.random()
        if c<0.2: n=n.upper()
        elif c<0.3: n=strip_acc(n)
        elif c<0.4: n=n.lower()
        if random.random()<0.15: n=typo(n)
        if random.random()<0.1: n="SARL "+n
    r["Raison sociale"]=n
    s=a["siret"]; c=random.random()
    if not first and c<0.25: s=""
    elif c<0.4: s=s[:3]+" "+s[3:6]+" "+s[6:9]+" "+s[9:]
    elif c<0.5: s=s[:9]
    r["SIRET"]=s
    r["Email"]=("" if (not first and random.random()<0.35) else (a["email"].upper() if random.random()<0.2 else a["email"]))
    r["Téléphone"]=("" if (not first and random.random()<0.3) else fmt_phone(a["phone"]))
    r["Portable"]=fmt_phone(a["mobile"]) if a["mobile"] and random.random()<0.7 else ""
    w=a["web"]
    r["Site web"]=("" if (not first and random.random()<0.5) else random.choice(["https://","http://",""])+w)
    ad=a["addr"]
    r["Adresse"]=("" if (not first and random.random()<0.3) else (ad.upper() if random.random()<0.2 else ad))
    r["Code postal"]=("" if (not first and random.random()<0.2) else a["pc"])
    r["Ville"]=(a["town"].upper() if random.random()<0.3 else a["town"])
    return r
rows=[]
for i,a in enumerate(agencies):
    k=random.choices([1,2,3],[0.5,0.35,0.15])[0]
    for j in range(k): rows.append((i,variant(a,j==0)))
random.shuffle(rows)
cols=["Raison sociale","SIRET","Email","Téléphone","Portable","Site web","Adresse","Code postal","Ville"]
with open(sys.argv[3] if len(sys.argv)>3 else "indep.csv","w",newline="",encoding="utf-8") as f:
    w=csv.writer(f,delimiter=";"); w.writerow(cols)
    for _,r in rows: w.writerow([r[c] for c in cols])
with open("truth.txt","w") as f:
    for i,_ in rows: f.write(f"{i}\n")
