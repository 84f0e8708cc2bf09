"""Actors file, camp resolution of speakers and sources, voice features."""
from __future__ import annotations


import pytest

from framing.actors import ActorsError, load_actors, parse_actors
from framing.backends import get_backend
from framing.extract import camps
from framing.features import FeatureContext
from framing.resources import default_config, get_resources
from framing.spans import Span

from conftest import needs_shared


def span(text: str, label: str, part: str, mention: str | None = None, nth: int = 0, **attrs) -> Span:
    """A span over the ``nth`` occurrence of ``part``; ``mention`` sets speaker_span/source_span."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    if mention is not None:
        m = text.index(mention)
        attrs["source_span" if label == "ATTR" else "speaker_span"] = [m, m + len(mention)]
    return Span.at(text, start, start + len(part), label, **attrs)


def run(text: str, spans: list[Span], actors: str | None = None) -> list[Span]:
    doc = get_backend("builtin").parse(text)
    return camps.extract(doc, spans, get_resources(default_config(actors=actors)))


@pytest.fixture(scope="module")
def idx():
    return load_actors()


# --- the actors file --------------------------------------------------------

@pytest.mark.parametrize("name, canonical, camp", [
    ("Gerassimov", "Valeri Guerassimov", "russia"),
    ("Valery Gerasimov", "Valeri Guerassimov", "russia"),
    ("Guérassimov", "Valeri Guerassimov", "russia"),
    ("Zelenskyy", "Volodymyr Zelensky", "ukraine"),
    ("Zelenski", "Volodymyr Zelensky", "ukraine"),
    ("le président Zélensky", "Volodymyr Zelensky", "ukraine"),
    ("Kim Jong Un", "Kim Jong-un", "north_korea"),
    ("KIM JONG-UN", "Kim Jong-un", "north_korea"),
    ("Putin", "Vladimir Poutine", "russia"),
    ("Kyiv", "Kiev", "ukraine"),
    ("Kyïv", "Kiev", "ukraine"),
    ("la Maison Blanche", "Washington", "usa"),
    ("l’OTAN", "OTAN", "nato_eu"),
    ("Institut pour l’étude de la guerre", "Institut pour l'étude de la guerre", "expert"),
    ("ISW", "Institut pour l'étude de la guerre", "expert"),
    ("agence KCNA", "KCNA", "north_korea"),
    ("TASS", "TASS", "russia"),
    ("Reuters", "Reuters", "media"),
    ("services de renseignement américains", "CIA", "usa"),
    # actors file 1.1: 2014-2025 officials, Navalny/Skripal affairs, disinformation, elections
    ("Dmitry Kiselev", "Dmitri Kisselev", "russia"),
    ("Ella Pamfilova", "Ella Pamfilova", "russia"),
    ("Roskomnadzor", "Roskomnadzor", "russia"),
    ("Ruslan Boshirov", "Rouslan Bochirov", "russia"),
    ("Vasyl Malyuk", "Vassyl Maliouk", "ukraine"),
    ("Kim Ju Ae", "Kim Ju-ae", "north_korea"),
    ("Chung Eui-yong", "Chung Eui-yong", "south_korea"),
    ("Jen Psaki", "Jen Psaki", "usa"),
    ("Liz Truss", "Liz Truss", "nato_eu"),
    ("Leonid Volkov", "Leonid Volkov", "other"),
    ("Sergei Skripal", "Sergueï Skripal", "other"),
    ("Loukachenka", "Alexandre Loukachenko", "other"),
    ("OPCW", "OIAC", "other"),
    ("Xinhua", "Xinhua", "other"),
    ("DFRLab", "DFRLab", "expert"),
    ("USGS", "USGS", "expert"),
    ("Golos", "Golos", "expert"),
])
def test_alias_and_transliteration_resolution(idx, name, canonical, camp):
    actor = idx.resolve(name)
    assert actor is not None and actor.canonical == canonical and actor.camp == camp


@pytest.mark.parametrize("name", ["Sabrina Singh", "Jean Dupont", "il", "anonymous", "unknown", "",
                                  "le nord de l'Ukraine est calme"[:9],
                                  # common nouns that are also outlet or NGO names
                                  "l'humanité", "le devoir", "la tribune", "un mémorial", "le sud-ouest", "en anglais"])
def test_unknown_names_are_not_guessed(idx, name):
    assert idx.resolve(name) is None


def test_case_sensitive_aliases(idx):
    assert idx.resolve("la Commission militaire centrale du Nord").camp == "north_korea"
    # "le nord de l'Ukraine" is a region, not Pyongyang
    assert [m.item.camp for m in idx.mentions("dans le nord de l'Ukraine")] == ["ukraine"]
    assert idx.resolve("Irlande du Nord").camp == "other"


@pytest.mark.parametrize("description, camp, how", [
    ("porte-parole du Pentagone", "usa", "actor"),
    ("le président ukrainien", "ukraine", "actor"),
    ("l'armée sud-coréenne", "south_korea", "actor"),
    ("ministère ukrainien de la Défense", "ukraine", "actor"),
    ("un analyste militaire", "expert", "role:expert"),
    ("un groupe de réflexion basé à Washington", "expert", "role:expert"),
    ("un déserteur ayant servi dans l’armée nord-coréenne", "other", "role:defector"),
    ("le porte-parole", None, "role:office"),
    ("les médias d'État", None, "role:state_media"),
    ("les observateurs", None, "role:group"),
])
def test_role_descriptions(idx, description, camp, how):
    assert idx.describe(description) == (camp, how)


def test_shipped_file_declares_the_study_camps(idx):
    assert idx.camps == ("russia", "ukraine", "north_korea", "south_korea", "usa", "nato_eu",
                         "expert", "media", "other", "unknown")
    assert idx.relation("russia", "north_korea") == "ally"
    assert idx.relation("ukraine", "russia") == "opponent"
    assert idx.relation("expert", "russia") == "none"


def test_actors_file_validation(tmp_path):
    head = "# source: test\n# license: CC0-1.0\n# version: 1\n# camps: a b unknown\n# columns: term\taliases\tcamp\n"
    with pytest.raises(ActorsError, match=r":6: camp 'c' is not in"):
        parse_actors(head + "X\tX\tc\n", "f.tsv")
    with pytest.raises(ActorsError, match=r":7: alias 'Y' is already given camp 'a' on line 6"):
        parse_actors(head + "X\tY\ta\nZ\tY\tb\n", "f.tsv")
    with pytest.raises(ActorsError, match="missing '# license:'"):
        parse_actors("# source: t\n# version: 1\n# columns: term\tcamp\nX\ta\n", "f.tsv")


# --- camps of speakers in text ------------------------------------------------

def test_metonymy_moscou_a_dementi():
    text = "Moscou a démenti toute présence de soldats nord-coréens. Le Kremlin a affirmé que l'opération avançait."
    out = run(text, [
        span(text, "ATTR", "a démenti", mention="Moscou", source="Moscou", stype="institution"),
        span(text, "ATTR", "a affirmé", mention="Le Kremlin", source="Kremlin", stype="institution"),
        span(text, "IQUOTE", "l'opération avançait", mention="Le Kremlin", speaker="Kremlin"),
    ])
    assert [s.attrs["camp"] for s in out] == ["russia", "russia", "russia"]


def test_unnamed_sources_stay_unknown_and_a_person_without_role_is_private():
    text = "Jean Dupont a déclaré que la situation était calme. Des sources affirment que les combats continuent."
    out = run(text, [
        span(text, "IQUOTE", "la situation était calme", mention="Jean Dupont", speaker="Jean Dupont"),
        span(text, "IQUOTE", "les combats continuent", mention="Des sources", speaker="anonymous"),
    ])
    # a person named in full to whom the text gives no role speaks as a private person (issue 17)
    assert out[0].attrs["camp"] == "other" and out[0].attrs["camp_method"] == "person-no-role"
    assert out[0].attrs["role"] == "citizen"
    assert out[1].attrs["camp"] == "unknown" and out[1].attrs["role"] == "anonymous"


def test_anonymous_with_a_side_in_its_description():
    text = "Des responsables ukrainiens ont nié que la ville soit tombée."
    out = run(text, [span(text, "IQUOTE", "la ville soit tombée", mention="Des responsables ukrainiens",
                          speaker="anonymous")])
    assert out[0].attrs["camp"] == "ukraine"


@pytest.mark.parametrize("source", ["son entourage", "l'un de ses conseillers", "ses proches"])
def test_a_persons_circle_speaks_for_that_person(source):
    text = (f"Le président ukrainien Volodymyr Zelensky prépare sa réponse. "
            f"« Il parlera demain », a expliqué {source} à l'AFP.")
    name = source.split()[-1]
    out = run(text, [span(text, "QUOTE", "« Il parlera demain »", mention=name, speaker="anonymous")])
    assert (out[0].attrs["camp"], out[0].attrs["camp_method"]) == ("ukraine", "context")


def test_a_circle_without_an_anaphoric_determiner_says_nothing():
    # "des proches" is no one's in particular: the unnamed source stays unknown
    text = "Le président ukrainien Volodymyr Zelensky prépare sa réponse. « Il parlera », ont dit des proches."
    out = run(text, [span(text, "QUOTE", "« Il parlera »", mention="des proches", speaker="anonymous")])
    assert out[0].attrs["camp"] == "unknown"


@pytest.mark.parametrize("speaker", ["le ministère", "ministère"])
def test_a_bare_definite_description_refers_back_to_its_qualified_mention(speaker):
    text = ("Le ministère russe des Affaires étrangères a convoqué l'ambassadeur allemand. "
            "Berlin a protesté. Plus tard, le ministère a exigé que le dossier soit « vérifié par des spécialistes ».")
    q = span(text, "QUOTE", "« vérifié par des spécialistes »", speaker=speaker)
    m = text.index("ministère", text.index("Plus tard"))
    out = run(text, [q.with_attrs(speaker_span=[m, m + len("ministère")])])
    assert (out[0].attrs["camp"], out[0].attrs["camp_method"]) == ("russia", "context")


def test_a_bare_noun_without_a_qualified_antecedent_is_not_resolved_by_it():
    text = "Le ministère a indiqué que « tout va bien »."
    out = run(text, [span(text, "QUOTE", "« tout va bien »", mention="ministère", speaker="le ministère")])
    assert out[0].attrs["camp_method"] != "context" or out[0].attrs["camp"] == "nato_eu"


def test_a_definite_description_that_takes_up_a_new_name_gives_its_role():
    text = ("Paula Bernard persiste et signe. Samedi, la députée de la France insoumise a publié un message. "
            "Elle a dit que « rien ne change ».")
    out = run(text, [span(text, "QUOTE", "« rien ne change »", mention="Paula Bernard", speaker="Paula Bernard")])
    assert (out[0].attrs["camp"], out[0].attrs["role"]) == ("nato_eu", "politician")


@pytest.mark.parametrize("text", [
    # another name after it in its sentence: the description may be theirs
    "Aux côtés de Paula Bernard, Marie Durand a répondu. Le ministre a reçu le soutien des députés. "
    "Elle a dit que « rien ne change ».",
    # the description's noun met before: someone already in the story
    "La députée a parlé hier. Paula Bernard persiste et signe. La députée a publié un message. "
    "Elle a dit que « rien ne change ».",
])
def test_a_description_that_may_be_someone_elses_is_not_read(text):
    out = run(text, [span(text, "QUOTE", "« rien ne change »", mention="Paula Bernard", speaker="Paula Bernard")])
    assert out[0].attrs["camp_method"] == "person-no-role"


def test_apposition_gives_the_side_of_a_name_not_in_the_file():
    text = ("Sabrina Singh, porte-parole du Pentagone, a révélé que les forces nord-coréennes s'entraînaient. "
            "« Ce déploiement révèle une dépendance », a déclaré Singh.")
    out = run(text, [
        span(text, "IQUOTE", "les forces nord-coréennes s'entraînaient", mention="Sabrina Singh",
             speaker="Sabrina Singh"),
        span(text, "QUOTE", "« Ce déploiement révèle une dépendance »", speaker="Sabrina Singh",
             speaker_span=[text.rindex("Singh"), text.rindex("Singh") + 5]),
    ])
    assert [s.attrs["camp"] for s in out] == ["usa", "usa"]
    assert out[0].attrs["camp_method"] == "apposition"


@pytest.mark.parametrize("text, speaker, camp", [
    ("L'analyste militaire Ivan Petrenko estime que « la ligne tiendra ».", "Ivan Petrenko", "expert"),
    ("Le vice-ministre russe des Affaires étrangères, Piotr Ivanov, a déclaré que « le dialogue continue ».",
     "Piotr Ivanov", "russia"),
    ("Park Min-jun, un déserteur ayant servi dans l'armée nord-coréenne, a déclaré : « Nous savons ».",
     "Park Min-jun", "other"),
    ("Le président ukrainien Volodymyr Zelensky a déclaré : « Nous tiendrons ».", "Volodymyr Zelensky", "ukraine"),
    ("M. Zelensky a déclaré : « Nous tiendrons ».", "M", "ukraine"),
    ("Le politologue Fiodor Loukianov estime que « rien ne changera ».", "Fiodor Loukianov", "expert"),
    ("L'opposante Svetlana Tikhanovskaïa a déclaré : « Nous continuerons ».", "Svetlana Tikhanovskaïa", "other"),
    ("Maria Pevtchikh, de l'équipe de Navalny, a affirmé : « Il a été empoisonné ».", "Maria Pevtchikh", "other"),
])
def test_titles_and_appositions(text, speaker, camp):
    q = text[text.index("«"):text.rindex("»") + 1]
    out = run(text, [span(text, "QUOTE", q, mention=speaker, speaker=speaker)])
    assert out[0].attrs["camp"] == camp


def test_bare_office_takes_the_previous_institutional_speaker():
    text = ("Le ministère sud-coréen de l'Unification a affirmé que le déploiement était une provocation. "
            "Le porte-parole Lee Chang-ho a également jugé que « c'est inacceptable ».")
    out = run(text, [
        span(text, "IQUOTE", "le déploiement était une provocation",
             mention="Le ministère sud-coréen de l'Unification", speaker="ministère sud-coréen de l'Unification"),
        span(text, "QUOTE", "« c'est inacceptable »", mention="Lee Chang-ho", speaker="Lee Chang-ho"),
    ])
    assert [s.attrs["camp"] for s in out] == ["south_korea", "south_korea"]
    assert out[1].attrs["camp_method"] == "context"


def test_stype_fallback_and_attr_spans_get_a_camp():
    text = "Selon Anna Weber, la ligne de front est stable."
    out = run(text, [span(text, "ATTR", "Selon", mention="Anna Weber", source="Anna Weber", stype="expert"),
                     span(text, "IQUOTE", "la ligne de front est stable", mention="Anna Weber", speaker="Anna Weber")])
    assert [s.attrs["camp"] for s in out] == ["expert", "expert"]
    assert "stance" not in out[0].attrs and out[1].attrs["stance"] in ("supportive", "critical", "neutral")


# --- another conflict's actors file --------------------------------------------

ISRAEL_HAMAS = """# name: actors
# source: test file for another conflict
# license: CC0-1.0
# version: 0.1
# camps: israel palestine usa expert media unknown
# sides: israel usa | palestine
# columns: term\taliases\tcamp\trole\tcountry
Benyamin Netanyahou\tBenyamin Netanyahou|Benjamin Netanyahu|Netanyahou|Netanyahu\tisrael\tprime_minister\tIL
Tsahal\tTsahal|armée israélienne|IDF\tisrael\tarmy\tIL
Jérusalem\tJérusalem|Israël|gouvernement israélien\tisrael\tgovernment\tIL
Hamas\tHamas|le Hamas|branche armée du Hamas|Brigades Ezzedine al-Qassam\tpalestine\tarmed_group\tPS
Gaza\tministère de la Santé de Gaza\tpalestine\tgovernment\tPS
israélien\tisraélien|israélienne|israéliens|israéliennes\tisrael\tnationality\tIL
palestinien\tpalestinien|palestinienne|palestiniens|palestiniennes\tpalestine\tnationality\tPS
Washington\tWashington|Maison Blanche|États-Unis\tusa\tgovernment\tUS
"""


def test_user_actors_file_replaces_the_shipped_one(tmp_path):
    path = tmp_path / "israel_hamas.tsv"
    path.write_text(ISRAEL_HAMAS, encoding="utf-8")
    idx = load_actors(path)
    assert idx.camps == ("israel", "palestine", "usa", "expert", "media", "unknown")
    assert idx.resolve("Netanyahu").camp == "israel"
    assert idx.resolve("Moscou") is None  # the shipped file is replaced, not extended
    text = ("Le porte-parole israélien, Daniel Cohen, a affirmé que le Hamas avait lancé une attaque. "
            "Le Hamas a dénoncé « une agression ». Moscou a appelé au calme.")
    out = run(text, [
        span(text, "IQUOTE", "le Hamas avait lancé une attaque", mention="Daniel Cohen", speaker="Daniel Cohen"),
        span(text, "QUOTE", "« une agression »", mention="Le Hamas", speaker="Hamas"),
        span(text, "ATTR", "a appelé", mention="Moscou", source="Moscou", stype="institution"),
    ], actors=str(path))
    assert [s.attrs["camp"] for s in out] == ["israel", "palestine", "unknown"]
    assert out[0].attrs["target"] == "palestine"
    doc = get_backend("builtin").parse(text)
    camps.extract(doc, [], get_resources(default_config(actors=str(path))))
    feats = camps.features(FeatureContext(doc, out, 30, 3))
    assert "voice_israel_share" in feats and "voice_russia_share" not in feats
    assert "stance_balance_palestine" in feats


# --- features -------------------------------------------------------------------

def test_voice_features_count_nested_words_once():
    text = "Kiev a affirmé que les troupes russes reculaient « en désordre » partout. Moscou a démenti."
    spans_in = [
        span(text, "IQUOTE", "les troupes russes reculaient « en désordre » partout", mention="Kiev", speaker="Kiev"),
        span(text, "QUOTE", "« en désordre »", mention="Kiev", speaker="Kiev", mixed="yes"),
        span(text, "ATTR", "a démenti", mention="Moscou", source="Moscou", stype="institution"),
    ]
    doc = get_backend("builtin").parse(text)
    out = camps.extract(doc, spans_in, get_resources(default_config()))
    n_words = sum(1 for _ in doc.words())
    f = camps.features(FeatureContext(doc, out, n_words, 2))
    assert f["voice_ukraine_share"] == 1.0
    assert sum(v for k, v in f.items() if k.startswith("voice_")) == pytest.approx(1.0)
    assert f["n_camps_quoted"] == 1.0
    assert f["home_voice_share"] == 1.0 and f["other_voice_share"] == 0.0
    assert f["camp_unknown_share"] == 0.0
    assert all(f"stance_balance_{c}" in f for c in load_actors().camps)


def test_features_of_an_empty_document_are_zero():
    doc = get_backend("builtin").parse("")
    f = camps.features(FeatureContext(doc, [], 0, 0))
    assert f and all(v == 0.0 for v in f.values())


# --- seed gold ------------------------------------------------------------------

@needs_shared
def test_camp_accuracy_on_gold_spans(camps_on_gold_speakers):
    """Camps from gold speakers (oracle input): the camp stage alone, on the seed gold."""
    n = len(camps_on_gold_speakers)
    ok = sum(g.attrs["camp"] == p.attrs["camp"] for g, p in camps_on_gold_speakers)
    assert n > 60 and ok / n >= 0.85


def test_an_unnamed_speaker_no_text_places_takes_the_residual_side():
    # Clarifications: unnamed individuals take the side of what they are; when no cue or
    # description says more, the codebook's residual side (citizens, unions, companies)
    text = "La foule scandait « Du pain ! » devant la mairie."
    out = run(text, [span(text, "QUOTE", "« Du pain ! »", speaker="anonymous")])
    assert (out[0].attrs["camp"], out[0].attrs["camp_method"]) == ("other", "residual")


def test_a_place_listed_to_block_a_shorter_name_gives_no_side():
    # "Irlande du Nord" is listed so that "Nord" is not read as North Korea; it speaks for no one
    from framing.extract.camps import actor_index
    from framing.resources import default_config, get_resources

    idx = actor_index(get_resources(default_config()))
    assert idx.describe("Saluant le vice-premier ministre d'Irlande du Nord, la reine")[0] is None


def test_dialogue_turn_keeps_its_own_unnamed_speaker():
    # "X : « … »" names its speaker; the cue of the previous turn reports someone else
    text = ("« Quel est le niveau attendu demain ? », a demandé Emmanuel Macron. "
            "L'hydrologue : « Nous devrions rester sous le seuil de huit mètres. »")
    spans = [span(text, "ATTR", "a demandé", "Emmanuel Macron", source="Emmanuel Macron"),
             span(text, "QUOTE", "« Nous devrions rester sous le seuil de huit mètres. »", "L'hydrologue",
                  speaker="anonymous")]
    out = run(text, spans)
    q = [s for s in out if s.label == "QUOTE"][0]
    assert q.attrs["camp"] == "expert"


def test_an_ordinary_person_does_not_take_the_side_of_the_platform_they_use():
    # a user of a platform or a resident of a city speaks for themself (codebook: citizens → other)
    from framing.analysis import analyze

    text = ("D'après une utilisatrice de Facebook présente sur place, la cabine s'est arrêtée net. "
            "« J'ai eu très peur », raconte-t-elle.")
    speech = [s for s in analyze(text).spans if s.label in ("QUOTE", "IQUOTE")]
    assert speech and all(s.attrs["camp"] == "other" for s in speech)


def test_relatives_still_speak_for_the_person_they_are_close_to():
    from framing.analysis import analyze

    text = "Les proches de Vladimir Poutine dénoncent une campagne de dénigrement."
    iq = [s for s in analyze(text).spans if s.label == "IQUOTE"]
    assert iq and iq[0].attrs["camp"] == "russia"
