#!/usr/bin/env python3
"""Write ``lexicons/countries.tsv``: countries, their French names and nationality adjectives.

Country names are the French territory names of the Unicode CLDR, read through
Babel (``babel.Locale('fr').territories``; CLDR data under the Unicode License
v3, Babel BSD-3-Clause), plus a few common variants written here. Nationality
adjectives (masculine singular) and EU/NATO membership are written from general
knowledge of French and of the two organisations (EU 27, NATO 32 members,
2024); feminine and plural forms are derived by the regular French rules, with
the irregular ones given in full. Nothing here was taken from an article.

Usage: ``python tools/build_countries.py > lexicons/countries.tsv``
"""
from __future__ import annotations

import sys

from babel import Locale

EU = set("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())
NATO = set("AL BE BG CA HR CZ DK EE FI FR DE GR HU IS IT LV LT LU ME NL MK NO PL PT RO SK SI ES SE TR GB US".split())

#: masculine singular adjective (or several, "|"-separated) per ISO 3166-1 code
ADJECTIVES = {
    "AF": "afghan", "AL": "albanais", "DZ": "algérien", "AD": "andorran", "AO": "angolais",
    "AR": "argentin", "AM": "arménien", "AU": "australien", "AT": "autrichien", "AZ": "azerbaïdjanais",
    "BS": "bahaméen", "BH": "bahreïni", "BD": "bangladais", "BB": "barbadien", "BY": "biélorusse|bélarusse",
    "BE": "belge", "BZ": "bélizien", "BJ": "béninois", "BT": "bhoutanais", "BO": "bolivien",
    "BA": "bosnien|bosniaque", "BW": "botswanais", "BR": "brésilien", "BN": "brunéien", "BG": "bulgare",
    "BF": "burkinabé", "BI": "burundais", "KH": "cambodgien", "CM": "camerounais", "CA": "canadien",
    "CV": "cap-verdien", "CF": "centrafricain", "CL": "chilien", "CN": "chinois", "CY": "chypriote",
    "CO": "colombien", "KM": "comorien", "CG": "congolais", "CD": "congolais", "CR": "costaricien",
    "CI": "ivoirien", "HR": "croate", "CU": "cubain", "DK": "danois", "DJ": "djiboutien",
    "DO": "dominicain", "EG": "égyptien", "AE": "émirati", "EC": "équatorien", "ER": "érythréen",
    "ES": "espagnol", "EE": "estonien", "SZ": "swazi", "US": "américain|étasunien", "ET": "éthiopien",
    "FJ": "fidjien", "FI": "finlandais", "FR": "français", "GA": "gabonais", "GM": "gambien",
    "GE": "géorgien", "GH": "ghanéen", "GR": "grec", "GT": "guatémaltèque", "GN": "guinéen",
    "GQ": "équatoguinéen", "GW": "bissaoguinéen", "GY": "guyanien", "HT": "haïtien", "HN": "hondurien",
    "HU": "hongrois", "IN": "indien", "ID": "indonésien", "IQ": "irakien", "IR": "iranien",
    "IE": "irlandais", "IS": "islandais", "IL": "israélien", "IT": "italien", "JM": "jamaïcain",
    "JP": "japonais|nippon", "JO": "jordanien", "KZ": "kazakh|kazakhstanais", "KE": "kényan",
    "KG": "kirghiz", "KW": "koweïtien", "LA": "laotien", "LS": "lesothan", "LV": "letton",
    "LB": "libanais", "LR": "libérien", "LY": "libyen", "LI": "liechtensteinois", "LT": "lituanien",
    "LU": "luxembourgeois", "MK": "macédonien", "MG": "malgache", "MY": "malaisien", "MW": "malawite",
    "MV": "maldivien", "ML": "malien", "MT": "maltais", "MA": "marocain", "MU": "mauricien",
    "MR": "mauritanien", "MX": "mexicain", "MD": "moldave", "MC": "monégasque", "MN": "mongol",
    "ME": "monténégrin", "MZ": "mozambicain", "MM": "birman", "NA": "namibien", "NP": "népalais",
    "NI": "nicaraguayen", "NE": "nigérien", "NG": "nigérian", "KP": "nord-coréen", "NO": "norvégien",
    "NZ": "néo-zélandais", "OM": "omanais", "UG": "ougandais", "UZ": "ouzbek", "PK": "pakistanais",
    "PS": "palestinien", "PA": "panaméen", "PG": "papouan-néo-guinéen", "PY": "paraguayen",
    "NL": "néerlandais|hollandais", "PE": "péruvien", "PH": "philippin", "PL": "polonais",
    "PT": "portugais", "QA": "qatari|qatarien", "RO": "roumain", "GB": "britannique|anglais|écossais|gallois",
    "RU": "russe", "RW": "rwandais", "SV": "salvadorien", "SA": "saoudien", "SN": "sénégalais",
    "RS": "serbe", "SC": "seychellois", "SL": "sierraléonais", "SG": "singapourien", "SK": "slovaque",
    "SI": "slovène", "SO": "somalien", "SD": "soudanais", "SS": "sud-soudanais", "LK": "sri-lankais",
    "SE": "suédois", "CH": "suisse|helvétique", "SR": "surinamais", "SY": "syrien", "TJ": "tadjik",
    "TW": "taïwanais", "TZ": "tanzanien", "TD": "tchadien", "CZ": "tchèque", "TH": "thaïlandais",
    "TL": "est-timorais", "TG": "togolais", "TT": "trinidadien", "TN": "tunisien", "TM": "turkmène",
    "TR": "turc", "UA": "ukrainien", "UY": "uruguayen", "VA": "vatican", "VE": "vénézuélien",
    "VN": "vietnamien", "YE": "yéménite", "ZM": "zambien", "ZW": "zimbabwéen", "ZA": "sud-africain",
    "KR": "sud-coréen", "XK": "kosovar", "DE": "allemand", "SM": "saint-marinais", "FM": "micronésien",
    "ST": "santoméen", "TO": "tongien", "VU": "vanuatais", "WS": "samoan", "KI": "kiribatien",
    "NR": "nauruan", "PW": "palaosien", "SB": "salomonais", "MH": "marshallais", "EU": "européen|communautaire",
}
#: irregular feminine singular forms (masculine -> feminine)
FEMININE = {"grec": "grecque", "turc": "turque", "kazakh": "kazakhe", "ouzbek": "ouzbèke",
            "tadjik": "tadjike", "kirghiz": "kirghize", "letton": "lettone", "burkinabé": "burkinabée",
            "swazi": "swazie", "vatican": "vaticane", "mongol": "mongole", "kényan": "kényane",
            "bahreïni": "bahreïnie", "émirati": "émiratie", "qatari": "qatarie", "nippon": "nippone"}
#: common names that CLDR spells otherwise, and capital or seat metonymies are left to the actors file
EXTRA_NAMES = {"US": ["Etats-Unis"], "GB": ["Grande-Bretagne", "Angleterre", "Ecosse", "Pays de Galles"],
               "BY": ["Bélarus"], "CZ": ["République tchèque"], "VN": ["Vietnam"], "MM": ["Myanmar", "Birmanie"],
               "MK": ["Macédoine"], "CD": ["République démocratique du Congo", "RDC"],
               "PS": ["Palestine"], "KR": ["Corée du Sud"], "KP": ["Corée du Nord"], "CI": ["Côte d'Ivoire"],
               "TL": ["Timor-Leste"], "VA": ["Vatican", "Saint-Siège"], "SZ": ["Swaziland"], "CV": ["Cap Vert"], "DE": ["RFA"]}
#: capitals, which news uses for their governments ("les autorités de Ryad", "Ankara a démenti"); left
#: out: those that are also common words, first names or other places (Vienne, Sofia, Lima, Santiago,
#: Tripoli), shared (Jérusalem, Bruxelles), or the home capital and outlet names built on it (Paris, Washington)
CAPITALS = {"SA": "Ryad|Riyad", "TR": "Ankara", "CN": "Pékin", "RU": "Moscou", "UA": "Kiev|Kyiv",
            "IR": "Téhéran", "SY": "Damas", "IQ": "Bagdad", "EG": "Le Caire", "DZ": "Alger", "MA": "Rabat",
            "LB": "Beyrouth", "JO": "Amman", "QA": "Doha", "AE": "Abou Dhabi", "PK": "Islamabad",
            "IN": "New Delhi", "JP": "Tokyo", "KR": "Séoul", "KP": "Pyongyang", "TW": "Taipei", "VN": "Hanoï",
            "PH": "Manille", "ID": "Jakarta", "AU": "Canberra", "CA": "Ottawa", "BR": "Brasilia",
            "AR": "Buenos Aires", "VE": "Caracas", "CU": "La Havane", "CO": "Bogota", "GB": "Londres",
            "DE": "Berlin", "IT": "Rome", "ES": "Madrid", "PT": "Lisbonne", "PL": "Varsovie", "HU": "Budapest",
            "CZ": "Prague", "RO": "Bucarest", "GR": "Athènes", "SE": "Stockholm", "FI": "Helsinki",
            "NO": "Oslo", "DK": "Copenhague", "NL": "La Haye", "IE": "Dublin", "CH": "Berne", "AF": "Kaboul",
            "BY": "Minsk", "GE": "Tbilissi", "AM": "Erevan", "AZ": "Bakou", "CD": "Kinshasa", "SN": "Dakar",
            "ML": "Bamako", "NE": "Niamey", "BF": "Ouagadougou", "ET": "Addis-Abeba", "KE": "Nairobi",
            "ZA": "Pretoria", "NG": "Abuja", "SD": "Khartoum", "IL": "Tel-Aviv"}
#: states of a federation whose government has its own camp in the shipped actors file (the US):
#: a story set in a US state ("un incendie en Californie") is a US story. Names that are also a
#: country (Géorgie), a first name (Virginie), a French place (Maine) or part of an outlet's name
#: (New York, Washington) are left out. From general knowledge of French.
REGIONS = {"US": "Alabama|Alaska|Arizona|Arkansas|Californie|Caroline du Nord|Caroline du Sud|Colorado|"
                 "Connecticut|Dakota du Nord|Dakota du Sud|Delaware|Floride|Hawaï|Idaho|Illinois|Indiana|Iowa|"
                 "Kansas|Kentucky|Louisiane|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|"
                 "Montana|Nebraska|Nevada|New Hampshire|New Jersey|Nouveau-Mexique|Ohio|Oklahoma|Oregon|"
                 "Pennsylvanie|Rhode Island|Tennessee|Texas|Utah|Vermont|Virginie-Occidentale|Wisconsin|Wyoming"}
#: CLDR names that are also common French words or first names: not matched
NOT_NAMES = {"Maurice", "Dominique", "Grenade", "Salvador", "Niger", "Myanmar (Birmanie)"}
#: codes of CLDR that are not states (regions, pseudo-locales, territories)
SKIP = set("AC AQ AS AW AX BL BM BQ BV CC CK CP CQ CW CX DG EA EH EZ FK FO GF GG GI GL GP GS GU HK HM IC "
           "IM IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR QO RE SH SJ SX TA TC TF TK UM VG VI WF XA XB "
           "YT ZZ UN".split())


def feminine(m: str) -> str:
    if m in FEMININE:
        return FEMININE[m]
    if m.endswith("e"):
        return m
    if m.endswith(("ien", "éen", "en")):
        return m + "ne"
    return m + "e"


def plural(s: str) -> str:
    return s if s.endswith(("s", "x")) else s + "s"


def forms(m: str) -> list[str]:
    f = feminine(m)
    return list(dict.fromkeys([m, f, plural(m), plural(f)]))


def groups(code: str) -> str:
    if code == "EU":
        return "eu"
    return " ".join(g for g, members in (("eu", EU), ("nato", NATO)) if code in members)


def main() -> None:
    names = Locale("fr").territories
    out = sys.stdout
    out.write("# name: countries\n"
              "# source: country names: Unicode CLDR French territory names via Babel "
              f"(babel {__import__('babel').__version__}), plus common variants; nationality adjectives, "
              "derived inflections and EU/NATO membership (2024) written for the framing project from "
              "general knowledge of French; capitals (names of their governments) and US states from general knowledge; generated by tools/build_countries.py\n"
              "# license: CLDR names: Unicode-3.0; the rest CC0-1.0\n"
              "# version: 1.2\n"
              "# columns: term\tcode\tkind\tgroups\n"
              "#\n# kind: country (a name; case-sensitive when written =Name) or adjective (any of\n"
              "# its inflections) or region (a state of a federation, case-sensitive); groups: eu, nato\n"
              "# (membership of the country).\n")
    codes = sorted(set(ADJECTIVES) | {c for c in names if len(c) == 2 and c.isalpha() and c not in SKIP})
    for code in codes:
        name = names.get(code, "")
        seen = []
        for n in ([name] if name else []) + EXTRA_NAMES.get(code, []) + CAPITALS.get(code, "").split("|"):
            n = n.replace("’", "'")
            if n and n not in NOT_NAMES and n not in seen and "R.A.S." not in n:
                seen.append(n)
        for n in seen:
            out.write(f"={n}\t{code}\tcountry\t{groups(code)}\n")
        for n in REGIONS.get(code, "").split("|"):
            if n:
                out.write(f"={n}\t{code}\tregion\t{groups(code)}\n")
        for adj in ADJECTIVES.get(code, "").split("|"):
            if adj:
                for form in forms(adj):
                    out.write(f"{form}\t{code}\tadjective\t{groups(code)}\n")


if __name__ == "__main__":
    main()
