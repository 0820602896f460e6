"""Word lists for the generated data: Dutch and Dutch-multicultural names, places, texts.

All names are fictional combinations; diacritics (ë, ï, ş, ł, ç) are included on purpose so
search and documents meet them at scale.
"""

FIRST_NAMES = [
    "Zoë", "Anaïs", "Şükrü", "Daan", "Noor", "Łukasz", "Emma", "Julia", "Mila", "Sophie", "Tess", "Sara",
    "Lotte", "Evi", "Fleur", "Liv", "Nora", "Yara", "Saar", "Lieke", "Noah", "Sem", "Liam", "Lucas",
    "Finn", "Levi", "Luuk", "Mees", "Bram", "Jesse", "Milan", "Thijs", "Ruben", "Sven", "Gijs", "Teun",
    "Mohamed", "Adam", "Youssef", "Ayoub", "Ilyas", "Rayan", "Amira", "Fatima", "Yasmina", "Salma", "Aya",
    "Meryem", "Elif", "Zeynep", "Emre", "Yusuf", "Mert", "Kerem", "Ayşe", "Çağla", "Oliwia", "Zuzanna",
    "Jakub", "Wiktor", "Hanna", "Maja", "Kacper", "Dawit", "Selam", "Ahmad", "Hiba", "Omar", "Rania",
    "Jayden", "Shanice", "Quincy", "Naomi", "Dewi", "Kevin", "Chloë", "Joëlle", "Loïs", "Ruud", "Femke",
]

LAST_NAMES = [
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
    "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
    "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs",
    "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "de Bruin",
    "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas",
    "Verhoeven", "Koster", "van Dam", "Prins", "Blom", "Huisman", "Peeters", "Claessens", "Lemmens",
    "Kusters", "Schoonbrood", "El Amrani", "El Idrissi", "Bouzid", "Benali", "Ait Taleb", "Yılmaz",
    "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Nowak", "Kowalski", "Wiśniewska", "Zieliński",
    "Tesfaye", "Haile", "Al-Hassan", "Sarwari", "Martina", "Pinas", "Sedney", "Nguyen", "Tran", "Ferreira",
]

CITIES = [
    "Heerlen", "Kerkrade", "Landgraaf", "Brunssum", "Sittard", "Geleen", "Maastricht", "Valkenburg",
    "Simpelveld", "Voerendaal", "Nuth", "Beek", "Stein", "Meerssen", "Gulpen", "Vaals",
]

LOCATION_WORDS = [
    "De Vlinderboom", "Het Kastanjetje", "De Regenboog", "Op de Berg", "De Wegwijzer", "Het Palet",
    "De Zonnewijzer", "Kakelbont", "De Klimop", "Het Startpunt", "De Horizon", "De Ster", "Het Mozaïek",
    "De Speelhoek", "Pinkeltje", "De Bongerd", "Het Kompas", "De Linde", "Op Gen Häöf", "De Windroos",
]
LOCATION_KINDS = [("Kindcentrum", "PO"), ("Basisschool", "PO"), ("Kinderopvang", "kinderopvang"),
                  ("Peuterspeelzaal", "voorschool"), ("SO-school", "SO"), ("College", "VO")]

ORGANISATION_KINDS = [
    ("JGZ", "JGZ"), ("Wijkteam", "WIJK"), ("Schoolmaatschappelijk werk", "SMW"), ("Peuterspeelzaal", "VVE"),
    ("Bureau Leerplicht", "LP"), ("Samenwerkingsverband", "SWV"), ("Jeugdhulp", "ZORG"), ("GGZ Jeugd", "ZORG"),
]

FUNCTIONS = [
    "Jeugdverpleegkundige", "Jeugdarts", "Schoolmaatschappelijk werker", "Gezinscoach", "Orthopedagoog",
    "Leerplichtambtenaar", "Pedagogisch medewerker", "Consulent passend onderwijs", "Ambulant begeleider",
]

GROUPS = ["groep 1", "groep 2", "groep 3", "groep 4", "groep 5", "groep 6", "groep 7", "groep 8",
          "peutergroep", "dreumesgroep", "klas 1", "klas 2"]

HULPVRAGEN = [
    "{n} slaapt slecht en is vaak moe in de klas. Ouders willen weten hoe ze kunnen helpen.",
    "{n} is thuis en op school snel boos. We zoeken samen wat rust geeft.",
    "{n} verzuimt regelmatig op maandag; ouders en school willen de oorzaak begrijpen.",
    "De taalontwikkeling van {n} gaat langzaam. Is extra ondersteuning nodig?",
    "{n} trekt zich terug in de groep en speelt weinig met andere kinderen.",
    "Thuis is het onrustig sinds de scheiding; {n} heeft moeite met de wisselingen.",
]

NOTES = [
    "{n} speelt graag buiten en heeft een vriendje in de straat.",
    "Ze ligt lang wakker en is 's ochtends moeilijk wakker te krijgen.",
    "Na de pauze lukt het concentreren minder goed; een actieve taak helpt.",
    "Ouders merken dat een vast ritueel bij het naar bed gaan rust geeft.",
    "De leerkracht ziet vooruitgang bij rekenen; lezen blijft lastig.",
    "Moeder geeft aan zelf weinig steun te hebben in haar omgeving.",
    "Het gezin wacht op een plek bij de jeugdhulp; de wachtlijst is zes weken.",
    "{n} vertelt zelf dat de rustplek in de klas fijn is.",
    "Vader werkt in ploegendienst; de avonden zijn daardoor onregelmatig.",
    "Er is een logopedieonderzoek gedaan; het verslag volgt binnen twee weken.",
]

DECISIONS = [
    ("Extra consult bij de jeugdverpleegkundige", "Onderzoek en advies"),
    ("Opvoedondersteuning thuis door het wijkteam (6 gesprekken)", "Lichte ondersteuning"),
    ("Inzet gezinscoach", "Jeugdhulp"),
    ("Arrangement extra ondersteuning in de klas", "Arrangementen"),
    ("Verzuimgesprek met ouders en leerplicht", "Verzuim"),
    ("Warme overdracht van voorschool naar groep 1", "Overdracht"),
]

AGREEMENTS = [
    "Plant een consult met ouders en {n}",
    "Houden twee weken een slaapdagboek bij",
    "Geeft {n} na de pauze een actieve taak",
    "Maakt een afspraak voor het eerste huisbezoek",
    "Zegt het tegen de juf als {n} even naar de rustplek wil",
    "Richt een rustplek in de klas in",
    "Vraagt het verslag van de logopedist op",
    "Meldt {n} aan bij de jeugdhulp",
    "Belt ouders na twee weken om te horen hoe het gaat",
    "Bespreekt de voortgang in het volgende knooppunt",
    "Zoekt uit of een tolk bij het volgende gesprek kan zijn",
    "Stuurt het handelingsplan naar ouders",
]
