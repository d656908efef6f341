#!/usr/bin/env python3
"""gen4.py N SEED OUT.csv -- messy French real-estate agency export with ground truth.

Writes OUT.csv (UTF-8, ';'), OUT.truth (one true agency id or 'invalid' per data row) and
OUT.tags (one JSON per row: tags = variations applied, ev = canonical evidence shown by the
row, plus descriptive fields used by the scorer).  Independent of the Atlas matcher.

Emphasis (new compared with earlier generators): legal name vs trade name (one, the other,
both, swapped, combined), name forms (Immobilier/Immobilière/Immo, 'Agence Immobilière X' vs
'X Immobilier', acronyms, numbers in words, connectors, articles), phone extensions, +33 (0),
text glued to numbers, fax in the cell, obfuscated / multiple / personal e-mails, websites
with paths/queries/subdomains, BP/CS/ZA/lieu-dit/bis/building addresses, postcode leading
zero lost, towns in upper case without hyphens, ST/STE, main vs exact postcode, merged
communes (old names), RCS / VAT numbers in the SIREN column, CRM exports with one row per
contact, and true look-alikes (same name in one city, franchise agencies in one city,
parent/subsidiary sharing a switchboard, neighbours in one building).
"""
import json, random, re, sys, unicodedata

# ----------------------------------------------------------------------------- reference data
# (town, [postcodes], generic postcode written by people or None, dept, weight)
TOWNS = [
    ("Paris", [f"750{i:02d}" for i in range(1, 21)], "75000", "75", 40),
    ("Lyon", [f"6900{i}" for i in range(1, 10)], "69000", "69", 18),
    ("Marseille", [f"130{i:02d}" for i in range(1, 17)], "13000", "13", 16),
    ("Toulouse", ["31000", "31100", "31200", "31300", "31400", "31500"], "31000", "31", 10),
    ("Nice", ["06000", "06100", "06200", "06300"], "06000", "06", 10),
    ("Nantes", ["44000", "44100", "44200", "44300"], "44000", "44", 8),
    ("Bordeaux", ["33000", "33100", "33200", "33300", "33800"], "33000", "33", 9),
    ("Montpellier", ["34000", "34070", "34080", "34090"], "34000", "34", 8),
    ("Strasbourg", ["67000", "67100", "67200"], "67000", "67", 6),
    ("Lille", ["59000", "59160", "59260", "59800"], "59000", "59", 6),
    ("Rennes", ["35000", "35200", "35700"], "35000", "35", 5),
    ("Grenoble", ["38000", "38100"], "38000", "38", 4),
    ("Toulon", ["83000", "83100", "83200"], "83000", "83", 4),
    ("Saint-Étienne", ["42000", "42100"], "42000", "42", 4),
    ("Le Havre", ["76600", "76610", "76620"], "76600", "76", 3),
    ("Angers", ["49000", "49100"], "49000", "49", 3),
    ("Le Mans", ["72000", "72100"], "72000", "72", 3),
    ("Aix-en-Provence", ["13090", "13100", "13290", "13540"], "13100", "13", 5),
    ("Clermont-Ferrand", ["63000", "63100"], "63000", "63", 3),
    ("Limoges", ["87000", "87100", "87280"], "87000", "87", 2),
    ("Tours", ["37000", "37100", "37200"], "37000", "37", 3),
    ("Amiens", ["80000", "80080", "80090"], "80000", "80", 2),
    ("Perpignan", ["66000", "66100"], "66000", "66", 3),
    ("Metz", ["57000", "57050", "57070"], "57000", "57", 2),
    ("Orléans", ["45000", "45100"], "45000", "45", 2),
    ("Rouen", ["76000", "76100"], "76000", "76", 3),
    ("Mulhouse", ["68100", "68200"], "68100", "68", 2),
    ("Nancy", ["54000", "54100"], "54000", "54", 2),
    ("Nîmes", ["30000", "30900"], "30000", "30", 3),
    ("Cannes", ["06400", "06150"], "06400", "06", 4),
    ("Antibes", ["06600", "06160"], "06600", "06", 4),
    ("Saint-Maur-des-Fossés", ["94100", "94210"], "94100", "94", 2),
    ("Saint-Denis", ["93200", "93210"], "93200", "93", 2),
    ("Reims", ["51100"], None, "51", 3), ("Dijon", ["21000"], None, "21", 3),
    ("Brest", ["29200"], None, "29", 2), ("Besançon", ["25000"], None, "25", 2),
    ("Caen", ["14000"], None, "14", 3), ("Avignon", ["84000"], None, "84", 3),
    ("Pau", ["64000"], None, "64", 2), ("La Rochelle", ["17000"], None, "17", 3),
    ("Annecy", ["74000"], None, "74", 4), ("Ajaccio", ["20000", "20090"], "20000", "2A", 2),
    ("Bourg-en-Bresse", ["01000"], None, "01", 2), ("Oyonnax", ["01100"], None, "01", 1),
    ("Ambérieu-en-Bugey", ["01500"], None, "01", 1), ("Laon", ["02000"], None, "02", 1),
    ("Saint-Quentin", ["02100"], None, "02", 1), ("Moulins", ["03000"], None, "03", 1),
    ("Vichy", ["03200"], None, "03", 1), ("Digne-les-Bains", ["04000"], None, "04", 1),
    ("Gap", ["05000"], None, "05", 1), ("Menton", ["06500"], None, "06", 2),
    ("Grasse", ["06130"], None, "06", 2), ("Le Cannet", ["06110"], None, "06", 1),
    ("Cagnes-sur-Mer", ["06800"], None, "06", 2), ("Saint-Laurent-du-Var", ["06700"], None, "06", 1),
    ("Vence", ["06140"], None, "06", 1), ("Villeneuve-Loubet", ["06270"], None, "06", 1),
    ("Privas", ["07000"], None, "07", 1), ("Charleville-Mézières", ["08000"], None, "08", 1),
    ("Foix", ["09000"], None, "09", 1), ("Troyes", ["10000"], None, "10", 2),
    ("Carcassonne", ["11000"], None, "11", 1), ("Narbonne", ["11100"], None, "11", 1),
    ("Rodez", ["12000"], None, "12", 1), ("Saint-Tropez", ["83990"], None, "83", 2),
    ("Sainte-Maxime", ["83120"], None, "83", 2), ("Saint-Raphaël", ["83700"], None, "83", 2),
    ("Fréjus", ["83600"], None, "83", 2), ("Hyères", ["83400"], None, "83", 2),
    ("Draguignan", ["83300"], None, "83", 1), ("Saint-Malo", ["35400"], None, "35", 2),
    ("Saint-Nazaire", ["44600"], None, "44", 2), ("Saint-Brieuc", ["22000"], None, "22", 1),
    ("Saint-Germain-en-Laye", ["78100"], None, "78", 2),
    ("Sainte-Geneviève-des-Bois", ["91700"], None, "91", 1),
    ("Le Puy-en-Velay", ["43000"], None, "43", 1), ("Châlons-en-Champagne", ["51000"], None, "51", 1),
    ("Boulogne-Billancourt", ["92100"], None, "92", 3), ("Neuilly-sur-Seine", ["92200"], None, "92", 2),
    ("Versailles", ["78000"], None, "78", 2), ("Évry-Courcouronnes", ["91000"], None, "91", 1),
    ("Créteil", ["94000"], None, "94", 1), ("Cergy", ["95000"], None, "95", 1),
    ("Vannes", ["56000"], None, "56", 2), ("Lorient", ["56100"], None, "56", 1),
    ("Quimper", ["29000"], None, "29", 1), ("Chambéry", ["73000"], None, "73", 2),
    ("Aix-les-Bains", ["73100"], None, "73", 1), ("Valence", ["26000"], None, "26", 1),
    ("Montélimar", ["26200"], None, "26", 1), ("Bayonne", ["64100"], None, "64", 2),
    ("Biarritz", ["64200"], None, "64", 2), ("Saint-Jean-de-Luz", ["64500"], None, "64", 1),
    ("Arcachon", ["33120"], None, "33", 2), ("Colmar", ["68000"], None, "68", 1),
    ("Poitiers", ["86000"], None, "86", 1), ("Niort", ["79000"], None, "79", 1),
    ("Périgueux", ["24000"], None, "24", 1), ("Agen", ["47000"], None, "47", 1),
    ("Montauban", ["82000"], None, "82", 1), ("Albi", ["81000"], None, "81", 1),
    ("Tarbes", ["65000"], None, "65", 1), ("Mont-de-Marsan", ["40000"], None, "40", 1),
    ("Cahors", ["46000"], None, "46", 1), ("Aurillac", ["15000"], None, "15", 1),
    ("Nevers", ["58000"], None, "58", 1), ("Auxerre", ["89000"], None, "89", 1),
    ("Chartres", ["28000"], None, "28", 1), ("Évreux", ["27000"], None, "27", 1),
    ("Beauvais", ["60000"], None, "60", 1), ("Compiègne", ["60200"], None, "60", 1),
    ("Arras", ["62000"], None, "62", 1), ("Calais", ["62100"], None, "62", 1),
    ("Valenciennes", ["59300"], None, "59", 1), ("Épinal", ["88000"], None, "88", 1),
    ("Belfort", ["90000"], None, "90", 1), ("Mâcon", ["71000"], None, "71", 1),
    ("Chalon-sur-Saône", ["71100"], None, "71", 1), ("Blois", ["41000"], None, "41", 1),
    ("Bourges", ["18000"], None, "18", 1), ("Laval", ["53000"], None, "53", 1),
    ("Cherbourg-en-Cotentin", ["50100"], None, "50", 1), ("Lisieux", ["14100"], None, "14", 1),
    ("Deauville", ["14800"], None, "14", 2), ("Honfleur", ["14600"], None, "14", 1),
    ("Sète", ["34200"], None, "34", 1), ("Béziers", ["34500"], None, "34", 1),
    ("Villeurbanne", ["69100"], None, "69", 3), ("Vénissieux", ["69200"], None, "69", 1),
    ("Annemasse", ["74100"], None, "74", 1), ("Thonon-les-Bains", ["74200"], None, "74", 1),
    ("Les Sables-d'Olonne", ["85100"], None, "85", 2), ("La Roche-sur-Yon", ["85000"], None, "85", 1),
    ("Cholet", ["49300"], None, "49", 1), ("Saumur", ["49400"], None, "49", 1),
    ("L'Isle-Adam", ["95290"], None, "95", 1), ("Saint-Priest", ["69800"], None, "69", 1),
]
# merged communes: current name -> older name still found in files
OLD_NAMES = {"Cherbourg-en-Cotentin": "Cherbourg-Octeville", "Évry-Courcouronnes": "Évry",
             "Charleville-Mézières": "Charleville", "Les Sables-d'Olonne": "Les Sables d'Olonne"}
PHONE_ZONE = {}
for z, ds in {"01": "75 77 78 91 92 93 94 95", "02": "14 18 22 27 28 29 35 36 37 41 44 45 49 50 53 56 61 72 76 85",
              "03": "02 08 10 21 25 39 51 52 54 55 57 58 59 60 62 67 68 70 71 80 88 89 90",
              "04": "01 03 04 05 06 07 11 13 15 2A 2B 26 30 34 38 42 43 48 63 66 69 73 74 83 84",
              "05": "09 12 16 17 19 23 24 31 32 33 40 46 47 64 65 79 81 82 86 87"}.items():
    for d in ds.split():
        PHONE_ZONE[d] = z
SURNAMES = """Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre
Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Mercier Dupont Lambert Bonnet
François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin
Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen Boyer Denis
Lemaire Duval Joly Gautier Roger Roche Roy Noël Meyer Lucas Meunier Pérez Marchand Dufour Blanchard
Barbier Brun Dumas Brunet Schmitt Leroux Colin Fernandez Renard Arnaud Rolland Caron Aubert Giraud
Leclerc Vidal Bourgeois Renaud Lemoine Picard Gaillard Leclercq Lacroix Fabre Dupuis Olivier Rodriguez
Hubert Guillot Rivière Guillaume Adam Rey Moulin Gonzalez Berger Lecomte Ménard Fleury Deschamps
Carpentier Julien Benoît Maillard Marchal Aubry Vasseur Renault Jacquet Collet Prévost Poirier
Charpentier Royer Huet Baron Dupuy Pons Lainé Carré Breton Rémy Schneider Perrot Guyot Barré Marty
Cousin Besson Tessier Bailly Hamon Lebrun Leblanc Millet Texier Delmas Ferrand Pasquier Bouvier Lebon
Weber Laporte Chauvin Boucher Gros Tanguy Hervé Bouchet Cordier Langlois Poulain Jourdan Lejeune Bertin
Gilbert Hoarau Payet Camus Granger Favre Sauvage Leblond Marechal Colas Rossi Bonnin Lemonnier Humbert""".split()
FIRST = """Jean Pierre Michel Philippe Alain Nicolas Christophe Patrick Laurent Stéphane Frédéric Olivier
Thierry Éric Sébastien Julien David Marc Vincent Thomas Antoine Guillaume Maxime Romain Hugo Lucas
Marie Nathalie Isabelle Sylvie Catherine Sandrine Valérie Christine Véronique Céline Sophie Stéphanie
Aurélie Émilie Julie Caroline Camille Laure Claire Anne Élodie Audrey Laetitia Manon Chloé Léa""".split()
FONCTIONS = ["Gérant", "Gérante", "Directeur d'agence", "Directrice d'agence", "Négociateur",
             "Négociatrice", "Assistante", "Agent commercial", "Responsable location",
             "Responsable transaction", "Président", "Co-gérant", "Chargée de clientèle", "Syndic"]
PLACES = ["du Centre", "de la Gare", "du Parc", "du Port", "de la Mairie", "des Halles", "du Marché",
          "de la Place", "du Château", "de l'Église", "du Lac", "des Remparts", "du Théâtre",
          "de la Cathédrale", "des Arts", "du Pont", "de la Poste", "du Val", "des Quais", "de la Plage",
          "du Canal", "de la Tour", "du Moulin", "des Tilleuls", "du Cours", "de la Croix Blanche",
          "de l'Hôtel de Ville", "des Arcades", "du Vieux Port", "du Palais"]
PLACE_PREFIX = ["Agence Immobilière", "Agence", "Immobilière", "Cabinet"]
EVOC = ["Côté Sud", "L'Adresse", "Terre et Pierre", "Clé de Voûte", "Habitat et Patrimoine",
        "Pierre et Sens", "Carré", "Horizon", "Atout", "Cap Ouest", "Azur", "Le Comptoir", "Demeures d'Antan",
        "Au Bon Toit", "Le Toit Bleu", "Passion", "Premier Regard", "Héritage", "La Boîte à Clés",
        "Les Terrasses", "L'Écrin", "Solaris", "Émeraude", "Opale", "Archipel", "Le Cadran", "Le Patio",
        "Belle Pierre", "Plein Ciel", "Grand Angle", "Les Toits de France", "Mon Nid", "Bel Air"]
NUMWORDS = {2: "Deux", 3: "Trois", 4: "Quatre", 5: "Cinq", 7: "Sept", 9: "Neuf", 10: "Dix", 100: "Cent"}
NUMNAMES = [(3, "Les {} Clés"), (4, "Les {} Saisons"), (2, "Les {} Tours"), (5, "Les {} Sens"),
            (7, "Le {}ème Art"), (3, "Les {} Pins"), (4, "Les {} Vents"), (9, "Les {} Arches"),
            (10, "Les {} Portes"), (2, "Les {} Rives"), (100, "Les {} Toits")]
STREET_TYPES = ["rue", "rue", "rue", "avenue", "boulevard", "place", "cours", "allée", "quai", "chemin", "impasse"]
STREETS = ["de la République", "Victor Hugo", "Jean Jaurès", "du Général de Gaulle", "Gambetta", "Pasteur",
           "de la Liberté", "Carnot", "Foch", "Saint-Jean", "Saint-Michel", "Sainte-Catherine", "Nationale",
           "de Verdun", "des Lilas", "du Commerce", "Émile Zola", "Thiers", "Voltaire", "de Paris",
           "du Maréchal Leclerc", "Jules Ferry", "de la Paix", "Aristide Briand", "Lamartine", "des Écoles",
           "du 8 Mai 1945", "du 11 Novembre", "de Strasbourg", "de la Gare", "Louis Pasteur", "Molière",
           "Saint-Louis", "Sainte-Anne", "des Acacias", "Anatole France", "du Marché", "Clemenceau",
           "Paul Doumer", "de Lattre de Tassigny", "Saint-Pierre", "de Bretagne", "des Jardins"]
BUILDINGS = ["Résidence Le Mercure", "Immeuble Le Forum", "Le Central", "Résidence Les Jardins",
             "Immeuble Horizon", "Les Portes du Sud", "Centre commercial Les Arcades", "Galerie Saint-Pierre",
             "Le Carré d'Or", "Espace Europa", "Le Triangle", "Résidence du Parc"]
ZONES = ["des Pins", "du Moulin", "de la Plaine", "des Chênes", "Nord", "Sud", "de l'Aérodrome", "Les Bruyères"]
LIEUXDITS = ["Le Bourg", "Les Granges", "La Croix", "Le Moulin Neuf", "Les Vignes", "La Garenne", "Le Pré Vert"]
FRANCHISES = [("Orpi", "orpi.com"), ("Century 21", "century21.fr"), ("Laforêt", "laforet.com"),
              ("Guy Hoquet", "guy-hoquet.com"), ("ERA", "erafrance.com"), ("Nestenn", "nestenn.com"),
              ("Stéphane Plaza Immobilier", "stephaneplazaimmobilier.com"), ("Square Habitat", "squarehabitat.fr")]
WEBMAIL = ["gmail.com", "orange.fr", "wanadoo.fr", "free.fr", "hotmail.fr", "sfr.fr", "laposte.net", "yahoo.fr"]


def strip_acc(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def slug(s, sep="-"):
    s = strip_acc(s).lower().replace("'", " ").replace("&", " ")
    return sep.join(w for w in re.split(r"[^a-z0-9]+", s) if w)


def luhn_ok(d):
    t = 0
    for i, c in enumerate(reversed(d)):
        x = int(c) * (2 if i % 2 else 1)
        t += x - 9 if x > 9 else x
    return t % 10 == 0


def luhn_complete(prefix):
    for c in "0123456789":
        if luhn_ok(prefix + c):
            return prefix + c


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.used_phone, self.used_siren, self.used_dom = set(), set(), set()
        self.used_core = set()
        self.used_rs = set()
        self.town_w = [t[4] for t in TOWNS]

    # ---------------------------------------------------------------- identifiers
    def siren(self):
        r = self.r
        while True:
            s = luhn_complete(str(r.choice([3, 4, 5, 7, 8])) + "".join(r.choice("0123456789") for _ in range(7)))
            if s not in self.used_siren:
                self.used_siren.add(s)
                return s

    def siret(self, siren):
        return luhn_complete(siren + f"{self.r.choice([1, 1, 1, 2, 3, 4, 5, 6, 7]):03d}" + str(self.r.randint(0, 9)))

    def phone(self, zone, near=None):
        r = self.r
        while True:
            if near:
                p = near[:-2] + f"{r.randint(0, 99):02d}"
            elif zone == "07":
                p = "07" + str(r.randint(3, 9)) + "".join(r.choice("0123456789") for _ in range(7))
            else:
                p = zone + "".join(r.choice("0123456789") for _ in range(8))
                if p[2] == "0":
                    continue
            if p not in self.used_phone:
                self.used_phone.add(p)
                return p

    def domain(self, base, tld=".fr"):
        r = self.r
        d = base + tld
        while d in self.used_dom:
            base = base + r.choice(["-immo", "-immobilier", str(r.randint(1, 99)), "-agence", "-conseil"])
            d = base + tld
        self.used_dom.add(d)
        return d

    # ---------------------------------------------------------------- agency
    def new_name(self, town, kind=None, force_core=None):
        """trade name spec: dict(kind, core, canonical, parts)"""
        r = self.r
        for it in range(400):
            if it == 40:
                kind = None
            k = kind or (r.choices(["two", "surname"], [3, 1])[0] if it > 150 else None) or r.choices(["surname", "two", "place", "evoc", "num", "town"], [30, 14, 22, 16, 8, 10])[0]
            if k == "surname":
                s = r.choice(SURNAMES)
                form = r.choice(["{} Immobilier", "Agence Immobilière {}", "Cabinet {}", "Immobilière {}", "{} Immo"])
                spec = dict(kind=k, core=s, canonical=form.format(s), s=s, form=form)
            elif k == "two":
                a, b = r.sample(SURNAMES, 2)
                conn = r.choice([" & ", " et ", "-"])
                suf = r.choice([" Immobilier", "", " Immobilier", " Conseil"])
                pre = "Cabinet " if not suf and r.random() < .6 else ""
                spec = dict(kind=k, core=f"{a}|{b}", canonical=f"{pre}{a}{conn}{b}{suf}", a=a, b=b, conn=conn,
                            suf=suf, pre=pre)
            elif k == "place":
                pl = r.choice(PLACES)
                pre = r.choice(PLACE_PREFIX)
                spec = dict(kind=k, core=pl, canonical=f"{pre} {pl}", pre=pre, place=pl)
            elif k == "evoc":
                e = r.choice(EVOC)
                suf = r.choice([" Immobilier", " Immobilier", " Immo", " Immobilière"])
                spec = dict(kind=k, core=e, canonical=e + suf, e=e, suf=suf)
            elif k == "num":
                n, f = r.choice(NUMNAMES)
                suf = r.choice([" Immobilier", "", " Immo"])
                spec = dict(kind=k, core=f.format(n), canonical=f.format(n) + suf, n=n, f=f, suf=suf)
            else:  # town-based
                t = town[0]
                form = r.choice(["{} Immobilier", "Immobilière de {}", "{} Immo", "Agence de {}"])
                if form.startswith("Immobilière de") and t[0] in "AEIOUÉ":
                    form = "Immobilière d'{}"
                spec = dict(kind="town", core="town", canonical=form.format(t), form=form, t=t)
            if force_core:
                return spec
            key = (town[0], spec["core"])
            if key not in self.used_core:
                self.used_core.add(key)
                return spec
        raise RuntimeError("no name")

    def legal_name(self, ens, manager):
        """raison sociale; often differs from the trade name"""
        r = self.r
        lf = r.choice(["SARL", "SARL", "SAS", "SAS", "EURL", "SASU", "SNC"])
        up = lambda s: strip_acc(s).upper() if r.random() < .7 else s.upper()
        x = r.random()
        if x < .40:
            base = up(ens["canonical"])
            differs = False
        elif x < .55:
            base = up(r.choice(["Financière ", "Holding ", "Groupe ", "Société "]) + manager[1])
            differs = True
        elif x < .67:
            ini = manager[0][0] + manager[1][0] + r.choice("ABCDEFGHJLMPRST")
            base = up(r.choice([ini + " Immo", ini + " Invest", ".".join(ini) + ".", ini + " Transactions"]))
            differs = True
        elif x < .77:
            base = up(f"{manager[0]} {manager[1]} " + r.choice(["Conseil", "Immobilier", "Transactions"]))
            differs = True
        elif x < .87:
            base = up("Cap " + r.choice(["Transactions", "Patrimoine", "Habitat", "Invest", "Horizon"]) + " "
                      + r.choice(["Sud", "Nord", "Ouest", "Est", "Conseil", "Immo"]))
            differs = True
        else:
            if ens["kind"] == "place" and ens["pre"] == "Agence Immobilière":
                base = ".".join(acronym(ens)) + "."
            else:
                base = up(ens["canonical"]) + r.choice([" ET ASSOCIES", " GESTION", " TRANSACTIONS"])
            differs = True
        if differs or r.random() < .8:
            base = f"{lf} {base}" if r.random() < .7 else f"{base} {lf}"
        return base, differs

    def agency(self, aid, town=None, spec=None, cp=None, addr=None, phone=None, dom_hint=None):
        r = self.r
        town = town or r.choices(TOWNS, self.town_w)[0]
        cp = cp or r.choice(town[1])
        zone = PHONE_ZONE[town[3]]
        manager = (r.choice(FIRST), r.choice(SURNAMES))
        spec = spec or self.new_name(town)
        if spec["kind"] == "surname" and r.random() < .7:
            manager = (manager[0], spec["s"])
        for _ in range(50):
            rs, differs = self.legal_name(spec, manager)
            rkey = (town[0], re.sub(r"\b(SARL|SAS|SASU|EURL|SNC)\b", "", strip_acc(rs).upper()).strip())
            if rkey not in self.used_rs:
                break
            manager = (r.choice(FIRST), r.choice(SURNAMES))
        self.used_rs.add(rkey)
        siren = self.siren()
        a = dict(id=aid, town=town, cp=cp, spec=spec, ens=spec["canonical"], rs=rs, rs_differs=differs,
                 siren=siren, siret=self.siret(siren), manager=manager)
        if addr is None:
            num = r.randint(1, 180)
            bis = r.choice(["bis", "ter"]) if r.random() < .10 else ""
            addr = dict(num=num, bis=bis, type=r.choice(STREET_TYPES), street=r.choice(STREETS), extra=None)
            x = r.random()
            if x < .10:
                addr["extra"] = ("building", r.choice(BUILDINGS))
            elif x < .16:
                addr["extra"] = ("bp", r.choice(["BP", "CS"]) + " " + (str(r.randint(10, 999)) if r.random() < .5
                                                                      else str(r.randint(10000, 90000))))
            elif x < .21 and len(town[1]) == 1:
                addr["extra"] = ("zone", r.choice(["ZA", "ZI", "ZAC"]) + " " + r.choice(ZONES))
            elif x < .24 and len(town[1]) == 1:
                addr = dict(num=None, bis="", type=None, street=None, extra=("lieudit", r.choice(LIEUXDITS)))
        a["addr"] = addr
        a["phone"] = phone or self.phone(zone)
        a["fax"] = self.phone(zone, near=a["phone"]) if r.random() < .35 else None
        a["mobile"] = self.phone(r.choice(["06", "07"])) if r.random() < .5 else None
        if dom_hint is not None:
            a["domain"] = dom_hint
        elif r.random() < .8:
            base = slug(spec["canonical"], r.choice(["-", ""]))
            if spec["kind"] in ("place", "evoc", "num") or r.random() < .3:
                base += r.choice(["-" + slug(town[0]), slug(town[0], ""), town[3]])
            a["domain"] = self.domain(base[:40].rstrip("-"), r.choice([".fr", ".fr", ".com", ".immo"]))
        else:
            a["domain"] = None
        if a["domain"]:
            a["email"] = r.choice(["contact", "contact", "agence", "info", "accueil", slug(town[0])]) + "@" + a["domain"]
            a["web"] = "www." + a["domain"]
        else:  # webmail box used as the agency address, no website
            while True:
                e = slug(spec["canonical"], r.choice([".", "", "-"]))[:30] + r.choice(["", "", str(r.randint(1, 99))]) \
                    + "@" + r.choice(WEBMAIL)
                if e not in self.used_dom:
                    break
                spec_town = slug(town[0], "")
                e = slug(spec["canonical"], "")[:24] + "." + spec_town[:12] + "@" + r.choice(WEBMAIL)
                if e not in self.used_dom:
                    break
            self.used_dom.add(e)
            a["email"] = e
            a["web"] = None
        while True:
            pe = slug(manager[0], "") + r.choice([".", "", "_"]) + slug(manager[1], "") + \
                r.choice(["", "", str(r.randint(1, 99)), str(r.randint(1, 99))]) + "@" + r.choice(WEBMAIL[:5])
            if pe not in self.used_dom:
                break
        self.used_dom.add(pe)
        a["personal"] = pe
        cs = [(manager[0], manager[1], r.choice(["Gérant", "Gérante", "Président", "Directeur d'agence", "Co-gérant"]))]
        for _ in range(r.choice([0, 1, 1, 2, 3])):
            cs.append((r.choice(FIRST), r.choice(SURNAMES), r.choice(FONCTIONS)))
        a["contacts"] = cs
        a["annonces"] = r.randint(0, 250)
        a["group"] = None
        return a


def acronym(spec):
    # "Agence Immobilière du Centre" -> A I C ; "Agence Immobilière de l'Hôtel de Ville" -> A I H V
    words = (spec["pre"] + " " + spec["place"]).replace("'", " ").split()
    stop = {"du", "de", "la", "le", "l", "des", "d"}
    return [strip_acc(w)[0].upper() for w in words if w.lower() not in stop]


# ----------------------------------------------------------------------------- renderers
class Row:
    def __init__(self):
        self.f = {}
        self.tags = []
        self.ev = []


def render_trade(g, a, row):
    """trade name of the agency, in one of its realistic spellings"""
    r, sp = g.r, a["spec"]
    k = sp["kind"]
    name = sp["canonical"]
    if a.get("franchise"):
        br = a["franchise"]
        x = r.random()
        if x < .15:
            row.tags.append("franchise_suffix_only"); return a["fsuffix"]
        if x < .3:
            row.tags.append("franchise_order"); return f"{a['fsuffix']} - {br}"
        return name
    if r.random() < .55:
        return name
    if k == "surname":
        forms = ["{} Immobilier", "Agence Immobilière {}", "Cabinet {}", "Immobilière {}", "{} Immo",
                 "Agence {}", "{} Immobilière", "Immobilier {}"]
        f = r.choice([x for x in forms if x != sp["form"]])
        row.tags.append("immo_form"); return f.format(sp["s"])
    if k == "two":
        x = r.random()
        conn = r.choice([c for c in [" & ", " et ", "-", " "] if c != sp["conn"]])
        if x < .15:
            row.tags.append("order_swap"); return f"{sp['pre']}{sp['b']}{sp['conn']}{sp['a']}{sp['suf']}"
        if x < .6:
            row.tags.append("connector"); return f"{sp['pre']}{sp['a']}{conn}{sp['b']}{sp['suf']}"
        row.tags.append("immo_form")
        return f"{sp['a']}{conn}{sp['b']}" + r.choice([" Immobilier", " Immo", "", " Immobilière"]) \
            if not sp["pre"] else f"{sp['a']}{sp['conn']}{sp['b']} Immobilier"
    if k == "place":
        if sp["pre"] == "Agence Immobilière":
            ac = acronym(sp)
            x = r.random()
            if x < .5:
                row.tags.append("acronym")
                return r.choice(["".join(ac), ".".join(ac) + ".", "".join(ac) + " Immobilier", ".".join(ac) + ". Immo",
                                 "".join(ac) + " Immo"])
            if x < .8:
                row.tags.append("immo_form"); return "Agence " + sp["place"]
            row.tags.append("article"); return "L'Agence Immobilière " + sp["place"]
        if sp["pre"] == "Agence":
            row.tags.append("article"); return "L'Agence " + sp["place"]
        row.tags.append("immo_form")
        if sp["pre"] == "Immobilière":
            return r.choice(["L'Immobilière ", "Immo "]) + sp["place"]
        return "Cabinet Immobilier " + sp["place"]
    if k == "evoc":
        e = sp["e"]
        x = r.random()
        if x < .5:
            row.tags.append("immo_form")
            return e + r.choice([s for s in [" Immobilier", " Immo", " Immobilière", "", " Immobilier & Conseil"]
                                 if s != sp["suf"]])
        if x < .7:
            row.tags.append("immo_form"); return "Agence " + e
        if " et " in e:
            row.tags.append("connector"); return e.replace(" et ", " & ") + sp["suf"]
        row.tags.append("immo_form"); return "Immobilier " + e if not e.startswith(("L", "Le ", "La ")) else e + " Immobilier"
    if k == "num":
        row.tags.append("numword")
        core = sp["f"].format(NUMWORDS[sp["n"]])
        return core + r.choice([sp["suf"], sp["suf"], " Immobilier", ""])
    if k == "town":
        t = sp["t"]
        if t.startswith(("Saint-", "Sainte-")):
            row.tags.append("st_ste_name")
            return sp["form"].format(t.replace("Sainte-", "Ste ").replace("Saint-", "St ").replace("-", " "))
        row.tags.append("immo_form")
        return r.choice(["Agence Immobilière de {}", "{} Immobilier", "Immo {}", "{} Immobilière"]).format(t)
    return name


def render_case(g, s):
    x = g.r.random()
    if x < .25:
        return strip_acc(s).upper()
    return s


def render_phone(g, p, row, kind="phone", a=None):
    r = g.r
    sp = " ".join(p[i:i + 2] for i in range(0, 10, 2))
    base = r.choice([sp, sp, p, ".".join(p[i:i + 2] for i in range(0, 10, 2))])
    x = r.random()
    if x < .10 and kind != "mobile":
        row.tags.append("phone_ext")
        e = str(r.randint(10, 250))
        return base + r.choice([f" poste {e}", f" p.{e}", f" (poste {e})", f" ext. {e}", f" - poste {e}", f" P{e}"])
    if x < .20:
        row.tags.append("phone_plus33_0")
        return r.choice(["+33 (0)" + " ".join([p[1]] + [p[i:i + 2] for i in range(2, 10, 2)]),
                         "+33 (0) " + p[1:], "+33(0)" + p[1:], "0033 " + " ".join([p[1]] + [p[i:i + 2] for i in range(2, 10, 2)])])
    if x < .28:
        row.tags.append("phone_glued")
        lab = "Port" if kind == "mobile" else r.choice(["Tél", "Tel", "Standard", "T", "Tél."])
        return lab + r.choice([":", " :", "", " "] + ([] if lab.endswith(".") else ["."])) + r.choice([p, sp])
    if x < .36 and kind == "phone" and a and a["fax"]:
        f = a["fax"]; fs = " ".join(f[i:i + 2] for i in range(0, 10, 2))
        row.tags.append("fax_in_cell")
        row.ev.append("fax:" + f)
        return r.choice([f"Tél {sp} - Fax {fs}", f"{sp} / {fs} (fax)", f"Fax : {fs} - Tél : {sp}",
                         f"T. {sp} F. {fs}", f"{sp} Fax:{f}"])
    return base


def render_email(g, a, row, contact):
    r = g.r
    e = a["email"]
    x = r.random()
    ev = [e]
    if x < .10:
        row.tags.append("email_obfuscated")
        u, d = e.split("@")
        out = r.choice([f"{u}[at]{d}", f"{u} (at) {d.replace('.', ' (dot) ')}", f"{u} @ {d}", f"{u}(arobase){d}",
                        f"{u} [@] {d}"])
    elif x < .16:
        row.tags.append("email_mailto"); out = "mailto:" + e
    elif x < .28 and a.get("group") != "parent_sub":
        row.tags.append("email_multi")
        other = a["personal"] if not a["domain"] else r.choice(["location", "gestion", "transaction", "compta", "syndic"]) + "@" + a["domain"]
        ev.append(other)
        out = r.choice([f"{e}; {other}", f"{e}, {other}", f"{e} / {other}", f"{other} ; {e}", f"{e} {other}"])
    elif x < .40:
        row.tags.append("email_personal_manager")
        ev = [a["personal"]]; out = a["personal"]
    elif x < .52 and contact and a["domain"]:
        row.tags.append("email_contact_person")
        f, l = slug(contact[0], ""), slug(contact[1], "")
        ev = [r.choice([f"{f[0]}.{l}", f"{f}.{l}", f"{f}", f"{l}"]) + "@" + a["domain"]]
        out = ev[0]
    else:
        out = e
    for v in ev:
        row.ev.append("email:" + v)
    if a["domain"] and any(v.endswith("@" + a["domain"]) for v in ev):
        row.ev.append("domain:" + a["domain"])
    return out


def render_web(g, a, row):
    r = g.r
    d = a["domain"]
    if a.get("franchise"):
        row.ev.append("web:" + a["fweb"])
        x = r.random()
        if x < .5:
            row.tags.append("web_franchise_path"); return "https://www." + a["fweb"]
        return "www." + a["fweb"]
    row.ev.append("domain:" + d)
    row.ev.append("web:" + d)
    x = r.random()
    if x < .45:
        return r.choice(["www." + d, "http://www." + d, "https://www." + d, "https://www." + d + "/"])
    if x < .65:
        row.tags.append("web_path")
        return r.choice(["http://", "https://", ""]) + "www." + d + r.choice(
            ["/index.php", "/fr/", "/fr/accueil.html", "/index.html", "/agence", "/#contact", "/accueil"])
    if x < .78:
        row.tags.append("web_query")
        return "https://www." + d + r.choice(["/?utm_source=google&utm_medium=cpc", "/?ref=pagesjaunes",
                                               "/index.php?lang=fr", "/?gclid=EAIaIQobChMI8"])
    if x < .90:
        row.tags.append("web_no_www"); return r.choice(["http://", "https://", ""]) + d
    row.tags.append("web_subdomain")
    return r.choice(["https://", "http://", ""]) + r.choice(["agence", "immobilier", slug(a["town"][0], ""), "m", "fr"]) + "." + d


def render_addr(g, a, row):
    r = g.r
    ad = a["addr"]
    ex = ad["extra"]
    if ad["street"] is None:  # lieu-dit only
        row.tags.append("addr_lieudit")
        return r.choice(["Lieu-dit ", "Lieudit ", "", "LD "]) + ex[1]
    num = str(ad["num"])
    if ad["bis"]:
        row.tags.append("addr_bis_ter")
        num = r.choice([f"{num} {ad['bis']}", f"{num}{ad['bis']}", f"{num} {ad['bis'][0].upper()}",
                        f"{num}{ad['bis'][0].upper()}", f"{num} {ad['bis'].upper()}"])
    street = f"{num} {ad['type']} {ad['street']}"
    if r.random() < .12 and ("Saint-" in ad["street"] or "Sainte-" in ad["street"]):
        row.tags.append("st_ste_street")
        street = street.replace("Sainte-", "Ste ").replace("Saint-", "St ")
    if ex:
        if ex[0] == "building":
            if r.random() < .6:
                row.tags.append("addr_building")
                street = r.choice([f"{ex[1]}, {street}", f"{street} - {ex[1]}", f"{ex[1]} {street}",
                                   f"{street}, {ex[1]}, Bât. {r.choice('ABC')}"])
        elif ex[0] == "bp":
            y = r.random()
            if y < .4:
                row.tags.append("addr_bp_cs"); street = r.choice([f"{street} {ex[1]}", f"{street} - {ex[1]}", f"{ex[1]} - {street}"])
            elif y < .55:
                row.tags.append("addr_bp_only"); return ex[1]
        elif ex[0] == "zone":
            if r.random() < .6:
                row.tags.append("addr_zone")
                z = ex[1].replace("ZA ", r.choice(["ZA ", "Zone Artisanale ", "Z.A. "])).replace(
                    "ZI ", r.choice(["ZI ", "Zone Industrielle ", "Z.I. "]))
                street = r.choice([f"{z}, {street}", f"{street} {z}", f"{street} - {z}"])
    row.ev.append("addr:" + a["id_addr"])
    return street


def render_town(g, a, row):
    r = g.r
    t = a["town"][0]
    x = r.random()
    if x < .10 and ("-" in t or " " in t or "'" in t):
        row.tags.append("town_upper_nohyphen"); return strip_acc(t).upper().replace("-", " ").replace("'", " ")
    if x < .25 and t.startswith(("Saint-", "Sainte-", "Saint ", "Sainte ")) or (x < .25 and ("-Saint-" in t)):
        row.tags.append("st_ste_town")
        s = t.replace("Sainte-", "Ste-").replace("Saint-", "St-")
        return r.choice([s, s.replace("-", " "), strip_acc(s).upper().replace("-", " ")])
    if x < .35 and t in OLD_NAMES:
        row.tags.append("town_old_name"); return OLD_NAMES[t]
    return render_case(g, t) if r.random() < .5 else t


def render_cp(g, a, row):
    r = g.r
    cp = a["cp"]
    main = a["town"][2]
    x = r.random()
    if main and x < .2 and not a.get("group"):
        if main in a["town"][1]:
            row.tags.append("cp_main_real")
        else:
            row.tags.append("cp_main_generic")
        return main
    if cp.startswith("0") and x < .45:
        row.tags.append("cp_lost_zero"); return cp[1:]
    return cp


def render_siren_col(g, a, row):
    r = g.r
    s = a["siren"]
    x = r.random()
    row.ev.append("siren:" + s)
    if x < .4:
        row.tags.append("rcs")
        t = strip_acc(a["town"][0]).upper() if r.random() < .5 else a["town"][0]
        ss = f"{s[:3]} {s[3:6]} {s[6:]}" if r.random() < .6 else s
        return r.choice([f"RCS {t} {ss}", f"{ss} RCS {t}", f"RCS {t} B {ss}", f"{ss} R.C.S. {t}"])
    if x < .6:
        row.tags.append("tva")
        key = (12 + 3 * (int(s) % 97)) % 97
        return r.choice([f"FR{key:02d}{s}", f"FR {key:02d} {s}", f"FR{key:02d} {s[:3]} {s[3:6]} {s[6:]}"])
    return s


# ----------------------------------------------------------------------------- rows
HEAD = ["Raison sociale", "Enseigne", "SIRET", "SIREN", "Adresse", "Code postal", "Ville", "Téléphone", "Portable",
        "E-mail", "Site web", "Prénom", "Nom du contact", "Fonction", "Nb annonces"]


def make_row(g, a, strict=False):
    r = g.r
    row = Row()
    f = row.f
    # -- contact / CRM profile
    contact = r.choice(a["contacts"]) if r.random() < .6 else None
    crm = contact is not None and r.random() < .35
    if crm:
        row.tags.append("crm_contact_row")
    if contact:
        f["Prénom"], f["Nom du contact"] = contact[0], render_case(g, contact[1])
        if r.random() < .7:
            f["Fonction"] = contact[2]
    # -- names
    x = r.random()
    if a.get("group") == "parent_sub":  # the distinguishing words must be shown
        x = .2 if x < .5 else .5
    if x < .35:
        role = "both"
    elif x < .62:
        role = "ens_only"
    elif x < .80:
        role = "rs_only"
    elif x < .90:
        role = "swapped"
    else:
        role = "combined"
    trade = ""
    if role != "rs_only":
        trade = render_trade(g, a, row)
        if r.random() < .2:
            trade = render_case(g, trade)
    rs = a["rs"]
    if role == "both":
        f["Raison sociale"], f["Enseigne"] = rs, trade
    elif role == "ens_only":
        f["Enseigne"] = trade; row.tags.append("ens_only")
    elif role == "rs_only":
        f["Raison sociale"] = rs; row.tags.append("rs_only_diff" if a["rs_differs"] else "rs_only_same")
    elif role == "swapped":
        f["Raison sociale"], f["Enseigne"] = trade, rs; row.tags.append("names_swapped")
    else:
        f["Raison sociale"] = r.choice([f"{rs} - {trade}", f"{trade} ({rs})", f"{rs} / {trade}", f"{trade} - {rs}"])
        row.tags.append("names_combined")
    if role != "rs_only":
        row.ev.append("ens:" + a["id"])
    if role != "ens_only" or not a["rs_differs"]:
        row.ev.append("rs:" + a["id"])
    # -- identifiers
    p = lambda v: r.random() < v
    k = .45 if crm else 1.0
    if p(.30 * k):
        s = a["siret"]
        if p(.03):
            row.tags.append("siret_excel_sci")
            f["SIRET"] = f"{int(s[0])},{s[1:5]}E+13"
        else:
            f["SIRET"] = s if p(.8) else r.choice([f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}", f"SIRET {s}", f"Siret : {s}"])
            if not f["SIRET"].replace(" ", "").isdigit():
                row.tags.append("siret_label")
            row.ev.append("siret:" + s); row.ev.append("siren:" + s[:9])
    elif p(.12 * k):
        f["SIREN"] = render_siren_col(g, a, row)
    has_addr = p(.65 * k) or strict
    if has_addr:
        f["Adresse"] = render_addr(g, a, row)
    if p(.85) or strict:
        f["Code postal"] = render_cp(g, a, row)
        row.ev.append("cp:" + a["cp"])
    if p(.95) or strict:
        f["Ville"] = render_town(g, a, row)
    if p(.7):
        if p(.06) and a["fax"] and not crm:
            row.tags.append("fax_as_phone")
            f["Téléphone"] = render_phone(g, a["fax"], row, "fax")
            row.ev.append("fax:" + a["fax"])
        elif p(.08) and a["mobile"]:
            row.tags.append("mobile_in_phone_col")
            f["Téléphone"] = render_phone(g, a["mobile"], row, "mobile")
            row.ev.append("phone:" + a["mobile"])
        else:
            f["Téléphone"] = render_phone(g, a["phone"], row, "phone", a)
            row.ev.append("phone:" + a["phone"])
            if a.get("group") == "parent_sub":
                row.tags.append("shared_switchboard")
    if a["mobile"] and p(.25) and "Téléphone" not in f or (a["mobile"] and p(.1)):
        if "phone:" + a["mobile"] not in row.ev:
            f["Portable"] = render_phone(g, a["mobile"], row, "mobile")
            row.ev.append("phone:" + a["mobile"])
    if p(.6):
        f["E-mail"] = render_email(g, a, row, contact)
    if a["web"] and p(.4 * k) or a.get("franchise") and p(.4):
        f["Site web"] = render_web(g, a, row)
    if p(.6):
        f["Nb annonces"] = str(max(0, a["annonces"] + r.randint(-20, 20)))
    if strict and not any(e.startswith(("phone:", "siret:", "siren:", "email:")) for e in row.ev):
        f["Téléphone"] = render_phone(g, a["phone"], row, "phone", a)
        row.ev.append("phone:" + a["phone"])
    row.ev = sorted(set(row.ev))
    return row


def invalid_row(g):
    r = g.r
    row = Row()
    f = row.f
    kind = r.choice(["contact_only", "town_only", "placeholders", "annonces_only", "function_only"])
    t = r.choice(TOWNS)
    if kind == "contact_only":
        f["Prénom"], f["Nom du contact"] = r.choice(FIRST), r.choice(SURNAMES)
        if r.random() < .5:
            f["Fonction"] = r.choice(FONCTIONS)
    elif kind == "town_only":
        f["Code postal"], f["Ville"] = r.choice(t[1]), t[0]
    elif kind == "placeholders":
        f["Raison sociale"] = r.choice(["N/A", "-", "?", "Inconnu", "NC", "(vide)", "xxx"])
        f["Téléphone"] = r.choice(["00 00 00 00 00", "NC", "-", "non communiqué"])
        f["E-mail"] = r.choice(["non communiqué", "-", "pas d'email", "N/A"])
        f["Ville"] = t[0]
    elif kind == "annonces_only":
        f["Nb annonces"] = str(r.randint(0, 99)); f["Ville"] = t[0]
    else:
        f["Fonction"] = r.choice(FONCTIONS); f["Code postal"] = r.choice(t[1])
    row.tags = ["invalid_" + kind]
    return row


def main():
    n, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    g = Gen(seed)
    r = g.r
    ags = []
    big = [t for t in TOWNS if len(t[1]) >= 3]

    def nid():
        return f"A{len(ags) + 1:06d}"

    while len(ags) < n:
        x = r.random()
        if x < .04 and n - len(ags) >= 2:  # same common name, same large city, different quarters
            t = r.choice(big)
            cps = r.sample(t[1], 2)
            spec = g.new_name(t, kind=r.choice(["place", "place", "surname", "evoc"]))
            gid = "G" + nid()
            for cp in cps:
                a = g.agency(nid(), town=t, spec=spec, cp=cp); a["group"] = "same_name_city"; a["gid"] = gid; ags.append(a)
        elif x < .07 and n - len(ags) >= 2:  # franchise: two agencies of one network in one city
            t = r.choice(big)
            br, fd = r.choice(FRANCHISES)
            gid = "G" + nid()
            avail = [s for s in ["Centre", "Gare", "Saint-Jean", "Les Halles", "République", "Jean Jaurès", "Port",
                                 "Rive Gauche", "Rive Droite", "Cathédrale", "Carnot", "Nord", "Sud"]
                     if (t[0], br + s) not in g.used_core]
            if len(avail) < 2:
                continue
            sufs = r.sample([s for s in ["Centre", "Gare", "Saint-Jean", "Les Halles", "République", "Jean Jaurès", "Port",
                             "Rive Gauche", "Rive Droite", "Cathédrale", "Carnot", "Nord", "Sud"]
                              if (t[0], br + s) not in g.used_core], 2)
            g.used_core.update((t[0], br + s) for s in sufs)
            cps = r.sample(t[1], 2)
            for s, cp in zip(sufs, cps):
                spec = dict(kind="franchise", core=br + s, canonical=f"{br} {s}")
                a = g.agency(nid(), town=t, spec=spec, cp=cp, dom_hint=None)
                a["franchise"], a["fsuffix"] = br, s
                loc = slug(t[0], "") + "." + slug(s, "")
                a["domain"] = None
                a["email"] = r.choice([f"{loc}@{fd}", f"{slug(s, '')}.{slug(t[0], '')}@{fd}", f"agence.{slug(s, '')}@{fd}"])
                a["web"] = None
                a["fweb"] = f"{fd}/agence/{slug(br)}-{slug(s)}-{slug(t[0])}"
                a["group"] = "franchise_city"; a["gid"] = gid; ags.append(a)
        elif x < .09 and n - len(ags) >= 2:  # parent (syndic/gestion) and subsidiary (transaction): one switchboard
            t = r.choices(TOWNS, g.town_w)[0]
            s = r.choice(SURNAMES)
            if (t[0], "grp" + s) in g.used_core:
                continue
            g.used_core.add((t[0], "grp" + s))
            gid = "G" + nid()
            phone = g.phone(PHONE_ZONE[t[3]])
            i1 = nid(); i2 = f"A{len(ags) + 2:06d}"
            a1 = g.agency(i1, town=t, spec=dict(kind="parent", core=s + " Gestion", canonical=f"Cabinet {s} Gestion"),
                          phone=phone)
            a1["rs"], a1["rs_differs"] = f"SAS {strip_acc(s).upper()} GESTION SYNDIC", True
            a2 = g.agency(i2, town=t, spec=dict(kind="sub", core=s + " Transaction", canonical=f"{s} Transactions"),
                          cp=a1["cp"], addr=a1["addr"], phone=phone)
            a2["rs"], a2["rs_differs"] = f"SARL {strip_acc(s).upper()} TRANSACTIONS", True
            d = a1["domain"] or g.domain(slug("cabinet " + s), ".fr")
            for a, box in ((a1, r.choice(["gestion", "syndic"])), (a2, r.choice(["transaction", "vente"]))):
                a["domain"], a["web"], a["email"] = None, None, f"{box}@{d}"
                a["group"] = "parent_sub"; a["gid"] = gid; ags.append(a)
            a1["web"], a1["domain"] = "www." + d, d
        elif x < .11 and n - len(ags) >= 2:  # neighbours: two agencies in one building
            t = r.choices(TOWNS, g.town_w)[0]
            a1 = g.agency(nid(), town=t)
            if not a1["addr"]["street"]:
                a1["addr"] = dict(num=r.randint(1, 99), bis="", type="place", street="de la République", extra=None)
            a1["addr"]["extra"] = ("building", r.choice(BUILDINGS))
            gid = "G" + nid()
            a1["group"] = "neighbours"; a1["gid"] = gid; ags.append(a1)
            a2 = g.agency(nid(), town=t, cp=a1["cp"], addr=a1["addr"])
            a2["group"] = "neighbours"; a2["gid"] = gid; ags.append(a2)
        else:
            a = g.agency(nid()); a["gid"] = None; ags.append(a)
    ags = ags[:n]
    addr_ids = {}
    for a in ags:
        ad = a["addr"]
        key = (a["cp"], ad["num"], ad["bis"], ad["street"], ad["extra"] if ad["street"] is None else None)
        a["id_addr"] = addr_ids.setdefault(key, f"X{len(addr_ids)}")

    rows = []
    for a in ags:
        k = r.choices([1, 2, 3, 4], [35, 35, 20, 10])[0]
        for _ in range(k):
            row = make_row(g, a, strict=bool(a.get("group")))
            row.truth = a["id"]
            row.meta = dict(a=f"{a['id']} {a['ens']} / {a['rs']} ({a['town'][0]} {a['cp']})", gid=a["gid"] or a["id"],
                            g=a["group"] or "", name=slug(a["ens"]), core=slug(str(a["spec"]["core"])), cp=a["cp"],
                            addr=a["id_addr"], dept=a["town"][3], contact="")
            rows.append(row)
    ninv = max(1, round(len(rows) * 0.02))
    for _ in range(ninv):
        row = invalid_row(g)
        row.truth = "invalid"
        row.meta = dict(a="invalid", gid="invalid", g="", name="", core="", cp="", addr="", dept="", contact="")
        rows.append(row)
    r.shuffle(rows)
    with open(out, "w", encoding="utf-8", newline="") as fo, open(out.rsplit(".", 1)[0] + ".truth", "w") as ft, \
            open(out.rsplit(".", 1)[0] + ".tags", "w", encoding="utf-8") as fg:
        fo.write(";".join(HEAD) + "\n")
        for row in rows:
            vals = [row.f.get(h, "") for h in HEAD]
            for v in vals:
                assert ";" not in v or True
            fo.write(";".join(q(v) for v in vals) + "\n")
            ft.write(row.truth + "\n")
            m = dict(row.meta); m["tags"] = sorted(set(row.tags)); m["ev"] = row.ev
            fg.write(json.dumps(m, ensure_ascii=False) + "\n")


def q(v):
    if any(c in v for c in ';"\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


if __name__ == "__main__":
    main()
