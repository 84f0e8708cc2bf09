"""Reading inputs: encodings, HTML, JSONL, directories, manifests, stdin, errors."""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from conftest import SEEDS, SHARED, needs_shared
from framing.ingest import (InputError, decode_bytes, iter_documents, looks_binary, one_line,
                            read_html_document, read_jsonl, scrub_surrogates, visible_text)

FRENCH = ("Le ministre aurait démenti l’information, selon « une source proche », à Besançon. "
          "Il s'agirait d'une œuvre coûteuse : 5 € par habitant.")


def read_all(inputs, stdin=None):
    errors: list[InputError] = []
    docs = list(iter_documents(inputs, on_error=errors.append, stdin=stdin))
    return docs, errors


# --- encodings ----------------------------------------------------------------

@pytest.mark.parametrize("encoding, data, warned", [
    ("utf-8", FRENCH.encode("utf-8"), False),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + FRENCH.encode("utf-8"), False),
    ("cp1252", FRENCH.encode("cp1252"), True),
    ("latin-1", FRENCH.replace("’", "'").replace("œ", "oe").replace("€", "EUR").encode("latin-1"), True),
    ("utf-16 with BOM", FRENCH.encode("utf-16"), True),
])
def test_text_encodings_decode_to_the_same_text(tmp_path, encoding, data, warned):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    (doc,), errors = read_all([path])
    assert not errors
    expected = FRENCH if encoding != "latin-1" else data.decode("latin-1")
    assert doc.text == expected  # BOM dropped, accents and typographic signs intact
    assert doc.id == "article" and doc.source == str(path)
    assert any("decoded as" in w for w in doc.warnings) == warned


def test_cp1252_preferred_over_latin1_for_french_typography():
    text, warnings = decode_bytes("l’œuvre « coûte » 5 €".encode("cp1252"), "x.txt")
    assert text == "l’œuvre « coûte » 5 €"
    assert warnings == ["decoded as cp1252 (not UTF-8)"]


def test_nul_bytes_become_spaces_and_offsets_stay_aligned():
    data = b"Le mi\x00nistre\x00 a parl\xc3\xa9 longuement devant la presse."
    text, warnings = decode_bytes(data, "x.txt")
    assert text == "Le mi nistre  a parlé longuement devant la presse."
    assert text.index("parlé") == data.index(b"parl")  # NUL -> one space: same offsets
    assert warnings == ["2 NUL character(s) replaced by spaces"]


def test_crlf_and_mixed_line_ends_are_kept_as_is(tmp_path):
    raw = "Première ligne.\r\nDeuxième ligne.\rTroisième.\nQuatrième."
    path = tmp_path / "eol.txt"
    path.write_bytes(raw.encode("utf-8"))
    (doc,), _ = read_all([path])
    assert doc.text == raw  # never normalised: offsets point into the file's own text


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)), b"%PDF-1.7\n%\xe2\xe3", b"PK\x03\x04zipzip",
    bytes(range(32)) * 50, b"\x7fELF\x02\x01\x01",
])
def test_binary_data_is_refused(data):
    assert looks_binary(data)
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(data, "junk.txt")


def test_text_is_not_binary():
    assert not looks_binary(FRENCH.encode("utf-8"))
    assert not looks_binary(FRENCH.encode("utf-16"))
    assert not looks_binary(b"")


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_or_blank_file_is_an_empty_document(tmp_path, content):
    from framing.analysis import analyze_raw

    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    (doc,), errors = read_all([path])
    assert not errors
    result = analyze_raw(doc)
    assert result.n_words == 0 and result.spans == []
    assert result.warnings == ["empty document"]
    # counts are 0; a rate or share of no words is undefined (NaN), never a made-up 0
    assert all(v == 0 for k, v in result.features.items() if k.startswith("n_"))
    assert all(v == 0.0 or v != v for k, v in result.features.items() if k.endswith(("_per_1k", "_share")))


# --- HTML -----------------------------------------------------------------------

@needs_shared
@pytest.mark.parametrize("name, title, author, site, date, words", [
    ("bondyblog.fr.paris-8.html", "A Paris-8, un peu de tension", "Kab Niang", "Bondy Blog", "2020-02-17", 1000),
    ("lopinion.fr.glyphosate.html", "Glyphosate: radiographie", None, "L'Opinion", "2019-05-15", 1000),
    ("sciencesetavenir.fr.rumeur.html", "Covid-19 et infox", "Nicolas Gutierrez C", "Sciences et Avenir",
     "2020-09-14", 800),
    ("regards.fr.enquetes.html", "Deux ans et demi en Macronie", "Loïc Le Clerc", "regards.fr", "2018-09-11", 2000),
])
def test_html_article_text_and_metadata(name, title, author, site, date, words):
    path = SHARED / "corpus" / "html" / name
    (doc,), errors = read_all([path])
    assert not errors
    assert len(doc.text.split()) > words  # the article, hundreds of words
    assert doc.meta["title"].startswith(title)
    assert doc.meta["date"] == date and doc.meta["site"] == site and doc.meta["outlet"] == site
    if author:
        assert doc.meta["author"] == author
    assert "<" not in doc.text[:2000] or "<script" not in doc.text  # text, not markup


@needs_shared
def test_html_offsets_refer_to_the_extracted_text():
    from framing.analysis import analyze_raw

    (doc,), _ = read_all([SHARED / "corpus" / "html" / "bondyblog.fr.paris-8.html"])
    result = analyze_raw(doc)
    assert result.text == doc.text
    for s in result.spans:
        assert doc.text[s.start:s.end] == s.text


def test_html_small_page():
    html = ("<html><head><title>Titre &amp; co</title></head><body><article><p>" + FRENCH
            + "</p></article><script>var x = '<p>pas du texte</p>';</script></body></html>")
    doc = read_html_document(html.encode("utf-8"), "page.html", "page")
    assert "Le ministre aurait démenti" in doc.text and "var x" not in doc.text
    assert doc.meta["title"] == "Titre & co"


def test_deeply_nested_html_falls_back_to_visible_text():
    depth = 3000  # beyond lxml's tree depth limit: trafilatura finds nothing
    html = ("<html><head><title>Imbriquée</title></head><body>" + "<div>" * depth + "<p>" + FRENCH
            + "</p>" + "</div>" * depth + "</body></html>")
    doc = read_html_document(html.encode("utf-8"), "deep.html", "deep")
    assert "Le ministre aurait démenti" in doc.text
    assert doc.meta["title"] == "Imbriquée"
    assert any("whole visible text" in w for w in doc.warnings)


def test_html_without_text_is_an_error():
    with pytest.raises(InputError, match="no article text"):
        read_html_document(b"<html><head><title>x</title></head><body> </body></html>", "e.html", "e")


def test_visible_text_skips_scripts_and_styles():
    text = visible_text("<p>Un</p><script>deux()</script><style>p{}</style><div>trois <b>quatre</b></div>")
    assert text == "Un\ntrois quatre"


# --- JSONL ----------------------------------------------------------------------

def test_jsonl_fields_ids_and_metadata(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [
        {"id": "a1", "text": FRENCH, "outlet": "Le Monde", "date": "2024-01-02", "title": "Un", "url": "https://x",
         "section": "Politique", "n": 3, "nested": {"dropped": True}},
        {"text": "Sans identifiant."},
        {"id": 0, "text": "Identifiant numérique zéro."},
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    docs, errors = read_all([path])
    assert not errors
    assert [d.id for d in docs] == ["a1", "corpus-2", "0"]
    a = docs[0]
    assert a.text == FRENCH and a.source == f"{path}:1"
    assert a.meta == {"outlet": "Le Monde", "date": "2024-01-02", "title": "Un", "url": "https://x",
                      "section": "Politique", "n": 3}


def test_malformed_jsonl_lines_are_reported_with_their_line_and_the_others_read(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"id": "ok1", "text": "Bonjour."}\n{"id": "cut", "te\n[1, 2]\n\n'
                     b'{"id": "no-text"}\n{"id": "ok2", "text": "Au revoir."}\n' + b"[" * 5000 + b"\n")
    docs, errors = read_all([path])
    assert [d.id for d in docs] == ["ok1", "ok2"]
    assert [(e.source, e.line) for e in errors] == [(str(path), 2), (str(path), 3), (str(path), 5), (str(path), 7)]
    assert str(errors[0]).startswith(f"{path}:2: malformed JSON")
    assert all("\n" not in str(e) for e in errors)


def test_jsonl_lines_split_on_newline_only():
    data = json.dumps({"id": "x", "text": "un\u2028deux\x85trois\x0cquatre"}, ensure_ascii=False).encode() + b"\r\n"
    docs = list(read_jsonl(data, "x.jsonl", "x", on_error=pytest.fail))
    assert docs[0].text == "un\u2028deux\x85trois\x0cquatre"


def test_jsonl_surrogates_nul_and_nan_are_made_safe():
    data = (b'{"id": "s", "text": "a\\ud800b\\u0000c", "score": NaN, "big": 1e999, "title": 5}\n')
    (doc,) = list(read_jsonl(data, "x.jsonl", "x", on_error=pytest.fail))
    assert doc.text == "a\ufffdb c"  # same length: offsets unchanged
    assert doc.meta == {"title": "5"}  # NaN and infinity dropped, title a string
    assert any("surrogate" in w for w in doc.warnings) and any("NUL" in w for w in doc.warnings)
    json.dumps(doc.meta, allow_nan=False)
    doc.text.encode("utf-8")


def test_jsonl_non_utf8_line_is_read_as_cp1252():
    data = '{"id": "c", "text": "l’œuvre"}\n'.encode("cp1252")
    (doc,) = list(read_jsonl(data, "x.jsonl", "x", on_error=pytest.fail))
    assert doc.text == "l’œuvre" and doc.warnings == ["line decoded as cp1252 (not UTF-8)"]


def test_binary_jsonl_is_one_error():
    errors = []
    assert list(read_jsonl(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "x.jsonl", "x", errors.append)) == []
    assert len(errors) == 1 and "binary" in str(errors[0])


# --- directories and manifests ------------------------------------------------

def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("Un.", encoding="utf-8")
    (tmp_path / "b" / "page.html").write_text(f"<html><body><p>{FRENCH}</p></body></html>", encoding="utf-8")
    (tmp_path / "b" / "c" / "lines.jsonl").write_text('{"id": "j", "text": "Deux."}\n', encoding="utf-8")
    (tmp_path / "b" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # unknown extension: skipped
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "secret.txt").write_text("Caché.", encoding="utf-8")
    docs, errors = read_all([tmp_path])
    assert not errors
    assert [d.id for d in docs] == ["a", "page", "j"]


def test_seed_manifest_metadata():
    docs, errors = read_all([SEEDS])
    assert not errors and len(docs) == 5
    d = next(d for d in docs if d.id == "001_f69122c24c78aea5")
    assert d.meta["outlet"] == "watson.ch" and d.meta["date"] == "2024-11-14"
    assert d.meta["title"].startswith("Poutine envoie")
    # an explicit file finds the manifest of its folder too
    (one,), _ = read_all([SEEDS / "001_f69122c24c78aea5.txt"])
    assert one.meta == d.meta


def test_manifest_wins_over_jsonl_and_html_metadata(tmp_path):
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({"id": "j", "text": FRENCH, "outlet": "Dans le JSONL", "title": "Titre JSONL",
                    "date": "2000-01-01"}) + "\n", encoding="utf-8")
    (tmp_path / "page.html").write_text(
        f"<html><head><title>Titre HTML</title></head><body><article><p>{FRENCH}</p></article></body></html>",
        encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,outlet,date,title\nlines.jsonl,Manifeste,2024-05-01,\npage.html,Manifeste HTML,,Titre du manifeste\n",
        encoding="utf-8")
    docs, errors = read_all([tmp_path])
    assert not errors
    j, h = docs
    assert (j.meta["outlet"], j.meta["date"], j.meta["title"]) == ("Manifeste", "2024-05-01", "Titre JSONL")
    assert (h.meta["outlet"], h.meta["title"]) == ("Manifeste HTML", "Titre du manifeste")


def test_manifest_naming_a_missing_file(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "here.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "sub" / "manifest.csv").write_text("file,outlet\nhere.txt,Ici\ngone.txt,Parti\n", encoding="utf-8")
    docs, errors = read_all([tmp_path])
    assert [d.id for d in docs] == ["here"] and docs[0].meta["outlet"] == "Ici"
    (err,) = errors
    assert err.line == 3 and "gone.txt" in str(err) and err.source.endswith("manifest.csv")


# --- stdin ------------------------------------------------------------------------

def test_stdin_plain_text():
    (doc,), errors = read_all(["-"], stdin=io.BytesIO(FRENCH.encode("cp1252")))
    assert not errors and doc.id == "stdin" and doc.text == FRENCH and doc.source == "<stdin>"


def test_stdin_jsonl():
    data = b'\n{"id": "a", "text": "Un."}\nnot json\n{"id": "b", "text": "Deux."}\n'
    docs, errors = read_all(["-"], stdin=io.BytesIO(data))
    assert [d.id for d in docs] == ["a", "b"]
    assert [(e.source, e.line) for e in errors] == [("<stdin>", 3)]


def test_stdin_binary_is_an_error():
    docs, errors = read_all(["-"], stdin=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(200)))
    assert docs == [] and "binary" in str(errors[0])


# --- paths that cannot be read -------------------------------------------------------

def test_missing_unknown_and_special_paths(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(FRENCH, encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # would block forever if read
    (tmp_path / "empty_dir").mkdir()
    inputs = [tmp_path / "absent.txt", tmp_path / "notes.docx", tmp_path / "dangling.txt",
              tmp_path / "pipe.txt", tmp_path / "empty_dir", good]
    docs, errors = read_all(inputs)
    assert [d.id for d in docs] == ["good"]
    messages = [str(e) for e in errors]
    assert messages[0] == f"{tmp_path / 'absent.txt'}: no such file or directory"
    assert "unknown file type '.docx'" in messages[1]
    assert "broken symbolic link" in messages[2]
    assert "not a regular file" in messages[3]
    assert "no .txt, .html, .jsonl or .conllu file" in messages[4]


def test_permission_denied_is_reported(tmp_path, monkeypatch):
    # tests may run as root, where chmod 000 does not stop reading: simulate the OS error
    path = tmp_path / "locked.txt"
    path.write_text(FRENCH, encoding="utf-8")
    real = Path.read_bytes

    def deny(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    docs, errors = read_all([path])
    assert docs == [] and str(errors[0]) == f"{path}: cannot read (Permission denied)"


def test_default_on_error_raises(tmp_path):
    with pytest.raises(InputError):
        list(iter_documents([tmp_path / "absent.txt"]))


def test_error_messages_stay_on_one_line():
    err = InputError("evil\nname\x1b[2J.txt", "bad\nthing", 3)
    assert str(err) == "evil\\nname\\x1b[2J.txt:3: bad\\nthing"
    assert one_line("a\u2028b") == "a\\u2028b"
    assert scrub_surrogates("ok") == "ok"


# --- page cruft ---------------------------------------------------------------------

def test_cruft_excluded_from_analysis_on_seeds_000_and_001(seed_texts):
    from framing import analyze

    for stem in ("000_b7e5882650752a5f", "001_f69122c24c78aea5"):
        text = seed_texts[stem]
        result = analyze(text, id=stem)
        assert result.excluded and result.text == text  # reported, never deleted
        obj = result.to_dict()
        assert obj["excluded"] == [[a, b] for a, b in result.excluded]
        for s in result.spans:
            assert not any(a < s.end and s.start < b for a, b in result.excluded), s
        from framing.backends.builtin import BuiltinBackend

        words = [t for t in BuiltinBackend().parse(text).tokens if t.is_word]
        outside = [t for t in words if not any(a < t.end and t.start < b for a, b in result.excluded)]
        assert result.n_words == len(outside) < len(words)  # cruft words are not counted
    t0 = seed_texts["000_b7e5882650752a5f"]
    (start, end), = analyze(t0).excluded
    assert "Previous" in t0[start:end] and "Koursk" not in t0[start:start + 40]


def test_cruft_with_crlf_and_unicode_line_breaks(seed_texts):
    from framing.cruft import find_cruft

    t1 = seed_texts["001_f69122c24c78aea5"]
    plain = [t1[a:b] for a, b in find_cruft(t1)]
    crlf = t1.replace("\n", "\r\n")
    assert [crlf[a:b].replace("\r\n", "\n") for a, b in find_cruft(crlf)] == plain
    text = "Le ministre aurait menti.\u2028Photo : AFP\u2028La suite de l'article."
    (a, b), = find_cruft(text)
    assert text[a:b] == "Photo : AFP"


def test_tail_marker_in_first_half_excludes_only_its_line():
    from framing.cruft import find_cruft

    text = "Lire aussi\n" + "Le ministre aurait menti, selon la presse. " * 20 + "\nPrevious\nAutre histoire.\n"
    regions = [text[a:b] for a, b in find_cruft(text)]
    assert regions == ["Lire aussi", "Previous\nAutre histoire."]


def test_spreadsheet_manifest_semicolons_cp1252_and_header_case(tmp_path):
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "manifest.csv").write_bytes("File;Outlet;Date;Title\r\na.txt;Le Média;2024-03-01;L’été\r\n"
                                            .encode("cp1252"))
    (doc,), errors = read_all([tmp_path])
    assert not errors
    assert doc.meta == {"outlet": "Le Média", "date": "2024-03-01", "title": "L’été"}


def test_unreadable_manifest_is_one_error_and_files_still_read(tmp_path):
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "manifest.csv").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    docs, errors = read_all([tmp_path])
    assert [d.id for d in docs] == ["a"] and docs[0].meta == {}
    assert len(errors) == 1 and "unreadable manifest (binary file" in str(errors[0])


@pytest.mark.parametrize("text, encoding, detected", [
    ("Ça été", "latin-1", "cp1252"),
    ("Élève à Noël, où ça ? L’été « chaud » coûte 5 €.", "cp1252", "cp1252"),
    ("Правительство заявило во вторник, что войска будут развернуты.", "cp1251", "cp1251"),
    ("Zażółć gęślą jaźń – polski tekst o rządzie i wojsku.", "cp1250", "cp1250"),
])
def test_encoding_detection_prefers_cp1252_only_for_western_text(text, encoding, detected):
    decoded, warnings = decode_bytes(text.encode(encoding), "x.txt")
    assert decoded == text and warnings == [f"decoded as {detected} (not UTF-8)"]


# --- issue 20: manifests above the files, suspicious HTML extraction --------------------------

def test_manifest_in_the_folder_or_up_to_two_folders_above(tmp_path):
    """As the README says: a manifest.csv beside the files, or one or two folders above them."""
    (tmp_path / "corpus" / "lemonde" / "2024").mkdir(parents=True)
    (tmp_path / "corpus" / "lemonde" / "2024" / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "corpus" / "manifest.csv").write_text("file,outlet,date\nlemonde/2024/a.txt,Le Monde,2024-11-14\n",
                                                      encoding="utf-8")
    (doc,), errors = read_all([tmp_path / "corpus"])
    assert not errors and (doc.meta["outlet"], doc.meta["date"]) == ("Le Monde", "2024-11-14")
    # three folders above is too far
    (tmp_path / "corpus" / "lemonde" / "2024" / "nov").mkdir()
    (tmp_path / "corpus" / "lemonde" / "2024" / "a.txt").rename(tmp_path / "corpus" / "lemonde" / "2024" / "nov" / "a.txt")
    (tmp_path / "corpus" / "manifest.csv").write_text("file,outlet\nlemonde/2024/nov/a.txt,Le Monde\n",
                                                      encoding="utf-8")
    (doc,), _ = read_all([tmp_path / "corpus" / "lemonde" / "2024" / "nov" / "a.txt"])
    assert "outlet" not in doc.meta


def test_html_template_code_or_a_few_words_from_a_big_page_is_warned():
    template = ("<html><head><title>Article</title></head><body><article>"
                "<h1>{{nrco.contentDetailController.article.title}}</h1>"
                "<p>{{nrco.contentDetailController.article.chapo}} {{ctrl.body | html}}</p></article>"
                + "<script>var data = {};</script>" * 800 + "</body></html>")
    doc = read_html_document(template.encode("utf-8"), "page.html", "page")
    assert any(w.startswith("the extracted text looks like template or markup code ({{nrco") for w in doc.warnings)
    assert any(w.startswith("only 5 word(s) extracted from a page of 25 kB") for w in doc.warnings)
    article = f"<html><body><article><p>{FRENCH * 20}</p></article></body></html>"
    assert read_html_document(article.encode("utf-8"), "ok.html", "ok").warnings == []


@needs_shared
def test_only_the_javascript_page_of_the_shared_corpus_is_warned():
    """Six real pages: five articles, and the page whose text is filled in by JavaScript (issue 20)."""
    warned = set()
    for page in sorted((SHARED / "corpus" / "html").glob("*.html")):
        doc = read_html_document(page.read_bytes(), str(page), page.stem)
        if any("template" in w or "extracted from a page" in w for w in doc.warnings):
            warned.add(page.name)
    assert warned == {"lanouvellerepublique.fr.martin.html"}
