"""Roles, countries and camps of speakers the actors file does not name (framing/extract/roles.py)."""
import pytest

from framing import analyze
from framing.extract.roles import CampMap, RoleFinding, role_lexicon
from framing.resources import default_config, get_resources


@pytest.fixture(scope="module")
def lex():
    return role_lexicon(get_resources(default_config()))


def speech(text, **meta):
    return [s for s in analyze(text, **meta).spans if s.label in ("QUOTE", "IQUOTE")]


@pytest.mark.parametrize("description, role, country", [
    ("le ministre néerlandais", "government", "NL"),
    ("la porte-parole de la diplomatie russe", "government", "RU"),
    ("le ministre de la Défense du Japon", "government", "JP"),
    ("la secrétaire générale de la CGT", "union_ngo", "FR"),
    ("une chercheuse du CNRS", "researcher", "FR"),
    ("le président de l'association", "union_ngo", ""),
    ("le président de la République", "government", ""),
    ("un riverain", "citizen", ""),
    ("le toxicologue", "researcher", ""),
    ("une source de l'hôpital", "professional", ""),
    ("le député LR", "politician", "FR"),
    ("la chancelière allemande", "government", "DE"),
    # a capital names its government
    ("les autorités de Ryad", "government", "SA"),
    ("le maire de Londres", "politician", "GB"),
    # opponents and critics of a policy or product are activists (the codebook's "other")
    ("les détracteurs du glyphosate, cette unanimité scientifique", "union_ngo", ""),
    ("ses opposants", "union_ngo", ""),
])
def test_descriptions_give_role_and_country(lex, description, role, country):
    found = lex.read(description)
    assert (found.role, found.country) == (role, country)


def test_adjective_must_qualify_a_role_noun(lex):
    # "études nord-coréennes" says nothing about the speaker's country
    assert lex.read("un spécialiste des études nord-coréennes").country == ""


def test_camp_mapping_follows_the_codebook(lex):
    from framing.extract.camps import actor_index

    cmap = CampMap(actor_index(get_resources(default_config())), lex.groups)
    assert cmap.camp(RoleFinding("government", "NL")) == "nato_eu"      # EU/NATO member
    assert cmap.camp(RoleFinding("government", "FR")) == "nato_eu"      # France included
    assert cmap.camp(RoleFinding("government", "CN")) == "other"        # other governments
    assert cmap.camp(RoleFinding("government", "RU")) == "russia"
    assert cmap.camp(RoleFinding("union_ngo", "FR")) == "other"
    assert cmap.camp(RoleFinding("researcher", "US")) == "expert"
    assert cmap.camp(RoleFinding("media", "")) == "media"
    assert cmap.camp(RoleFinding("government", "")) == "unknown"


def test_foreign_minister_quoted():
    q = speech("« Nous ne paierons pas pour les erreurs des autres », a déclaré le ministre néerlandais "
               "des Finances devant la presse.")
    assert q and q[0].attrs["camp"] == "nato_eu" and q[0].attrs["role"] == "government"


def test_unqualified_domestic_office_takes_the_outlet_country():
    text = ("Le préfet a annoncé mardi que la circulation serait rétablie dans la soirée. "
            "« La sécurité des usagers reste notre priorité », a-t-il ajouté.")
    iq = speech(text, outlet="Ouest-France")
    assert iq[0].attrs["camp"] == "nato_eu"
    assert iq[0].attrs["camp_method"] in ("home-country", "description", "role+country")
    # a document whose metadata says it comes from a country without a camp mapping
    iq = speech(text, country="SN")
    assert iq[0].attrs["camp"] == "other"


def test_union_researcher_and_citizen_roles():
    text = ("« Nous irons jusqu'au bout », a prévenu un syndicaliste de la CGT. "
            "Selon une chercheuse de l'Inserm, l'étude « ne permet pas de conclure ». "
            "« On ne dort plus depuis des semaines », témoigne une riveraine.")
    by_role = {s.attrs["role"]: s.attrs["camp"] for s in speech(text)}
    assert by_role.get("union_ngo") == "other"
    assert by_role.get("researcher") == "expert"
    assert by_role.get("citizen") == "other"


def test_every_speech_span_has_role_and_methods():
    for s in speech("« C'est inacceptable », a dénoncé Jean Dupont. Il a ajouté que rien n'avait changé."):
        assert {"role", "camp_method", "stance_method"} <= set(s.attrs)


def test_every_speech_span_of_every_kind_has_role_and_methods():
    # direct, split, partial (nested in reported speech), anonymous and circle-of-someone speakers
    text = ("« Ce déploiement, » a déclaré Jean Dupont, « révèle une faiblesse. » "
            "Le ministre a qualifié l'accord « d'erreur historique ». "
            "Des sources affirment que les combats continuent. "
            "« Il parlera demain », a expliqué son entourage. Le porte-parole a dénoncé « une provocation ».")
    found = speech(text)
    assert len(found) >= 5
    for s in found:
        for key in ("role", "camp", "camp_method", "stance", "target", "stance_method"):
            assert s.attrs.get(key), (s.text, key)


def test_foreign_story_office_takes_the_story_country():
    text = ("Un avion de ligne s'est écrasé près de Kiev. L'Ukraine a décrété un deuil national et "
            "l'Ukraine a ouvert une enquête. Le ministre de la Santé a indiqué que trois blessés "
            "étaient toujours hospitalisés.")
    iq = speech(text)
    assert iq and iq[0].attrs["camp"] == "ukraine"


def test_known_outlet_is_media_not_its_city():
    iq = speech("Selon Paris Match, le chanteur a quitté la clinique samedi.")
    assert iq and iq[0].attrs["camp"] == "media" and iq[0].attrs["camp_method"] == "outlet"


def test_former_journalist_is_not_media_but_former_minister_stays_a_politician(lex):
    assert lex.read("l'ancienne journaliste de France 2").role == ""
    assert lex.read("l'ancien ministre de l'Intérieur").role in ("politician", "government")
    assert lex.read("de France 2").country == ""  # a channel named after the country is not the country


def test_person_named_without_any_role_speaks_as_a_private_person():
    q = speech("« J'avais neuf ans quand je l'ai vu sur scène pour la première fois », raconte Paul Lemaire.")
    assert q and q[0].attrs["camp"] == "other" and q[0].attrs["camp_method"] == "person-no-role"


def test_person_named_without_role_in_sentences_about_parties_is_a_politician():
    q = speech("Paul Lemaire estime que, depuis le congrès, le parti a changé. "
               "« Je ne rejoindrai aucun autre mouvement », raconte Paul Lemaire.")
    assert q and q[0].attrs["camp"] == "nato_eu" and q[0].attrs["role"] == "politician"


def test_office_of_another_named_person_does_not_make_a_politician():
    q = speech("Paul Lemaire a répondu au député Jean Martin sur le plateau. "
               "« Je ne suis pas d'accord », raconte Paul Lemaire.")
    assert q and q[0].attrs["camp"] == "other"


def test_person_holding_the_interview_is_media():
    q = speech("Invitée de Paul Lemaire sur RTL, la chanteuse a parlé de son album. "
               "« Je n'ai rien compris à cette question », a répondu Paul Lemaire.")
    assert q and q[0].attrs["camp"] == "media" and q[0].attrs["role"] == "media"


def test_unnamed_source_takes_the_domain_of_its_adjective(lex):
    assert lex.read("une source judiciaire").role == "government"
    assert lex.read("une source aéroportuaire").role == "company"
    assert lex.read("une erreur judiciaire").role == ""  # an adjective of a thing, not of a head noun


def test_institution_after_a_contracted_article(lex):
    assert lex.read("le patron des Républicains").role == "politician"
    assert lex.read("le directeur général de la Sûreté générale").role == "government"


def test_place_adverbial_before_a_name_is_no_title():
    q = speech("Ce jeudi, au tribunal d'assises, Sabrina Lemaire s'est avancée à la barre. "
               "« J'ai pu dire ce que je voulais », confie Sabrina Lemaire.")
    assert q and q[0].attrs["camp"] == "other"


def test_head_title_takes_the_class_of_its_institution(lex):
    assert lex.read("le directeur général de la police nationale").role == "government"
    assert lex.read("le directeur général de l'entreprise").role == "company"


def test_social_platform_quoted_is_media():
    iq = speech("Facebook a annoncé mardi avoir retiré un petit réseau de 13 comptes.")
    assert iq and iq[0].attrs["camp"] == "media"


def test_camp_method_and_role_shares_are_features():
    a = analyze("« Nous ne céderons pas », a déclaré le ministre néerlandais. "
                "« On ne dort plus », témoigne une riveraine.")
    f = a.features
    assert abs(sum(v for k, v in f.items() if k.startswith("camp_method_")) - 1.0) < 1e-9
    assert f["speaker_role_government_share"] > 0 and f["speaker_role_citizen_share"] > 0
    empty = analyze("Il pleut sur Brest depuis trois jours.").features
    assert empty["camp_method_actor_share"] != empty["camp_method_actor_share"]  # NaN: nobody quoted


def test_a_study_without_country_mapping_leaves_political_roles_unknown(tmp_path):
    actors = tmp_path / "actors.tsv"
    actors.write_text("# source: test\n# license: CC0-1.0\n# version: 1\n"
                      "# camps: israel palestine expert media other unknown\n"
                      "# columns: term\taliases\tcamp\trole\tcountry\n"
                      "Tsahal\tTsahal|armée israélienne\tisrael\tarmy\tIL\n", encoding="utf-8")
    text = ("« Nous irons jusqu'au bout », a prévenu le ministre néerlandais. "
            "Selon une chercheuse du CNRS, l'étude « ne permet pas de conclure ».")
    by_role = {s.attrs["role"]: s.attrs["camp"] for s in analyze(text, actors=str(actors)).spans
               if s.label in ("QUOTE", "IQUOTE")}
    assert by_role.get("government") == "unknown"   # no '# country_camps:' in this study
    assert by_role.get("researcher") == "expert"      # the role mapping needs no country


def test_a_union_office_is_not_the_previous_government_speaker():
    # a head noun takes the class of its complement: a union's secretary-general speaks for the union
    text = ("Le ministre des Transports, Paul Martin, a affirmé mardi que la réforme serait menée à son terme. "
            "La secrétaire générale du syndicat, Anne Leroy, dénonce un passage en force. "
            "« Le gouvernement méprise les salariés », lance la syndicaliste.")
    leroy = [s for s in speech(text) if s.attrs.get("speaker") == "Anne Leroy"]
    assert leroy and all(s.attrs["camp"] == "other" and s.attrs["role"] == "union_ngo" for s in leroy)


def test_a_named_speaker_nothing_places_is_the_residual_side():
    q = speech("« Il a passé une bonne nuit », a déclaré l'établissement médical.")
    assert q and q[0].attrs["speaker"] not in ("anonymous", "unknown")
    assert q[0].attrs["camp"] == "other" and q[0].attrs["camp_method"] == "residual"


@pytest.mark.parametrize("description, role", [
    ("le cabinet du recteur", "government"),       # education administration, a head deferring to its office
    ("le rectorat", "government"),
    ("une société savante", "researcher"),          # learned societies are scientific bodies
    ("le conseil de l'ordre", "professional"),      # professional orders
    ("la Haute autorité de santé", "government"),   # independent authorities of the state
    ("un cabinet d'avocats", "professional"),
])
def test_learned_societies_authorities_and_education_offices(lex, description, role):
    assert lex.read(description).role == role


def test_turkey_is_a_nato_member(lex):
    from framing.extract.camps import actor_index

    cmap = CampMap(actor_index(get_resources(default_config())), lex.groups)
    assert cmap.camp(RoleFinding("government", "TR")) == "nato_eu"
    q = speech("« Nous demandons toute la vérité », a déclaré le ministre turc des Affaires étrangères.")
    assert q and q[0].attrs["camp"] == "nato_eu"


def test_domestic_education_office_takes_the_outlet_country():
    iq = speech("Le recteur a indiqué que les cours reprendraient lundi dans tous les lycées.",
                outlet="Ouest-France")
    assert iq and iq[0].attrs["camp"] == "nato_eu"



def test_acronym_speaker_is_read_through_its_expansion(lex):
    from framing.extract.roles import acronym_definitions

    text = "Le ministre a réagi après que la Haute autorité de santé (HAS) a saisi la justice."
    assert [lex.read(d).role for d in acronym_definitions(lex, text, "HAS")] == ["government"]
    assert acronym_definitions(lex, "Jean Dupont (LR) a dit", "Jean") == []  # not an acronym
    q = speech("Les abords du lycée ont été fermés mardi par la préfecture de police (PP). "
               "« Aucun blessé n'est à déplorer », a précisé la PP.", outlet="Ouest-France")
    assert q and q[0].attrs["role"] == "government" and q[0].attrs["camp"] == "nato_eu"


def test_office_naming_its_capital_is_not_the_previous_speakers():
    # a capital names its government: the office is Saudi, not the previous (Turkish) speaker's side
    iq = speech("« Nous attendons toute la vérité », a déclaré le ministre turc des Affaires étrangères. "
                "Les autorités de Ryad ont assuré que l'enquête serait menée sur leur sol.")
    found = [s for s in iq if s.label == "IQUOTE"]
    assert found and found[0].attrs["camp"] == "other"


def test_a_head_noun_takes_the_class_of_its_complement_over_the_bare_noun():
    # the entity table records "président" alone; the apposition says president of what
    quotes = speech("Ce lundi, Paul Verdier, président de l'université de Valmont, a exprimé son "
                    "« immense soulagement » après l'évacuation.")
    # (a university as an institution is a teaching body, professional, since role_classes 1.5;
    # the bare "président" would say government)
    assert quotes and all(q.attrs["role"] == "professional" for q in quotes)


@pytest.mark.parametrize("description, role, country", [
    # issue 17, seventh pass: lawmakers, security councils, studies, states of the US
    ("les législateurs démocrates", "politician", ""),
    ("le Conseil national de sécurité", "government", ""),
    ("une étude", "researcher", ""),
    ("une étude de l'Insee", "government", "FR"),
    ("le gouverneur du Texas", "government", "US"),
])
def test_seventh_pass_descriptions(lex, description, role, country):
    f = lex.read(description)
    assert (f.role, f.country) == (role, country)


def test_an_institution_named_whole_is_read_before_the_country_in_its_name(lex):
    f = lex.institution_name("Météo France")
    assert f is not None and f.role == "researcher"
    assert lex.institution_name("la France") is None
    q = speech("« Les orages devraient faiblir dans la nuit », a indiqué Météo France samedi.")
    assert q and q[0].attrs["camp"] == "expert"


def test_a_story_set_in_us_states_gives_an_office_the_us_camp():
    text = ("Un hélicoptère s'est écrasé mardi au Nevada, après avoir décollé de Californie. "
            "Le commandant de la base a indiqué que deux membres d'équipage étaient blessés.")
    iq = speech(text)
    assert iq and iq[0].attrs["camp"] == "usa"


def test_a_research_body_described_by_a_nationality_is_expert():
    q = speech("« La secousse ressemble à une explosion », a indiqué l'institut de recherche allemand.")
    assert q and q[0].attrs["camp"] == "expert"


def test_a_university_as_an_institution_is_a_teaching_body_its_researchers_are_researchers(lex):
    assert lex.read("la présidente de l'université").role == "professional"
    assert lex.read("un chercheur de l'université").role == "researcher"


def test_a_generic_domestic_institution_is_of_the_outlets_home_country():
    # institutions.tsv writes HOME for "le Sénat": the outlet's country (documented, not read before)
    q = speech("« Le texte sera voté avant l'été », a indiqué le Sénat.", outlet="Ouest-France")
    assert q and q[0].attrs["camp"] == "nato_eu" and q[0].attrs["role"] == "politician"
    q = speech("« Le texte sera voté avant l'été », a indiqué le Sénat.", country="SN")
    assert q and q[0].attrs["camp"] == "other"


def test_an_outlet_or_body_named_after_the_country_is_not_the_country(lex):
    # the words continuing the country's name come from outlets.tsv and institutions.tsv
    assert lex.read("un chroniqueur de France Inter").country == ""
    assert lex.name_after_country.match("France Travail", len("France"))  # (an institution: FR by its row)
    assert lex.read("une salariée de France Télévision").country == ""  # the singular too
    assert lex.read("le ministre de la Culture de France").country == "FR"
