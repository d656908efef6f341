#!/usr/bin/env python3
"""gen3.py N SEED OUT.csv -- messy French real-estate agency list with ground truth.

Independent generator (stdlib only).  Writes:
  OUT.csv    ';'-separated UTF-8 import file
  OUT.truth  one line per data row: true agency id, or "invalid"
  OUT.tags   one JSON object per data row: agency, look-alike group, variations
             applied to the row ("tags") and the canonical evidence the row carries
             ("ev"), used by cross-check3.sh to explain misses and false merges.

Focus: variations NOT covered by earlier generators -- name/street abbreviations,
town appended to the name, dropped articles, arrondissements, Cedex, Saint- towns,
lost leading zero of postcodes, address holding postcode+town, two phones in one
cell, mailto:/trailing junk e-mails, contact person columns, e-mail domain vs
website, and true look-alike agencies (same name in nearby towns, two
establishments of one SIREN, franchise districts in one city, shared buildings).
"""
import csv
import json
import random
import re
import sys
import unicodedata

# ----------------------------------------------------------------------------- data
# (town, postcode, extra postcodes of the same town)
TOWNS = [
    # Ile-de-France
    ("Boulogne-Billancourt", "92100", []), ("Neuilly-sur-Seine", "92200", []),
    ("Saint-Germain-en-Laye", "78100", []), ("Saint-Maur-des-Fossés", "94100", []),
    ("Saint-Denis", "93200", []), ("Versailles", "78000", []), ("Le Chesnay", "78150", []),
    ("Vincennes", "94300", []), ("Saint-Mandé", "94160", []), ("Montreuil", "93100", []),
    ("Fontainebleau", "77300", []), ("Saint-Cloud", "92210", []), ("Rueil-Malmaison", "92500", []),
    ("Levallois-Perret", "92300", []), ("Issy-les-Moulineaux", "92130", []),
    # Rhone
    ("Villeurbanne", "69100", []), ("Caluire-et-Cuire", "69300", []), ("Saint-Priest", "69800", []),
    ("Écully", "69130", []), ("Tassin-la-Demi-Lune", "69160", []), ("Sainte-Foy-lès-Lyon", "69110", []),
    # Bouches-du-Rhone / Var / Alpes-Maritimes
    ("Aix-en-Provence", "13100", ["13090"]), ("Aubagne", "13400", []), ("Cassis", "13260", []),
    ("La Ciotat", "13600", []), ("Saint-Rémy-de-Provence", "13210", []),
    ("Toulon", "83000", ["83100", "83200"]), ("La Seyne-sur-Mer", "83500", []), ("Hyères", "83400", []),
    ("Saint-Tropez", "83990", []), ("Sainte-Maxime", "83120", []), ("Fréjus", "83600", []),
    ("Saint-Raphaël", "83700", []),
    ("Nice", "06000", ["06100", "06200", "06300"]), ("Saint-Laurent-du-Var", "06700", []),
    ("Cagnes-sur-Mer", "06800", []), ("Antibes", "06600", ["06160"]), ("Cannes", "06400", ["06150"]),
    ("Le Cannet", "06110", []), ("Menton", "06500", []), ("Saint-Jean-Cap-Ferrat", "06230", []),
    ("Villefranche-sur-Mer", "06230", []),
    # Corsica
    ("Ajaccio", "20000", ["20090"]), ("Bastia", "20200", ["20600"]), ("Porto-Vecchio", "20137", []),
    ("Calvi", "20260", []), ("Bonifacio", "20169", []), ("Propriano", "20110", []),
    ("L'Île-Rousse", "20220", []), ("Corte", "20250", []),
    # Savoies / Ain / Isere
    ("Annecy", "74000", []), ("Sévrier", "74320", []), ("Seynod", "74600", []),
    ("Annecy-le-Vieux", "74940", []), ("Thonon-les-Bains", "74200", []), ("Évian-les-Bains", "74500", []),
    ("Saint-Julien-en-Genevois", "74160", []), ("Saint-Gervais-les-Bains", "74170", []),
    ("Chamonix-Mont-Blanc", "74400", []), ("Sallanches", "74700", []),
    ("Chambéry", "73000", []), ("Aix-les-Bains", "73100", []), ("Saint-Jean-de-Maurienne", "73300", []),
    ("Bourg-en-Bresse", "01000", []), ("Oyonnax", "01100", []), ("Saint-Genis-Pouilly", "01630", []),
    ("Ferney-Voltaire", "01210", []), ("Gex", "01170", []), ("Divonne-les-Bains", "01220", []),
    ("Grenoble", "38000", ["38100"]), ("Saint-Égrève", "38120", []), ("Meylan", "38240", []),
    ("Saint-Quentin", "02100", []), ("Laon", "02000", []), ("Soissons", "02200", []),
    ("Moulins", "03000", []), ("Vichy", "03200", []), ("Privas", "07000", []), ("Aubenas", "07200", []),
    # South-west
    ("Bordeaux", "33000", ["33100", "33200", "33300", "33800"]), ("Mérignac", "33700", []),
    ("Pessac", "33600", []), ("Arcachon", "33120", []), ("La Teste-de-Buch", "33260", []),
    ("Saint-Médard-en-Jalles", "33160", []),
    ("Toulouse", "31000", ["31200", "31300", "31400", "31500"]), ("Blagnac", "31700", []),
    ("Colomiers", "31770", []), ("Balma", "31130", []),
    ("Biarritz", "64200", []), ("Anglet", "64600", []), ("Bayonne", "64100", []),
    ("Saint-Jean-de-Luz", "64500", []), ("Pau", "64000", []),
    ("La Rochelle", "17000", []), ("Royan", "17200", []), ("Limoges", "87000", ["87100"]),
    ("Poitiers", "86000", []),
    # West
    ("Nantes", "44000", ["44100", "44200", "44300"]), ("Saint-Herblain", "44800", []), ("Rezé", "44400", []),
    ("Saint-Nazaire", "44600", []), ("La Baule-Escoublac", "44500", []), ("Pornichet", "44380", []),
    ("Le Pouliguen", "44510", []),
    ("Rennes", "35000", ["35200", "35700"]), ("Cesson-Sévigné", "35510", []), ("Saint-Malo", "35400", []),
    ("Dinard", "35800", []), ("Saint-Brieuc", "22000", []), ("Vannes", "56000", []), ("Quimper", "29000", []),
    ("Brest", "29200", []), ("Angers", "49000", ["49100"]), ("Le Mans", "72000", ["72100"]),
    ("Tours", "37000", ["37100", "37200"]), ("Orléans", "45000", ["45100"]),
    # Normandy / North / East
    ("Rouen", "76000", ["76100"]), ("Mont-Saint-Aignan", "76130", []), ("Caen", "14000", []),
    ("Deauville", "14800", []), ("Trouville-sur-Mer", "14360", []), ("Le Havre", "76600", ["76610", "76620"]),
    ("Sainte-Adresse", "76310", []),
    ("Lille", "59000", ["59800", "59160"]), ("Marcq-en-Barœul", "59700", []), ("Lambersart", "59130", []),
    ("Roubaix", "59100", []), ("Tourcoing", "59200", []), ("Villeneuve-d'Ascq", "59650", ["59491"]),
    ("Amiens", "80000", ["80080", "80090"]), ("Reims", "51100", []), ("Metz", "57000", ["57050"]),
    ("Nancy", "54000", ["54100"]), ("Strasbourg", "67000", ["67100", "67200"]), ("Schiltigheim", "67300", []),
    ("Illkirch-Graffenstaden", "67400", []), ("Colmar", "68000", []), ("Mulhouse", "68100", ["68200"]),
    ("Dijon", "21000", []), ("Besançon", "25000", []),
    # South / centre
    ("Montpellier", "34000", ["34070", "34080", "34090"]), ("Castelnau-le-Lez", "34170", []),
    ("Nîmes", "30000", ["30900"]), ("Avignon", "84000", []), ("Perpignan", "66000", ["66100"]),
    ("Canet-en-Roussillon", "66140", []), ("Sainte-Marie-la-Mer", "66470", []),
    ("Saint-Étienne", "42000", ["42100"]), ("Clermont-Ferrand", "63000", ["63100"]),
]
# Arrondissement cities: (name, postcode prefix, number of arrondissements)
ARR_CITIES = [("Paris", "750", 20), ("Lyon", "6900", 9), ("Marseille", "130", 16)]

REGION_PREFIX = {}
for d in "75 77 78 91 92 93 94 95".split():
    REGION_PREFIX[d] = "01"
for d in "22 29 35 56 14 76 50 61 27 44 49 53 72 85 37 45 18 28 36 41".split():
    REGION_PREFIX[d] = "02"
for d in "59 62 80 02 51 54 57 67 68 21 25 39 70 90 10 08 55 88 71 58 89".split():
    REGION_PREFIX[d] = "03"
for d in "01 03 06 07 13 20 26 30 34 38 42 63 69 73 74 83 84 04 05 48 66".split():
    REGION_PREFIX[d] = "04"
for d in "17 31 33 64 65 40 47 24 86 87 16 79 19 23 32 46 81 82 09 12".split():
    REGION_PREFIX[d] = "05"

SURNAMES = """Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent
Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Mercier Dupont
Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel
Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin Masson Sanchez
Gérard Nguyen Boyer Denis Lemaire Duval Joly Gautier Roger Roche Roy Noël Meyer Lucas Meunier Perez
Marchand Dufour Blanchard Barbier Brun Dumas Brunet Schmitt Leroux Colin Fernandez Renard Arnaud
Rolland Caron Aubert Giraud Leclerc Vidal Bourgeois Renaud Lemoine Picard Gaillard Lacroix Fabre
Dupuis Olivier Rodriguez Hubert Guillot Rivière Guillaume Adam Rey Moulin Gonzalez Berger Lecomte
Ménard Fleury Deschamps Carpentier Julien Benoît Maillard Marchal Aubry Vasseur Renault Jacquet
Collet Prévost Poirier Charpentier Royer Huet Baron Dupuy Pons Carré Breton Rémy Schneider Perrot
Guyot Barre Marty Cousin Bailly Hervé Lebrun Tessier Chauvin Bouvier Leblanc Germain Humbert Besson
Lemaître Pichon Bertin Marechal Ollivier Jourdan Texier Millet Boucher Lejeune Cordier Giraud""".split()
SURNAMES += ["Da Silva", "Le Gall", "De Oliveira", "Le Goff"]
FIRSTNAMES = """Jean Pierre Michel Philippe Alain Nicolas Christophe Laurent Stéphane Sébastien
Julien Thomas Olivier Frédéric Éric David Pascal Vincent Franck Marie Nathalie Isabelle Sylvie
Catherine Sandrine Valérie Christine Céline Sophie Stéphanie Aurélie Émilie Caroline Camille Julie
Claire Anne Hélène Laetitia Virginie Jean-Pierre Jean-Marc Jean-Luc Marie-Christine Anne-Sophie
Jean-François Marie-Claire Pierre-Yves""".split()
ROLES = ["Gérant", "Gérante", "Directeur d'agence", "Directrice d'agence", "Négociateur",
         "Négociatrice", "Responsable transaction", "Assistante commerciale", "Président",
         "Agent commercial", "Responsable gestion locative"]
PLACES = ["du Lac", "du Parc", "du Centre", "de la Gare", "du Port", "du Château", "des Alpes",
          "du Marché", "de l'Hôtel de Ville", "de la Plage", "des Remparts", "du Vieux Port",
          "de la Cathédrale", "des Halles", "de la Mairie", "du Mont-Blanc", "de la Baie",
          "des Vignes", "du Canal", "de la Côte", "des Îles", "du Golfe", "de la Vallée",
          "du Littoral", "de l'Église", "du Théâtre", "de la Citadelle", "des Quais",
          "Saint-Jean", "Saint-Pierre", "Sainte-Anne", "Saint-Louis", "Sainte-Claire"]
BRANDWORDS = ["Horizon", "Azur", "Avenir", "Atlantique", "Prestige", "Harmonie", "Émeraude",
              "Opale", "Riviera", "Panorama", "Confluence", "Patrimoine", "Héritage", "Boréal",
              "Alpha", "Évasion", "Cèdre", "Olivier", "Lumière", "Horizon Sud", "Terre et Mer",
              "Pierre et Patrimoine", "Habitat et Conseil", "Immo Conseil", "Clé de Voûte",
              "Premier Toit", "Les Clés d'Or", "Art de Vivre", "Belle Demeure", "Nord et Sud"]
STREET_TYPES = ["Rue", "Rue", "Rue", "Avenue", "Avenue", "Boulevard", "Place", "Allée", "Chemin",
                "Route", "Quai", "Impasse", "Cours", "Rue du Faubourg"]
STREET_NAMES = ["de la République", "Victor Hugo", "du Général de Gaulle", "Jean Jaurès",
                "Saint-Jean", "des Alpes", "Carnot", "Gambetta", "Foch", "Pasteur", "de la Gare",
                "du Lac", "Sainte-Claire", "du Maréchal Leclerc", "Nationale", "de Paris",
                "du Président Wilson", "Saint-Michel", "Sainte-Catherine", "Émile Zola",
                "de Verdun", "de la Liberté", "du 8 Mai 1945", "Aristide Briand", "Clemenceau",
                "Saint-Antoine", "du Maréchal Foch", "des Écoles", "Général Leclerc", "de Lattre de Tassigny",
                "Thiers", "Voltaire", "Jean Moulin", "de l'Église", "du Port", "de la Paix",
                "Saint-Honoré", "Sainte-Marthe", "des Tilleuls", "du Château", "Mirabeau"]
FRANCHISES = [  # brand, e-mail pattern, site pattern
    ("Orpi", "agence.{k}@orpi.com", "www.orpi.com/agence-{k}"),
    ("Century 21", "c21.{k}@century21.fr", "www.century21.fr/agence/{k}"),
    ("Laforêt", "{k}@laforet.com", "www.laforet.com/agence-immobiliere/{k}"),
    ("Guy Hoquet", "{k}@guyhoquet.com", "www.guy-hoquet.com/agences/{k}"),
    ("ERA", "{k}@erafrance.com", "www.erafrance.com/agence/{k}"),
    ("Stéphane Plaza Immobilier", "{k}@stephaneplazaimmobilier.com", "www.stephaneplazaimmobilier.com/{k}"),
]
DISTRICTS = {
    "Lyon": [("Part-Dieu", "69003"), ("Croix-Rousse", "69004"), ("Confluence", "69002"),
             ("Monplaisir", "69008"), ("Vaise", "69009"), ("Brotteaux", "69006"), ("Saxe-Gambetta", "69007")],
    "Paris": [("Batignolles", "75017"), ("Ternes", "75017"), ("Montmartre", "75018"), ("Marais", "75004"),
              ("Bastille", "75011"), ("Auteuil", "75016"), ("Passy", "75016"), ("Nation", "75012"),
              ("Montparnasse", "75014"), ("Saint-Germain-des-Prés", "75006")],
    "Marseille": [("Castellane", "13006"), ("Prado", "13008"), ("Vieux-Port", "13001"),
                  ("Saint-Barnabé", "13012"), ("Les Chartreux", "13004")],
    "Toulouse": [("Capitole", "31000"), ("Carmes", "31000"), ("Saint-Cyprien", "31300"),
                 ("Minimes", "31200"), ("Côte Pavée", "31500")],
    "Bordeaux": [("Chartrons", "33300"), ("Caudéran", "33200"), ("Bastide", "33100"),
                 ("Saint-Augustin", "33000"), ("Saint-Michel", "33800")],
    "Nantes": [("Graslin", "44000"), ("Procé", "44000"), ("Île de Nantes", "44200"), ("Saint-Félix", "44300")],
    "Lille": [("Vieux-Lille", "59800"), ("Wazemmes", "59000"), ("Vauban", "59000"), ("Fives", "59800")],
}
GENERIC_MAIL = ["orange.fr", "wanadoo.fr", "gmail.com", "free.fr", "sfr.fr", "outlook.fr",
                "hotmail.fr", "laposte.net", "yahoo.fr", "neuf.fr"]


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def slug(s, sep="-"):
    s = strip_accents(s).lower().replace("œ", "oe").replace("&", " et ")
    s = re.sub(r"[^a-z0-9]+", " ", s).split()
    return sep.join(s)


GENERIC = set("""agence agce ag cabinet cab cbt immobilier immobiliere immo immob l le la les de du des d et
transactions transaction transac gestion habitat fils associes ass conseil espace maison office notarial
the""".split())


def core(name, town):
    """Distinctive part of a name: what a reviewer would compare once generic words and the town
    are set aside.  Two different agencies of one town never share it (unless a look-alike group)."""
    toks = slug(name, " ").split()
    tt = (set(slug(town, " ").split()) | {"st", "ste", "saint", "sainte"}) if town else set()
    rest = [t for t in toks if t not in GENERIC and t not in tt]
    return " ".join(rest) or "<town-only>"


def near(a, b):
    """Edit distance <= 1."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]


def luhn_ok(digits):
    tot = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_complete(prefix):
    for d in "0123456789":
        if luhn_ok(prefix + d):
            return prefix + d
    raise AssertionError


def de(town):
    """'de Annecy' -> "d'Annecy"."""
    if strip_accents(town)[0].lower() in "aeiouyh":
        return "d'" + town
    if town.startswith("Le "):
        return "du " + town[3:]
    if town.startswith("Les "):
        return "des " + town[4:]
    return "de " + town


# ----------------------------------------------------------------------------- model
class Gen:
    def __init__(self, n, seed):
        self.n = n
        self.r = random.Random(seed)
        self.used_siren = set()
        self.used_phone = set()
        self.used_email = set()
        self.used_domain = set()
        self.used_name_town = set()
        self.cores_by_town = {}
        self.used_addr = set()
        self.agencies = []
        self.towns = []   # (canonical town, postcode, arrondissement or None, city-kind)
        for t, cp, extra in TOWNS:
            self.towns.append((t, cp, None, extra))
        for city, pre, n_arr in ARR_CITIES:
            for a in range(1, n_arr + 1):
                cp = pre + str(a).zfill(5 - len(pre))
                self.towns.append((city, cp, a, []))
        self.by_dept = {}
        for t in self.towns:
            self.by_dept.setdefault(self.dept(t[1]), []).append(t)

    @staticmethod
    def dept(cp):
        return cp[:2]

    # --- identifiers
    def new_siren(self):
        while True:
            s = luhn_complete(str(self.r.randint(30000000, 99999999)))
            if s not in self.used_siren:
                self.used_siren.add(s)
                return s

    def siret(self, siren, k=1):
        nic = str(k).zfill(3) + str(self.r.randint(1, 9))
        return luhn_complete(siren + nic)

    def new_phone(self, cp, mobile=False):
        while True:
            # allocated ranges only: 06 0-2/4-8x, 07 5-8x, geographic 0X 1-8x
            if mobile:
                p = self.r.choice(["060", "061", "062", "064", "065", "066", "067", "068", "075", "076", "077", "078"])
            else:
                p = REGION_PREFIX.get(self.dept(cp), "09") + str(self.r.randint(1, 8))
            p += "".join(str(self.r.randint(0, 9)) for _ in range(7))
            if p not in self.used_phone:
                self.used_phone.add(p)
                return p

    def new_domain(self, name, town):
        base = slug(re.sub(r"^(L'|La |Le |Les )", "", name))
        cands = [base, base.replace("-", "")]
        if town:
            cands += [base + "-" + slug(town), base + slug(town)[:6]]
        cands += ["agence-" + base, base + "-immo"]
        for c in cands:
            for tld in (".fr", ".com"):
                d = c + tld
                if d not in self.used_domain and len(c) > 3:
                    self.used_domain.add(d)
                    return d
        while True:
            d = base + str(self.r.randint(2, 999)) + ".fr"
            if d not in self.used_domain:
                self.used_domain.add(d)
                return d

    def new_email(self, local, domain):
        e = local + "@" + domain
        if e in self.used_email:
            return None
        self.used_email.add(e)
        return e

    def new_address(self, town, fixed=None):
        r = self.r
        while True:
            if fixed:
                return fixed
            num = str(r.randint(1, 180))
            bis = r.choice(["", "", "", "", "", "", " bis", " ter"])
            st = r.choice(STREET_TYPES)
            nm = r.choice(STREET_NAMES)
            if st == "Rue du Faubourg":
                nm = r.choice(["Saint-Antoine", "Saint-Honoré", "Saint-Jean", "de la Croix"])
            a = f"{num}{bis} {st} {nm}"
            key = (a, town[1])
            if key not in self.used_addr:
                self.used_addr.add(key)
                return a

    # --- names
    def indep_name(self, town):
        r = self.r
        s = lambda: r.choice(SURNAMES)
        tn = town[0]
        k = r.randint(1, 16)
        if k == 1:
            return "Agence " + r.choice(PLACES)
        if k == 2:
            return "L'Immobilière " + r.choice(PLACES)
        if k == 3:
            return "Cabinet " + s() + r.choice(["", " Immobilier"])
        if k == 4:
            return s() + " Immobilier"
        if k == 5:
            return s() + r.choice([" & ", " et "]) + s() + r.choice(["", " Immobilier"])
        if k == 6:
            return "Agence Immobilière " + s()
        if k == 7:
            return tn + " Immobilier"
        if k == 8:
            return r.choice(["Les Toits ", "L'Agence ", "La Maison ", "Le Comptoir Immobilier ",
                             "L'Immobilier "]) + de(tn)
        if k == 9:
            return r.choice(BRANDWORDS) + " Immobilier"
        if k == 10:
            return "Agence " + s() + r.choice([" Transactions", " Gestion & Transactions", ""])
        if k == 11:
            return r.choice(["Cabinet ", "Agence ", ""]) + r.choice(BRANDWORDS) + r.choice(["", " Immobilier", " Immo"])
        if k == 12:
            return "Immobilier " + r.choice(PLACES)
        if k == 13:
            return s() + " et Fils"
        if k == 14:
            art, noun, adj = r.choice([("La ", "Pierre", "Immobilière"), ("La ", "Clé", "Immobilière"),
                                       ("Le ", "Toit", "Immobilier"), ("La ", "Demeure", "Immobilière"),
                                       ("L'", "Escale", "Immobilière"), ("L'", "Atelier", "Immobilier"),
                                       ("L'", "Office", "Notarial"), ("Le ", "Comptoir", "Immobilier")])
            return art + noun + " " + r.choice([adj, "de l'Immobilier", adj + " " + r.choice(SURNAMES)])
        if k == 15:
            return "Cabinet " + s() + r.choice([" & Associés", " et Associés"])
        return r.choice(["Agence ", "Cabinet ", ""]) + r.choice(BRANDWORDS) + " " + r.choice(["Transactions", "Immobilier", "Habitat"])

    def name_ok(self, name, town):
        key = (core(name, town[0]), town[0])
        if key in self.used_name_town:
            return False
        # nor a one-letter variant of another agency's name in the same town (Gautier / Gauthier):
        # a reviewer could not tell those apart either
        if any(near(key[0], c) for c in self.cores_by_town.get(town[0], ())):
            return False
        self.used_name_town.add(key)
        self.cores_by_town.setdefault(town[0], []).append(key[0])
        return True

    # --- agencies
    def make_agency(self, name, town, group="single", gid=None, siren=None, nic=1, addr=None,
                    email=None, website=None, own_domain=None):
        r = self.r
        aid = "A%05d" % len(self.agencies)
        siren = siren or self.new_siren()
        a = {"id": aid, "name": name, "town": town[0], "cp": town[1], "arr": town[2],
             "extra_cp": town[3], "group": group, "gid": gid or aid, "siren": siren,
             "siret": self.siret(siren, nic), "phone": self.new_phone(town[1]),
             "mobile": self.new_phone(town[1], True) if r.random() < 0.45 else None,
             "addr": self.new_address(town, addr), "contact": None, "emails": [],
             "website": None, "domain": None}
        if website is not None:   # franchise
            a["website"] = website
            a["emails"] = [email]
        else:
            if own_domain or r.random() < 0.5:
                dom = own_domain or self.new_domain(name, town[0])
                a["domain"] = dom
                if r.random() < 0.75 or own_domain:
                    a["website"] = "www." + dom
                local = r.choice(["contact", "agence", "info", "accueil", "immo", "transaction"])
                if own_domain:
                    local = slug(town[0], "")[:14]
                e = self.new_email(local, dom) or self.new_email(local + "2", dom)
                a["emails"] = [e]
            else:
                for _ in range(20):
                    local = slug(name, r.choice([".", "", "-"]))[:24] + r.choice(["", self.dept(town[1]), str(r.randint(1, 99))])
                    e = self.new_email(local, r.choice(GENERIC_MAIL))
                    if e:
                        a["emails"] = [e]
                        break
        if r.random() < 0.6:
            fn, ln = r.choice(FIRSTNAMES), r.choice(SURNAMES)
            a["contact"] = (fn, ln, r.choice(ROLES))
            if a["domain"] and r.random() < 0.3:
                e = self.new_email(slug(fn, "")[0] + "." + slug(ln, ""), a["domain"])
                if e:
                    a["emails"].append(e)
        self.agencies.append(a)
        return a

    def build(self):
        r = self.r
        target = self.n
        while len(self.agencies) < target:
            x = r.random()
            if x < 0.08:
                self.g_same_name_nearby()
            elif x < 0.13:
                self.g_siren_pair()
            elif x < 0.17:
                self.g_franchise_districts()
            elif x < 0.21:
                self.g_shared_building()
            else:
                town = r.choice(self.towns)
                for _ in range(50):
                    nm = self.indep_name(town)
                    if self.name_ok(nm, town):
                        self.make_agency(nm, town)
                        break
        self.agencies = self.agencies[:target]

    def g_same_name_nearby(self):
        r = self.r
        dept = r.choice([d for d, ts in self.by_dept.items() if len({t[0] for t in ts}) >= 2 or d in ("75", "69", "13")])
        ts = self.by_dept[dept]
        t1 = r.choice(ts)
        others = [t for t in ts if t[0] != t1[0] or (t[2] and t[1] != t1[1])]
        if not others:
            return
        t2 = r.choice(others)
        for _ in range(50):
            nm = self.indep_name(t1)
            if t1[0] in nm or t2[0] in nm:
                continue
            if (core(nm, t1[0]), t1[0]) in self.used_name_town or (core(nm, t2[0]), t2[0]) in self.used_name_town:
                continue
            if t1[0] == t2[0]:
                # same city, different arrondissement: the arrondissement makes them distinct
                self.used_name_town.add((core(nm, t1[0]), t1[0]))
            else:
                self.name_ok(nm, t1)
                self.name_ok(nm, t2)
            gid = "G%05d" % len(self.agencies)
            self.make_agency(nm, t1, "same_name_nearby", gid)
            self.make_agency(nm, t2, "same_name_nearby", gid)
            return

    def g_siren_pair(self):
        r = self.r
        dept = r.choice(list(self.by_dept))
        ts = self.by_dept[dept]
        t1 = r.choice(ts)
        others = [t for t in ts if t[0] != t1[0]]
        if not others:
            return
        t2 = r.choice(others)
        for _ in range(50):
            nm = self.indep_name(t1)
            if t1[0] in nm:
                continue
            if (core(nm, t1[0]), t1[0]) in self.used_name_town or (core(nm, t2[0]), t2[0]) in self.used_name_town:
                continue
            self.name_ok(nm, t1)
            self.name_ok(nm, t2)
            gid = "G%05d" % len(self.agencies)
            siren = self.new_siren()
            own = self.new_domain(nm, "") if r.random() < 0.6 else None
            a1 = self.make_agency(nm, t1, "siren_pair", gid, siren=siren, nic=1, own_domain=own)
            a2 = self.make_agency(nm, t2, "siren_pair", gid, siren=siren, nic=2, own_domain=own)
            if own:  # one shared domain: only the head office shows the website
                a2["website"] = None
                a1["website"] = "www." + own
            if r.random() < 0.5 and a1["contact"]:  # same owner manages both
                a2["contact"] = (a1["contact"][0], a1["contact"][1], "Gérant")
                a1["contact"] = (a1["contact"][0], a1["contact"][1], "Gérant")
            return

    def g_franchise_districts(self):
        r = self.r
        city = r.choice(list(DISTRICTS))
        brand, mpat, wpat = r.choice(FRANCHISES)
        ds = r.sample(DISTRICTS[city], r.choice([2, 2, 3]))
        gid = "G%05d" % len(self.agencies)
        for dname, cp in ds:
            nm = f"{brand} {city} {dname}"
            town = next(t for t in self.towns if t[0] == city and t[1] == cp) if city in ("Paris", "Lyon", "Marseille") \
                else next(t for t in self.towns if t[0] == city)
            if town[1] != cp:
                town = (town[0], cp, town[2], town[3])
            if not self.name_ok(nm, town):
                continue
            k = slug(city + " " + dname, "")
            e = mpat.format(k=k)
            if e in self.used_email:
                continue
            self.used_email.add(e)
            self.make_agency(nm, town, "franchise_district", gid, email=e, website=wpat.format(k=slug(city + " " + dname)))

    def g_shared_building(self):
        r = self.r
        town = r.choice(self.towns)
        addr = self.new_address(town)
        gid = "G%05d" % len(self.agencies)
        for _ in range(r.choice([2, 2, 3])):
            for _ in range(50):
                nm = self.indep_name(town)
                if self.name_ok(nm, town):
                    self.make_agency(nm, town, "shared_building", gid, addr=addr)
                    break


# ----------------------------------------------------------------------------- row variations
NAME_ABBR = [
    (r"\bImmobilier\b", ["Immo", "Immob.", "Immob", "Immo."]),
    (r"\bImmobilière\b", ["Immo", "Immob.", "Immobiliere"]),
    (r"\bAgence\b", ["Agce", "Ag.", "Agce."]),
    (r"\bCabinet\b", ["Cab.", "Cab", "Cbt"]),
    (r"\bSaint-", ["St-", "St ", "ST-"]),
    (r"\bSainte-", ["Ste-", "Ste "]),
    (r" & ", [" et "]),
    (r" et ", [" & "]),
    (r"\bTransactions\b", ["Transac.", "Transac", "Transaction"]),
    (r"\bAssociés\b", ["Associes", "Ass."]),
    (r"\bGestion\b", ["Gest."]),
]
STREET_ABBR = [
    (r"\bAvenue\b", ["Av.", "Av", "AV.", "Ave"]),
    (r"\bBoulevard\b", ["Bd", "Bd.", "Bld", "Boul."]),
    (r"\bPlace\b", ["Pl.", "Pl"]),
    (r"\bAllée\b", ["All.", "Allee"]),
    (r"\bRoute\b", ["Rte", "Rte."]),
    (r"\bChemin\b", ["Ch.", "Chem."]),
    (r"\bImpasse\b", ["Imp.", "Imp"]),
    (r"\bFaubourg\b", ["Fbg", "Fg"]),
    (r"\bSaint-", ["St-", "St "]),
    (r"\bSainte-", ["Ste-", "Ste "]),
    (r"\bGénéral\b", ["Gal", "Gén.", "Gl"]),
    (r"\bMaréchal\b", ["Mal", "Mar."]),
    (r"\bPrésident\b", ["Pdt", "Pt"]),
    (r"\bRue\b", ["R.", "rue"]),
    (r" bis\b", ["B", " B", "bis"]),
    (r" ter\b", ["T", " T"]),
]


def apply_subs(r, s, table, p):
    out = s
    done = False
    for pat, reps in table:
        if re.search(pat, out) and r.random() < p:
            out = re.sub(pat, r.choice(reps), out, count=1)
            done = True
    return out, done


def ordinal(a, style):
    if style == "e":
        return "1er" if a == 1 else f"{a}e"
    if style == "eme":
        return "1er" if a == 1 else f"{a}ème"
    if style == "EME":
        return "1ER" if a == 1 else f"{a}EME"
    if style == "0":
        return str(a).zfill(2)
    return str(a)


def town_text(r, a, tags):
    """Return (town, postcode) text for a row of agency a."""
    t, cp = a["town"], a["cp"]
    if a["arr"]:
        x = r.random()
        if x < 0.35:
            tt = r.choice([t, t.upper()])
        else:
            style = r.choice(["e", "eme", "EME", "0", "n"])
            tt = f"{t} {ordinal(a['arr'], style)}"
            if r.random() < 0.15:
                tt += " Arrondissement"
            if style == "EME" or r.random() < 0.2:
                tt = tt.upper()
            tags.append("arr_fmt")
    else:
        tt = t
        if re.match(r"^(Saint|Sainte)-", t) and r.random() < 0.55:
            v = r.choice(["space", "st", "upper"])
            if v == "space":
                tt = t.replace("-", " ")
            elif v == "st":
                tt = re.sub(r"^Saint-", r.choice(["St-", "St ", "ST "]), re.sub(r"^Sainte-", r.choice(["Ste-", "Ste "]), t))
            else:
                tt = strip_accents(t).upper().replace("-", " ")
            tags.append("saint_town")
        elif "-" in t and r.random() < 0.25:
            tt = t.replace("-", " ") if r.random() < 0.6 else strip_accents(t).upper().replace("-", " ")
            tags.append("hyphen_town")
        elif cp.startswith("20") and r.random() < 0.4:
            tt = strip_accents(t).upper().replace("L'ILE", "ILE").replace("-", " ") if r.random() < 0.5 else strip_accents(t)
            if tt != t:
                tags.append("corsica_town")
        elif r.random() < 0.12:
            tt = t.upper()
    if r.random() < 0.05:
        tt = re.sub(r"\s+\d.*$", "", tt) if a["arr"] else tt
        tt += r.choice([" Cedex", " CEDEX", " Cedex 9", " CEDEX 01"])
        if r.random() < 0.5:
            cp = cp[:3] + str(r.randint(10, 99))[-2:]
            if cp == a["cp"]:
                cp = cp[:4] + str((int(cp[4]) + 5) % 10)
        tags.append("cedex")
    elif a["extra_cp"] and r.random() < 0.1:
        # the row uses the town's main postcode instead of the agency's own one
        main = next(x for x in TOWNS if x[0] == a["town"])[1]
        if main != cp:
            cp = main
            tags.append("main_cp")
    if cp.startswith("0") and r.random() < 0.3:
        cp = cp[1:]
        tags.append("zip_zero")
    return tt, cp


def fmt_phone(r, p):
    k = r.random()
    if k < 0.55:
        return " ".join(p[i:i + 2] for i in range(0, 10, 2))
    if k < 0.75:
        return p
    if k < 0.85:
        return ".".join(p[i:i + 2] for i in range(0, 10, 2))
    return "+33 " + p[1] + " " + " ".join(p[i:i + 2] for i in range(2, 10, 2))


def fmt_website(r, w, own, tags):
    if not own:   # franchise page
        return r.choice(["https://", "", "http://"]) + w
    dom = w[4:]
    base = r.choice(["https://www." + dom, "www." + dom, dom, "http://www." + dom, "https://" + dom])
    if r.random() < 0.12:
        base += r.choice(["/", "/contact", "/index.html", "/agence-" + slug(r.choice(["centre", "ville"])), "/fr/"])
        tags.append("web_path")
    return base


class Rows:
    def __init__(self, gen):
        self.g = gen
        self.r = gen.r
        self.rows = []

    def evidence(self, a, row, town_present):
        ev = []
        if row["SIRET"]:
            ev.append("siret:" + a["siret"])
        if row["SIREN"] and a["group"] != "siren_pair":
            ev.append("siren:" + a["siren"])
        for e in row["_emails"]:
            ev.append("email:" + e)
            dom = e.split("@")[1]
            if a["domain"] and dom == a["domain"]:
                ev.append("dom:" + dom)
        for p in row["_phones"]:
            ev.append("phone:" + p)
        if row["Site web"] and a["domain"]:
            ev.append("web:" + a["domain"])
            ev.append("dom:" + a["domain"])
        elif row["Site web"]:
            ev.append("page:" + a["website"])
        if row["Raison sociale"] and town_present:
            ev.append("nt:" + slug(a["name"]) + "|" + a["town"] + "|" + (str(a["arr"]) if a["arr"] else ""))
        if row["Adresse"] and town_present:
            ev.append("addr:" + a["addr"] + "|" + a["cp"])
        return ev

    def row_for(self, a, plan):
        r = self.r
        tags = []
        row = {k: "" for k in HEADER}
        row["_emails"], row["_phones"] = [], []
        # ---- name
        if plan.get("name", True):
            nm = a["name"]
            if a["group"] == "franchise_district" and r.random() < 0.5:
                city = a["town"]
                v = r.choice(["nocity", "dash", "agence", "hyph"])
                if v == "nocity":
                    nm = nm.replace(" " + city + " ", " ")
                elif v == "dash":
                    nm = nm.replace(" " + city + " ", " " + city + " - ")
                elif v == "agence":
                    nm = "Agence " + nm
                else:
                    nm = nm.replace("-", " ")
                tags.append("franchise_fmt")
            if re.match(r"^(L'|La |Le |Les )", nm) and r.random() < 0.35:
                nm = re.sub(r"^(L'|La |Le |Les )", "", nm)
                nm = nm[0].upper() + nm[1:]
                tags.append("article")
            elif nm.startswith("Agence ") and r.random() < 0.1:
                nm = "L'" + nm
                tags.append("article")
            if r.random() < 0.3:
                nm2, done = apply_subs(r, nm, NAME_ABBR, 0.7)
                if done:
                    nm = nm2
                    tags.append("name_abbr")
            if r.random() < 0.05 and re.search(r" (Immobilier|Immo)$", nm) and len(nm.split()) > 2:
                nm = re.sub(r" (Immobilier|Immo)$", "", nm)
                tags.append("drop_immo")
            if a["group"] != "franchise_district" and a["town"] not in nm and r.random() < 0.2:
                t = a["town"]
                if a["arr"] and r.random() < 0.5:
                    t = f"{t} {ordinal(a['arr'], r.choice(['e', 'n']))}"
                sep = r.choice([" - ", " ", " (", " – ", " / "])
                nm = nm + sep + (t.upper() if r.random() < 0.2 else t) + (")" if sep == " (" else "")
                tags.append("name_town")
            if r.random() < 0.07:
                nm = nm.upper()
                tags.append("upper")
            row["Raison sociale"] = nm
        # ---- SIRET / SIREN
        if plan.get("siret"):
            s = a["siret"]
            row["SIRET"] = s if r.random() < 0.85 else f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}"
        elif plan.get("siren"):
            row["SIREN"] = a["siren"]
        # ---- e-mail
        if plan.get("email") and a["emails"]:
            es = [a["emails"][0]] if len(a["emails"]) == 1 or r.random() < 0.6 else [r.choice(a["emails"])]
            if len(a["emails"]) > 1 and r.random() < 0.25:
                es = a["emails"][:]
                tags.append("two_emails")
            row["_emails"] = es
            txt = (" / " if r.random() < 0.5 else "; ").join(es)
            k = r.random()
            if k < 0.06:
                txt = "mailto:" + txt
                tags.append("mailto")
            elif k < 0.12:
                txt = r.choice([" " + txt + " ", txt + ".", txt + " ", txt + ";", "  " + txt])
                tags.append("email_junk")
            elif k < 0.15:
                txt = f"{a['name']} <{es[0]}>"
                row["_emails"] = es[:1]
                tags.append("email_display")
            elif k < 0.19:
                txt = txt.upper() if r.random() < 0.5 else txt[0].upper() + txt[1:]
            row["E-mail"] = txt
        # ---- phones
        if plan.get("phone"):
            phones = [a["phone"]]
            txt = fmt_phone(r, a["phone"])
            if a["mobile"] and r.random() < 0.25:
                m = fmt_phone(r, a["mobile"])
                sep = r.choice([" / ", " - ", "; ", " ou ", ", ", " / Port. ", "\n"])
                if r.random() < 0.75:
                    txt = txt + sep + m
                else:
                    txt = m + (" / " if "Port" in sep else sep) + txt
                phones.append(a["mobile"])
                tags.append("two_phones")
            elif r.random() < 0.06:
                txt = r.choice(["Tél. : ", "Tel: ", "T. ", "Standard "]) + txt
                tags.append("phone_label")
            row["Téléphone"] = txt
            row["_phones"] = phones
        if plan.get("mobile") and a["mobile"]:
            row["Portable"] = fmt_phone(r, a["mobile"])
            row["_phones"].append(a["mobile"])
        # ---- address / postcode / town
        town_present = False
        if plan.get("town", True):
            tt, cp = town_text(r, a, tags)
            town_present = True
            addr = ""
            if plan.get("addr"):
                addr = a["addr"]
                if r.random() < 0.3:
                    addr2, done = apply_subs(r, addr, STREET_ABBR, 0.8)
                    if done:
                        addr = addr2
                        tags.append("street_abbr")
                if r.random() < 0.06:
                    addr = re.sub(r"^(\d+( bis| ter)?) ", r"\1, ", addr)
                    tags.append("addr_comma")
                if r.random() < 0.06:
                    addr = r.choice(["Résidence Le Parc, ", "Bât. A, ", "Immeuble Le Central - ", "1er étage, "]) + addr
                    tags.append("addr_extra")
            k = r.random()
            if addr and k < 0.09:
                addr = addr + r.choice([", ", " ", " - "]) + cp + " " + tt
                tags.append("addr_cp_town")
                tt, cp = "", ""
            elif addr and k < 0.12:
                addr = addr + ", " + cp + " " + tt
                tags.append("addr_cp_town_dup")
            elif not addr and k < 0.04:
                cp = ""
                tags.append("no_cp")
            row["Adresse"], row["Code postal"], row["Ville"] = addr, cp, tt
        # ---- website
        if plan.get("web") and a["website"]:
            row["Site web"] = fmt_website(r, a["website"], bool(a["domain"]), tags)
        # ---- misc
        if r.random() < 0.5:
            row["Nb annonces"] = str(r.randint(0, 250))
        if plan.get("contact") and a["contact"]:
            fn, ln, role = a["contact"]
            k = r.random()
            if k < 0.15:
                ln = ln.upper()
            elif k < 0.22:
                fn = fn.replace("-", " ")
            elif k < 0.28:
                row["Nom du contact"] = r.choice(["M. ", "Mme ", ""]) + fn + " " + ln.upper()
                fn, ln = None, None
                tags.append("contact_fmt")
            if fn is not None:
                row["Prénom"], row["Nom du contact"] = fn, ln
            row["Fonction"] = role if r.random() < 0.7 else strip_accents(role).lower()
            tags.append("contact")
        row["_ev"] = self.evidence(a, row, town_present)
        row["_tags"] = tags
        row["_a"] = a
        return row

    def plans(self, a, n):
        r = self.r
        plans = []
        for i in range(n):
            p = {
                "name": r.random() < 0.97 or a["group"] in ("franchise_district", "same_name_nearby", "shared_building"),
                "siret": r.random() < 0.4,
                "email": r.random() < 0.6,
                "phone": r.random() < 0.7,
                "mobile": r.random() < 0.12,
                "addr": r.random() < 0.8,
                "town": r.random() < 0.95,
                "web": r.random() < 0.35,
                "contact": r.random() < 0.5,
            }
            if not p["siret"] and r.random() < 0.06:
                p["siren"] = True
            if a["group"] == "franchise_district":
                p["town"] = True   # the district alone is not enough to place a row without its city
            if not p["name"]:
                p["town"] = True
                p["siret"] = p["siret"] or r.random() < 0.5
                if not p["siret"]:
                    p["email"] = True
            plans.append(p)
        # e-mail on the agency's own domain in one row, website in another row
        if n >= 2 and a["domain"] and a["website"] and a["emails"] and r.random() < 0.35:
            plans[0].update(email=True, web=False)
            plans[1].update(email=False, web=True, siret=False, phone=False, mobile=False, siren=False)
            plans[1]["name"] = True     # a bare website row stays linkable by its name too
            plans[0]["domain_link"] = plans[1]["domain_link"] = True
        return plans

    def generate(self):
        r = self.r
        for a in self.g.agencies:
            n = r.choices([1, 2, 3], [0.4, 0.35, 0.25])[0]
            ps = self.plans(a, n)
            rows = [self.row_for(a, p) for p in ps]
            for p, row in zip(ps, rows):
                if p.get("domain_link"):
                    row["_tags"].append("domain_link")
            # every row must be linkable by a human to the others: share an exact identifier
            # or carry name + town.  Otherwise add name + town.
            for i, row in enumerate(rows):
                if not row["Raison sociale"] or not any(e.startswith("nt:") for e in row["_ev"]):
                    strong = {e for e in row["_ev"] if not e.startswith(("nt:", "addr:", "page:"))}
                    others = set().union(*[set(o["_ev"]) for j, o in enumerate(rows) if j != i]) if n > 1 else set()
                    if n > 1 and not (strong & others):
                        p = dict(ps[i], name=True, town=True)
                        rows[i] = self.row_for(a, p)
                    if not rows[i]["Raison sociale"] and not strong:
                        rows[i] = self.row_for(a, dict(ps[i], name=True, town=True))
            self.rows.extend(rows)
        # invalid rows (~2%)
        n_inv = max(1, round(len(self.rows) * 0.02))
        for _ in range(n_inv):
            row = {k: "" for k in HEADER}
            k = r.randint(1, 6)
            if k == 1:
                row["Nb annonces"] = str(r.randint(0, 50))
                row["Ville"] = r.choice(self.g.towns)[0]
            elif k == 2:
                row["Raison sociale"] = r.choice(["N/A", "-", "?", "n.c.", "A COMPLETER", "#N/A"])
            elif k == 3:
                row["Fonction"] = r.choice(ROLES)
                row["Prénom"] = r.choice(FIRSTNAMES)
            elif k == 4:
                row["Code postal"] = r.choice(self.g.towns)[1]
            elif k == 5:
                row["Raison sociale"] = r.choice(["Agence", "Agence immobilière", "Immobilier", "Cabinet"])
            else:
                row["Téléphone"] = r.choice(["NC", "00 00 00 00 00", "-", "inconnu"])
            row["_a"], row["_tags"], row["_ev"] = None, ["invalid"], []
            self.rows.append(row)
        r.shuffle(self.rows)


HEADER = ["Raison sociale", "SIRET", "SIREN", "E-mail", "Téléphone", "Portable", "Adresse",
          "Code postal", "Ville", "Site web", "Nb annonces", "Prénom", "Nom du contact", "Fonction"]


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: gen3.py N SEED OUT.csv")
    n, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    g = Gen(n, seed)
    g.build()
    rows = Rows(g)
    rows.generate()
    base = out[:-4] if out.endswith(".csv") else out
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        w.writerow(HEADER)
        for row in rows.rows:
            w.writerow([row[h] for h in HEADER])
    with open(base + ".truth", "w") as f:
        for row in rows.rows:
            f.write((row["_a"]["id"] if row["_a"] else "invalid") + "\n")
    with open(base + ".tags", "w", encoding="utf-8") as f:
        for row in rows.rows:
            a = row["_a"]
            f.write(json.dumps({
                "a": a["id"] if a else "invalid", "g": a["group"] if a else "invalid",
                "gid": a["gid"] if a else "", "tags": row["_tags"], "ev": row["_ev"],
                "siren": a["siren"] if a else "", "addr": (a["addr"] + "|" + a["cp"]) if a else "",
                "name": slug(a["name"]) if a else "", "core": core(a["name"], a["town"]) if a else "",
                "cp": a["cp"] if a else "", "contact": " ".join(a["contact"][:2]) if a and a["contact"] else "",
                "dept": a["cp"][:2] if a else "",
            }, ensure_ascii=False) + "\n")
    # sanity: distinct agencies never share strong identifiers
    seen = {}
    for a in g.agencies:
        keys = ["siret:" + a["siret"], "phone:" + a["phone"]] + ["email:" + e for e in a["emails"]]
        if a["mobile"]:
            keys.append("phone:" + a["mobile"])
        if a["website"] and a["domain"]:
            keys.append("web:" + a["domain"])
        for k in keys:
            assert seen.setdefault(k, a["id"]) == a["id"], (k, a["id"], seen[k])
    print(f"{len(g.agencies)} agencies, {len(rows.rows)} rows -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
