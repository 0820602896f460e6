"""Writes the four Outlook contact exports in this folder (run it after changing the people).

Headers: the complete column lists Outlook's "Export to a file → Comma Separated Values" writes,
English and Dutch, in Outlook's own order; every field quoted, CRLF, as Outlook does. The English
and Dutch files hold the same four (fictional) people with Outlook's defaults for untouched fields.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

ENGLISH = [
    "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department", "Job Title",
    "Business Street", "Business Street 2", "Business Street 3", "Business City", "Business State",
    "Business Postal Code", "Business Country/Region", "Home Street", "Home Street 2", "Home Street 3",
    "Home City", "Home State", "Home Postal Code", "Home Country/Region", "Other Street", "Other Street 2",
    "Other Street 3", "Other City", "Other State", "Other Postal Code", "Other Country/Region",
    "Assistant's Phone", "Business Fax", "Business Phone", "Business Phone 2", "Callback", "Car Phone",
    "Company Main Phone", "Home Fax", "Home Phone", "Home Phone 2", "ISDN", "Mobile Phone", "Other Fax",
    "Other Phone", "Pager", "Primary Phone", "Radio Phone", "TTY/TDD Phone", "Telex", "Account", "Anniversary",
    "Assistant's Name", "Billing Information", "Birthday", "Business Address PO Box", "Categories", "Children",
    "Directory Server", "E-mail Address", "E-mail Type", "E-mail Display Name", "E-mail 2 Address",
    "E-mail 2 Type", "E-mail 2 Display Name", "E-mail 3 Address", "E-mail 3 Type", "E-mail 3 Display Name",
    "Gender", "Government ID Number", "Hobby", "Home Address PO Box", "Initials", "Internet Free Busy",
    "Keywords", "Language", "Location", "Manager's Name", "Mileage", "Notes", "Office Location",
    "Organizational ID Number", "Other Address PO Box", "Priority", "Private", "Profession", "Referred By",
    "Sensitivity", "Spouse", "User 1", "User 2", "User 3", "User 4", "Web Page",
]
DUTCH = [
    "Titel", "Voornaam", "Middelste naam", "Achternaam", "Achtervoegsel", "Bedrijf", "Afdeling", "Functie",
    "Werkadres, straat", "Werkadres 2, straat", "Werkadres 3, straat", "Werkadres, plaats",
    "Werkadres, provincie", "Werkadres, postcode", "Land/regio (werk)", "Huisadres, straat",
    "Huisadres, straat 2", "Huisadres, straat 3", "Huisadres, plaats", "Huisadres, provincie",
    "Huisadres, postcode", "Land/regio (thuis)", "Ander adres, straat", "Ander adres, straat 2",
    "Ander adres, straat 3", "Ander adres, plaats", "Ander adres, provincie", "Ander adres, postcode",
    "Land/regio (anders)", "Telefoon assistent", "Fax op werk", "Telefoon op werk", "Telefoon op werk 2",
    "Terugbellen", "Autotelefoon", "Hoofdtelefoon bedrijf", "Fax thuis", "Telefoon thuis", "Telefoon thuis 2",
    "ISDN", "Mobiele telefoon", "Andere fax", "Andere telefoon", "Pager", "Hoofdtelefoon", "Radiotelefoon",
    "Teksttelefoon", "Telex", "Account", "Adreslijstserver", "Ander adres, postbusnummer", "Beroep",
    "Categorieën", "E-mailadres", "E-mailtype", "Weergavenaam voor e-mail", "E-mailadres 2", "E-mailtype 2",
    "E-mail, weergegeven naam 2", "E-mailadres 3", "E-mailtype 3", "E-mail, weergegeven naam 3",
    "Factuurinformatie", "Gebruiker 1", "Gebruiker 2", "Gebruiker 3", "Gebruiker 4", "Geslacht",
    "Gevoeligheid", "Hobby's", "Huisadres, postbusnummer", "Initialen", "Internet Beschikbaarheidsinfo",
    "Kantoorlocatie", "Kinderen", "Locatie", "Naam assistent", "Naam manager", "Notities", "Organisatie-id",
    "Partner", "Prioriteit", "Privé", "Referentie van", "Reisafstand", "Sofinummer", "Speciale datum", "Taal",
    "Trefwoorden", "Verjaardag", "Webpagina", "Werkadres, postbusnummer",
]
# English column → Dutch column, for the columns the people below fill.
TO_DUTCH = {
    "Title": "Titel", "First Name": "Voornaam", "Middle Name": "Middelste naam", "Last Name": "Achternaam",
    "Company": "Bedrijf", "Department": "Afdeling", "Job Title": "Functie", "Business Street": "Werkadres, straat",
    "Business City": "Werkadres, plaats", "Business Postal Code": "Werkadres, postcode",
    "Business Country/Region": "Land/regio (werk)", "Home Street": "Huisadres, straat", "Home City": "Huisadres, plaats",
    "Home Postal Code": "Huisadres, postcode", "Business Phone": "Telefoon op werk",
    "Business Phone 2": "Telefoon op werk 2", "Company Main Phone": "Hoofdtelefoon bedrijf",
    "Home Phone": "Telefoon thuis", "Mobile Phone": "Mobiele telefoon", "Primary Phone": "Hoofdtelefoon",
    "E-mail Address": "E-mailadres", "E-mail Type": "E-mailtype", "E-mail Display Name": "Weergavenaam voor e-mail",
    "E-mail 2 Address": "E-mailadres 2", "E-mail 2 Type": "E-mailtype 2",
    "E-mail 2 Display Name": "E-mail, weergegeven naam 2", "Notes": "Notities", "Initials": "Initialen",
    "Categories": "Categorieën", "Location": "Locatie",
}
DEFAULTS = {
    "en": {"Anniversary": "0/0/00", "Birthday": "0/0/00", "Gender": "Unspecified", "Priority": "Normal",
           "Private": "False", "Sensitivity": "Normal"},
    "nl": {"Speciale datum": "0-0-00", "Verjaardag": "0-0-00", "Geslacht": "Niet-gespecificeerd",
           "Prioriteit": "Normaal", "Privé": "Onwaar", "Gevoeligheid": "Normaal"},
}
PEOPLE = [
    {"First Name": "Renée", "Last Name": "Çelik", "Company": "GGD Zuid Limburg", "Department": "Jeugdgezondheidszorg",
     "Job Title": "Jeugdarts", "Business Street": "Het Overloon 2", "Business City": "Heerlen",
     "Business Postal Code": "6411 TE", "Business Country/Region": "Nederland",
     "Business Phone": "+31 (45) 850 6600", "Business Phone 2": "+31 (45) 850 6601",
     "Company Main Phone": "+31 (88) 880 5000", "Mobile Phone": "+31 (6) 12345678",
     "E-mail Address": "r.celik@ggdzl.example", "E-mail Type": "SMTP",
     "E-mail Display Name": "Renée Çelik (r.celik@ggdzl.example)", "Initials": "R.Ç.",
     "Notes": "Maandag en dinsdag op locatie.\r\nNiet in schoolvakanties.", "Categories": "Knooppunt",
     "Location": "Heerlen-Noord"},
    {"Title": "Dhr.", "First Name": "Joost", "Middle Name": "van der", "Last Name": "Meer",
     "Company": "Jeugdhulp De Brug", "Job Title": "Gezinscoach", "Primary Phone": "+31 (43) 321 4455",
     "Business Phone 2": "+31 (43) 321 4400", "E-mail 2 Address": "j.vandermeer@debrug.example",
     "E-mail 2 Type": "SMTP", "E-mail 2 Display Name": "Joost van der Meer (j.vandermeer@debrug.example)",
     "Initials": "J.v.d.M."},
    {"First Name": "Fatma", "Last Name": "Yılmaz", "Company": "Bureau Leerplicht Parkstad",
     "Job Title": "Leerplichtambtenaar", "Business Phone 2": "+31 (45) 560 4000", "Mobile Phone": "06-28765432",
     "E-mail Address": "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/"
                       "cn=3f2a9c1d-fyilmaz", "E-mail Type": "EX", "E-mail Display Name": "Fatma Yılmaz",
     "E-mail 2 Address": "f.yilmaz@parkstad.example", "E-mail 2 Type": "SMTP", "Initials": "F.Y."},
    {"First Name": "Ingrid", "Last Name": "Dijkstra-Hermans", "Company": "Samenwerkingsverband Heuvelland",
     "Job Title": "Orthopedagoog", "Home Street": "Kloosterweg 14", "Home City": "Voerendaal",
     "Home Postal Code": "6367 CT", "Home Phone": "+31 (45) 511 2233", "Mobile Phone": "06 55 44 33 22",
     "E-mail Address": "i.dijkstra@swv-heuvelland.example", "E-mail Type": "SMTP",
     "Notes": 'Spreekt ook "Plat", Duits en Frans; belt terug binnen twee werkdagen.', "Initials": "I.D."},
]


def rows(language: str) -> list[list[str]]:
    header = ENGLISH if language == "en" else DUTCH
    out = [header]
    for person in PEOPLE:
        values = dict(DEFAULTS[language])
        values.update({(k if language == "en" else TO_DUTCH[k]): v for k, v in person.items()})
        out.append([values.get(column, "") for column in header])
    return out


def write(path: Path, language: str, encoding: str) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows(language))
    # Outlook's ANSI export writes '?' for a letter Windows-1252 lacks (the ı of Yılmaz).
    data = buffer.getvalue().encode(encoding, errors="replace")
    path.write_bytes(codecs.BOM_UTF8 + data if encoding == "utf-8" else data)


if __name__ == "__main__":
    here = Path(__file__).parent
    assert len(ENGLISH) == 92 and len(DUTCH) == 92 and set(TO_DUTCH.values()) <= set(DUTCH)
    for language in ("en", "nl"):
        write(here / f"outlook-{language}-utf8.csv", language, "utf-8")
        write(here / f"outlook-{language}-cp1252.csv", language, "cp1252")
