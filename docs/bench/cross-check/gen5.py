"""A fifth generator, written apart from the matching: one market seen through three sources, imported one after the other.

    python3 gen5.py N SEED OUTDIR

A sales team rarely gets one file. It buys a list built from the company register, scrapes a listings portal and
exports its old CRM, and imports the three into one organisation: the second and third files must merge into what
the first created, within and across files, without fusing two agencies of one network in one town. This writes
N agencies of a French market and three files that each see part of it, in their own shape:

- `1-registre.csv`  (a purchased list, `;`, Windows-1252): legal names in capitals with their legal form, SIRET
  (sometimes grouped, sometimes missing, a few with a wrong key), NAF, register-style addresses ("12 BD GAMBETTA"),
  postcode, town in capitals, headcount band, revenue. No trade name, no phone, no e-mail.
- `2-portail.csv`   (a portal scrape, `,`, UTF-8): the agency's name as shown ("Century 21 Bellecour - Lyon 2e"),
  phones in every format, the page's web address (a network's site for franchised agencies), the street, the town
  as the portal writes it, the listing count. Some agencies twice. Some network agencies show the network's national
  number instead of their own.
- `3-crm.csv`       (a CRM export, `,`, UTF-8 with BOM, English headers): company (trade name, legal name, or a typo of
  it), a contact's first and last name, title, e-mail (often in capitals, sometimes a personal address), phone and
  mobile, website as typed, city and zip. One agency may have several contacts (one row each); some rows are a
  contact alone with no company, e-mail or phone (invalid).

Ground truth: `truth.csv` (file, row, agency id or "invalid") and `agencies.csv` (what each agency is).
"""
import csv, random, sys, unicodedata, os

N, SEED, OUT = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
R = random.Random(SEED)
os.makedirs(OUT, exist_ok=True)

TOWNS = [  # (town as written, postcode, register's town, portal's variants)
    ("Lyon", "69001", "LYON", ["Lyon 1er", "Lyon", "LYON 01"]),
    ("Lyon", "69002", "LYON", ["Lyon 2e", "Lyon", "Lyon 2ème"]),
    ("Lyon", "69003", "LYON", ["Lyon 3e", "Lyon", "LYON 03"]),
    ("Lyon", "69006", "LYON", ["Lyon 6e", "Lyon", "Lyon 6ème"]),
    ("Lyon", "69007", "LYON", ["Lyon 7e", "Lyon"]),
    ("Villeurbanne", "69100", "VILLEURBANNE", ["Villeurbanne"]),
    ("Paris", "75011", "PARIS", ["Paris 11e", "Paris", "PARIS 11"]),
    ("Paris", "75015", "PARIS", ["Paris 15e", "Paris", "Paris 15ème"]),
    ("Paris", "75017", "PARIS", ["Paris 17e", "Paris"]),
    ("Marseille", "13008", "MARSEILLE", ["Marseille 8e", "Marseille"]),
    ("Marseille", "13006", "MARSEILLE", ["Marseille 6e", "Marseille"]),
    ("Bordeaux", "33000", "BORDEAUX", ["Bordeaux"]),
    ("Nantes", "44000", "NANTES", ["Nantes"]),
    ("Lille", "59000", "LILLE", ["Lille"]),
    ("Toulouse", "31000", "TOULOUSE", ["Toulouse"]),
    ("Nice", "06000", "NICE", ["Nice"]),
    ("Annecy", "74000", "ANNECY", ["Annecy"]),
    ("Grenoble", "38000", "GRENOBLE", ["Grenoble"]),
    ("Saint-Étienne", "42000", "ST ETIENNE", ["Saint-Étienne", "St-Etienne", "Saint Etienne"]),
    ("Aix-en-Provence", "13100", "AIX EN PROVENCE", ["Aix-en-Provence", "Aix en Provence"]),
    ("Montpellier", "34000", "MONTPELLIER", ["Montpellier"]),
    ("Rennes", "35000", "RENNES", ["Rennes"]),
    ("Strasbourg", "67000", "STRASBOURG", ["Strasbourg"]),
    ("Boulogne-Billancourt", "92100", "BOULOGNE BILLANCOURT", ["Boulogne-Billancourt", "Boulogne"]),
    ("L'Haÿ-les-Roses", "94240", "L HAY LES ROSES", ["L'Haÿ-les-Roses", "L'Hay les Roses"]),
    ("Dijon", "21000", "DIJON", ["Dijon"]),
    ("Angers", "49000", "ANGERS", ["Angers"]),
    ("Tours", "37000", "TOURS", ["Tours"]),
]
AREA = {"69": "4", "75": "1", "92": "1", "94": "1", "13": "4", "33": "5", "44": "2", "59": "3", "31": "5", "06": "4",
        "74": "4", "38": "4", "42": "4", "34": "4", "35": "2", "67": "3", "21": "3", "49": "2", "37": "2"}
STREET_TYPES = [("rue", "R"), ("avenue", "AV"), ("boulevard", "BD"), ("place", "PL"), ("cours", "CRS"), ("quai", "QUAI"),
                ("allée", "ALL"), ("chemin", "CHE")]
STREETS = ["de la République", "Victor Hugo", "Jean Jaurès", "du Général de Gaulle", "Gambetta", "Pasteur", "de la Gare",
           "Nationale", "du Commerce", "Carnot", "Foch", "Saint-Michel", "des Écoles", "de Verdun", "Émile Zola",
           "Paul Bert", "de la Liberté", "Voltaire", "du Marché", "des Tanneurs", "Garibaldi", "de Belfort", "Thiers",
           "Jules Ferry", "Anatole France", "de Strasbourg", "des Lilas", "du Port", "Sadi Carnot", "de Lattre"]
SURNAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
            "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
            "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
            "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
            "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin"]
FIRSTS = ["Julien", "Sophie", "Nicolas", "Camille", "Thomas", "Marie", "Pierre", "Claire", "Antoine", "Julie",
          "Mathieu", "Émilie", "François", "Céline", "Laurent", "Hélène", "Olivier", "Nathalie", "Sébastien", "Inès",
          "Karim", "Léa", "Hugo", "Chloé", "Stéphane", "Aurélie", "Éric", "Sandrine", "Benoît", "Manon"]
QUARTERS = ["Centre", "Gare", "Bellecour", "Part-Dieu", "Croix-Rousse", "Saxe", "Vieux Port", "Cathédrale",
            "Jean Macé", "Les Halles", "République", "Opéra", "Saint-Michel", "Les Chartrons", "Place du Marché",
            "Hôtel de Ville", "Mairie", "Les Quais", "Le Parc", "Carnot"]
NETWORKS = [  # (brand, domain, national number or None, how an agency is named)
    ("Century 21", "century21.fr", "0970 82 21 21", "{brand} {quarter}"),
    ("Orpi", "orpi.com", None, "{brand} {surname} Immobilier"),
    ("Laforêt", "laforet.com", "0800 22 33 44", "{brand} {town}"),
    ("Guy Hoquet", "guy-hoquet.com", None, "{brand} {town} {quarter}"),
    ("Stéphane Plaza Immobilier", "stephaneplazaimmobilier.com", "0970 81 00 00", "{brand} {town} {quarter}"),
    ("ERA", "erafrance.com", None, "{brand} {surname} Immobilier"),
    ("Nestenn", "nestenn.com", None, "{brand} {town}"),
    ("Foncia", "foncia.com", "0969 36 36 00", "{brand} {town} {quarter}"),
    ("Square Habitat", "squarehabitat.fr", None, "{brand} {town}"),
    ("Citya", "citya.com", None, "{brand} {quarter}"),
]
INDEPENDENT = ["Agence {quarter}", "Cabinet {surname}", "{surname} Immobilier", "Immobilière {surname}",
               "Les Clés de {town}", "{town} Immo", "L'Immobilier du {quarter}", "Agence {surname} & Fils",
               "{surname} {surname2} Immobilier", "Maison {surname}", "Agence de la Gare", "Agence du Centre"]
LEGAL_FORMS = ["SARL", "SAS", "SASU", "EURL", "SCI", "SA"]
TITLES = ["Gérant", "Gérante", "Directeur d'agence", "Directrice d'agence", "Négociateur", "Négociatrice",
          "Responsable transaction", "Assistante commerciale"]


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def slug(s):
    out = "".join(c.lower() if c.isalnum() else "-" for c in fold(s))
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


def luhn_ok(d):
    total = 0
    for i, c in enumerate(reversed(d)):
        n = int(c)
        if i % 2:
            n *= 2
            n -= 9 if n > 9 else 0
        total += n
    return total % 10 == 0


def with_key(prefix):
    for k in range(10):
        if luhn_ok(prefix + str(k)):
            return prefix + str(k)


used_siren = set()


def new_siren():
    while True:
        s = with_key("".join(str(R.randint(0, 9)) for _ in range(8)))
        if s[0] != "0" and s not in used_siren:
            used_siren.add(s)
            return s


used_phones = set()
used_domains = set()
used_emails = set()


def new_phone(dept, mobile=False):
    while True:
        head = R.choice(["6", "7"]) if mobile else AREA.get(dept, "4")
        p = "0" + head + "".join(str(R.randint(0, 9)) for _ in range(8))
        if p not in used_phones:
            used_phones.add(p)
            return p


def fmt_phone(p):
    d = p[1:]
    style = R.random()
    if style < 0.35:
        return " ".join(p[i:i + 2] for i in range(0, 10, 2))
    if style < 0.5:
        return ".".join(p[i:i + 2] for i in range(0, 10, 2))
    if style < 0.65:
        return p
    if style < 0.8:
        return "+33 " + d[0] + " " + " ".join(d[i:i + 2] for i in range(1, 9, 2))
    if style < 0.9:
        return "+33 (0)" + d[0] + " " + " ".join(d[i:i + 2] for i in range(1, 9, 2))
    return "0033" + d


def typo(s):
    letters = [i for i, c in enumerate(s) if c.isalpha()]
    if len(letters) < 6:
        return s
    i = R.choice(letters[1:-1])
    kind = R.random()
    if kind < 0.4:
        return s[:i] + s[i + 1:]
    if kind < 0.7:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i] + R.choice("aeioutnrs") + s[i + 1:]


# ---------------------------------------------------------------- the market
agencies = []
network_towns = set()
names_in_town = set()
while len(agencies) < N:
    town, cp, reg_town, portal_towns = R.choice(TOWNS)
    dept = cp[:2]
    surname, surname2 = R.sample(SURNAMES, 2)
    quarter = R.choice(QUARTERS)
    net = R.choice(NETWORKS) if R.random() < 0.45 else None
    if net:
        brand, ndomain, national, pattern = net
        trade = pattern.format(brand=brand, quarter=quarter, surname=surname, town=town)
    else:
        trade = R.choice(INDEPENDENT).format(quarter=quarter, surname=surname, surname2=surname2, town=town)
    if (trade, town) in names_in_town:
        continue  # one name once per town: two agencies of one name in one town are branches of one company
    names_in_town.add((trade, town))
    siren = new_siren()
    siret = with_key(siren + "%04d" % R.randint(1, 40))
    form = R.choice(LEGAL_FORMS)
    if net or R.random() < 0.25:  # a franchisee's company, or a holding, has its own name
        legal_core = R.choice([f"{surname.upper()} IMMO", f"{fold(town).upper()} {surname.upper()} IMMOBILIER",
                               f"{surname.upper()} ET ASSOCIES", f"IMMO {fold(quarter).upper()}",
                               f"{surname.upper()} {surname2.upper()} TRANSACTIONS"])
    else:
        legal_core = fold(trade).upper().replace("'", " ")
    if (legal_core, town) in names_in_town:
        continue
    names_in_town.add((legal_core, town))
    legal = f"{form} {legal_core}" if R.random() < 0.6 else f"{legal_core} {form}"
    stype, sabbr = R.choice(STREET_TYPES)
    street_name = R.choice(STREETS)
    number = R.randint(1, 180)
    street = f"{number} {stype} {street_name}"
    reg_street = f"{number} {sabbr} {fold(street_name).upper().replace('-', ' ')}"
    phone = new_phone(dept)
    if net:
        slug_name = slug(trade.replace(net[0], ""))
        if fold(town).lower() not in fold(trade).lower():
            slug_name += "-" + slug(town)
        email = f"{slug_name}@{ndomain}" if R.random() < 0.7 else f"contact.{slug_name}@{ndomain}"
        site = f"https://www.{ndomain}/agence/{slug_name}"
        own_domain = None
    else:
        own_domain = slug(trade).replace("-", "") + R.choice([".fr", ".com", "-immobilier.fr"])
        if own_domain in used_domains:
            own_domain = slug(trade + " " + town).replace("-", "") + ".fr"
        used_domains.add(own_domain)
        site = f"https://www.{own_domain}/"
        if R.random() < 0.15:
            email = f"{slug(trade + ' ' + town).replace('-', '.')}@{R.choice(['orange.fr', 'gmail.com', 'wanadoo.fr'])}"
        else:
            email = R.choice(["contact", "agence", "accueil", "info"]) + "@" + own_domain
    contacts = []
    for _ in range(R.choice([1, 1, 1, 2, 2, 3])):
        first = R.choice(FIRSTS)
        last = R.choice(SURNAMES) if contacts else (surname if R.random() < 0.6 else R.choice(SURNAMES))
        dom = net[1] if net else (own_domain or "orange.fr")
        cmail = f"{slug(first)}.{slug(last)}@{dom}".replace("-", "")
        while cmail in used_emails:
            cmail = cmail.replace("@", str(R.randint(1, 9)) + "@", 1)
        used_emails.add(cmail)
        contacts.append({"first": first, "last": last, "title": R.choice(TITLES), "email": cmail,
                         "mobile": new_phone(dept, mobile=True)})
    agencies.append(dict(id=f"A{len(agencies) + 1:05d}", trade=trade, legal=legal, siren=siren, siret=siret,
                         town=town, cp=cp, reg_town=reg_town, portal_towns=portal_towns, street=street,
                         reg_street=reg_street, phone=phone, email=email, site=site, net=net,
                         listings=R.randint(0, 240), revenue=R.randint(80, 4000) * 1000, contacts=contacts))

truth = []  # (file, row, agency id or invalid)


def write(name, header, rows, delimiter, encoding):
    with open(os.path.join(OUT, name), "w", encoding=encoding, newline="", errors="replace") as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator="\r\n")
        w.writerow(header)
        for i, (aid, row, ev) in enumerate(rows, 1):
            w.writerow(row)
            truth.append((name, i, aid, " ".join(ev)))


# ---------------------------------------------------------------- 1. the register's list
rows = []
for a in agencies:
    if R.random() > 0.7:
        continue
    s = a["siret"]
    r = R.random()
    if r < 0.1:
        s = ""
    elif r < 0.4:
        s = f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}"
    elif r < 0.43:
        s = s[:-1] + str((int(s[-1]) + 3) % 10)  # a wrong key
    band = R.choice(["01", "02", "03", "11", "12", "NN"])
    ev = ["legal", "addr"] + (["siret"] if 0.1 <= r < 0.4 or r >= 0.43 else [])
    rows.append((a["id"], [a["legal"], s, "6831Z", a["reg_street"], a["cp"], a["reg_town"], band,
                           f"{a['revenue']:,}".replace(",", " ") if R.random() < 0.7 else ""], ev))
R.shuffle(rows)
write("1-registre.csv", ["Raison sociale", "SIRET", "Code NAF", "Adresse", "Code postal", "Ville",
                         "Tranche d'effectif", "Chiffre d'affaires"], rows, ";", "cp1252")

# ---------------------------------------------------------------- 2. the portal
rows = []
for a in agencies:
    if R.random() > 0.6:
        continue
    for copy in range(2 if R.random() < 0.06 else 1):
        town = R.choice(a["portal_towns"])
        name = a["trade"]
        r = R.random()
        if r < 0.35:
            name = f"{name} - {town}"
        elif r < 0.5:
            name = f"{name} ({town})"
        elif r < 0.55:
            name = name.upper()
        phone = a["phone"]
        if a["net"] and a["net"][2] and R.random() < 0.15:
            phone = a["net"][2].replace(" ", "")  # the network's national number
        site = a["site"] if R.random() < 0.85 else ""
        ev = ["trade", "addr"] + (["phone"] if phone == a["phone"] else []) + (["site"] if site and not a["net"] else [])
        rows.append((a["id"], [name, fmt_phone(phone), site, a["street"],
                               a["cp"] if R.random() < 0.7 else "", town, str(a["listings"])], ev))
R.shuffle(rows)
write("2-portail.csv", ["Agence", "Téléphone", "Site web", "Adresse", "Code postal", "Ville", "Nb annonces"], rows,
      ",", "utf-8")

# ---------------------------------------------------------------- 3. the CRM
rows = []
for a in agencies:
    if R.random() > 0.5:
        continue
    r = R.random()
    company = a["trade"] if r < 0.7 else (a["legal"].title() if r < 0.85 else typo(a["trade"]))
    for c in a["contacts"][:R.choice([1, 1, 2, 3])]:
        email = c["email"] if R.random() < 0.6 else a["email"]
        if R.random() < 0.3:
            email = email.upper()
        zip_ = a["cp"] if R.random() < 0.8 else ""
        phone = fmt_phone(a["phone"]) if R.random() < 0.6 else ""
        site = (a["site"].replace("https://", "") if R.random() < 0.5 else "") if not a["net"] else ""
        ev = ["trade" if r < 0.7 else ("legal" if r < 0.85 else "trade~")] + (["phone"] if phone else []) + \
            (["agency-email"] if email.lower() == a["email"] else ["contact-email:" + email.lower()]) + \
            (["site"] if site else [])
        rows.append((a["id"], [company, email, phone,
                               fmt_phone(c["mobile"]) if R.random() < 0.5 else "", c["first"], c["last"], c["title"],
                               site, a["town"], zip_], ev))
for _ in range(max(1, N // 100)):  # a contact alone, nothing that tells which agency
    rows.append(("invalid", ["", "", "", "", R.choice(FIRSTS), R.choice(SURNAMES), R.choice(TITLES), "", "", ""], []))
R.shuffle(rows)
write("3-crm.csv", ["Company", "Email", "Phone", "Mobile", "First name", "Last name", "Job title", "Website", "City",
                    "Zip"], rows, ",", "utf-8-sig")

with open(os.path.join(OUT, "truth.csv"), "w", newline="") as f:
    csv.writer(f).writerows(truth)
with open(os.path.join(OUT, "agencies.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "trade", "legal", "siret", "town", "cp", "phone", "email", "network"])
    for a in agencies:
        w.writerow([a["id"], a["trade"], a["legal"], a["siret"], a["town"], a["cp"], a["phone"], a["email"],
                    a["net"][0] if a["net"] else ""])
print(f"{N} agencies; rows: " + ", ".join(f"{n} {sum(1 for t in truth if t[0] == n)}"
                                        for n in ("1-registre.csv", "2-portail.csv", "3-crm.csv")))
