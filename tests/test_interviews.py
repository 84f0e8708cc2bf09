"""Interview transcripts: the interviewer asks, the interviewee answers (issue 16)."""
from __future__ import annotations

from framing.analysis import analyze


class _ByPrefix(dict):
    def __getitem__(self, prefix):
        found = [v for k, v in self.items() if k.startswith(prefix)]
        assert found, list(self)
        return found[0]


def speakers(text, label):
    return _ByPrefix((s.text, (s.attrs.get("speaker"), s.attrs.get("speaker_method")))
                     for s in analyze(text).spans if s.label == label)


INTERVIEW = (
    "Pour Carole Vasseur, romancière belge, la crise a changé la façon d'écrire.\n\n"
    "La romancière de 58 ans a publié son dixième livre en mars.\n\n"
    "Extraits d'un entretien accordé à l'AFP depuis Bruxelles, où elle vit.\n\n"
    "Question: La crise a-t-elle eu une influence sur votre travail ?\n\n"
    "Réponse: \"J'ai besoin de temps pour y voir plus clair. Je ne veux pas écrire trop vite.\"\n\n"
    "Q: Quelles leçons en tirez-vous ?\n\n"
    "R: Elle nous apprend que nous sommes une grande famille.\n"
)


def test_questions_go_to_the_outlet_that_held_the_interview():
    found = speakers(INTERVIEW, "IQUOTE")
    assert found["La crise a-t-elle eu une influe"] == ("AFP", "interview+interviewer")
    assert found["Quelles leçons en tirez-vous ?"] == ("AFP", "interview+interviewer")


def test_answers_go_to_the_person_interviewed():
    assert speakers(INTERVIEW, "QUOTE")["\"J'ai besoin de temps pour y vo"] == (
        "Carole Vasseur", "interview+interviewee")
    assert speakers(INTERVIEW, "IQUOTE")["Elle nous apprend que nous som"] == (
        "Carole Vasseur", "interview+interviewee")


def test_the_subject_of_interroge_par_is_the_interviewee():
    text = ("Paul Mercier, maire de Lyon, a été interrogé par France Inter samedi. Son adjointe, "
            "Julie Roux, était présente.\n\n"
            "Question: Faut-il fermer les écoles ?\n\n"
            "Réponse: Non, il faut les garder ouvertes.\n")
    found = speakers(text, "IQUOTE")
    assert found["Faut-il fermer les écoles ?"][0] == "France Inter"
    assert found["Non, il faut les garder ouver"][0] == "Paul Mercier"


def test_an_interviewer_the_text_does_not_name_is_anonymous():
    text = ("Sophie Marchand, présidente de l'association, a répondu à nos questions.\n\n"
            "Q: Pourquoi manifester aujourd'hui ?\n\n"
            "R: Parce que personne ne nous écoute.\n")
    found = speakers(text, "IQUOTE")
    assert found["Pourquoi manifester aujourd'hu"] == ("anonymous", "interview+interviewer")
    assert found["Parce que personne ne nous éco"][0] == "Sophie Marchand"


def test_the_journalist_is_the_one_named_as_holding_the_interview():
    text = ("Interrogée par Julien Moreau sur la réforme, la ministre du Travail, Claire Dubois, a répondu "
            "prudemment. Accusé de fraude, le député Marc Lefèvre a reçu le soutien de ses collègues.\n\n"
            "\"Auriez-vous voté pour lui ?\", questionne le journaliste. \"Je ne réponds pas aux "
            "hypothèses\", réplique Claire Dubois.")
    found = speakers(text, "QUOTE")
    assert found["\"Auriez-vous voté"] == ("Julien Moreau", "cue_after+interviewer")
    assert found["\"Je ne réponds pas"][0] == "Claire Dubois"


def test_the_person_a_verb_of_interviewing_names_is_the_interviewee():
    text = ("Le gouvernement de Pierre Dumas a présenté lundi sa réforme. Nous avons interrogé "
            "Claire Fontaine, économiste, sur ses effets.\n\n"
            "Q: La réforme va-t-elle réduire le chômage ?\n\n"
            "R: Pas à court terme.\n")
    found = speakers(text, "IQUOTE")
    assert found["Pas à court terme"][0] == "Claire Fontaine"
    assert found["La réforme va-t-elle"][0] == "anonymous"
