"""The teaching view: nested highlights built from offsets, explanations, escaping, side by side."""
import html
import re
from html.parser import HTMLParser

from click.testing import CliRunner

from framing.cli import cli
from framing.show import render_marked_text
from framing.spans import Span

from conftest import SEEDS


class Checker(HTMLParser):
    """Checks proper nesting and collects the text and the highlights."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.marks, self.focusable = [], [], [], 0

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        a = dict(attrs)
        if tag == "mark":
            self.marks.append(a)
            self.focusable += a.get("tabindex") == "0"

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data):
        if "sup" not in self.stack:  # note numbers (printed only) are not article text
            self.text.append(data)


def check(markup):
    c = Checker()
    c.feed(str(markup))
    c.close()
    assert not c.stack
    return c


TEXT = "« Le régime aurait menti », a déclaré Singh selon des sources."


def spans():
    t = TEXT
    q_end = t.index("»") + 1
    return [
        Span.at(t, 0, q_end, "QUOTE", speaker="Singh", camp="usa", stance="critical", target="russia"),
        Span.at(t, t.index("régime"), t.index("régime") + 6, "LOADED", cat="pejorative", voice="quoted"),
        Span.at(t, t.index("aurait"), t.index("aurait") + 6, "HEDGE", type="cond", use="reportive"),
        # crosses the end of the quote: must be split into two properly nested pieces
        Span.at(t, t.index("menti"), t.index("a déclaré") + 9, "ATTR", source="Singh", stype="person"),
        Span.at(t, t.index("selon"), t.index("selon") + 5, "HEDGE", type="source"),
    ]


def test_nesting_and_text_preserved():
    c = check(render_marked_text(TEXT, spans(), lang="fr"))
    assert "".join(c.text) == TEXT
    # one focusable element per span, crossing span split into an extra piece
    assert c.focusable == 5
    assert len(c.marks) == 6
    assert sum("cont" in m["class"] for m in c.marks) == 1


def test_explanations_on_every_piece():
    c = check(render_marked_text(TEXT, spans(), lang="fr"))
    tips = {m["class"].split()[1]: m["title"] for m in c.marks}
    assert "Conditionnel de reprise" in tips["k-hedge-cond"]
    assert "péjoratif" in tips["k-loaded"] and "citation" in tips["k-loaded"]
    assert "Orateur : Singh" in tips["k-quote"] and "critique envers Russie" in tips["k-quote"]
    assert all(m["title"] == m["data-tip"] for m in c.marks)
    en = check(render_marked_text(TEXT, spans(), lang="en"))
    assert any("Reportive conditional" in m["title"] for m in en.marks)


def test_excluded_cruft_greyed():
    text = "Article. Lire aussi : autre chose"
    out = str(render_marked_text(text, [], excluded=[(9, len(text))]))
    assert '<span class="cruft"' in out
    assert "".join(check(out).text) == text


def test_hostile_text_escaped():
    text = "<script>alert(1)</script> aurait"
    sp = Span.at(text, text.index("aurait"), len(text), "HEDGE", type="cond", source='"><script>x</script>')
    out = str(render_marked_text(text, [sp]))
    assert "<script" not in out and "&lt;script&gt;" in out
    assert html.unescape("".join(check(out).text)) == text


def test_cli_side_by_side(tmp_path):
    a = tmp_path / "a.jsonl"
    a.write_text('{"id": "x<script>", "outlet": "<script>alert(1)</script>", "text": "Kim aurait envoyé des milliers de soldats, selon Séoul."}\n',
                 encoding="utf-8")
    out = tmp_path / "page.html"
    r = CliRunner().invoke(cli, ["show", str(SEEDS / "004_0ba66114ffe4b64b.txt"), str(a), "-o", str(out), "--lang", "en"])
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    assert page.count('<article class="doc"') == 2
    assert "<script" not in page and "&lt;script&gt;alert(1)" in page
    assert "Legend" in page and "Document measures" in page
    assert "Un Poutine désespéré" in page
    check(page[page.index("<body>"):page.index("</body>") + 7])


def test_cli_french_default_and_cruft(tmp_path):
    out = tmp_path / "p.html"
    r = CliRunner().invoke(cli, ["show", str(SEEDS / "000_b7e5882650752a5f.txt"), "-o", str(out)])
    assert r.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert 'lang="fr"' in page and "Légende" in page and 'class="cruft"' in page
    assert "tabindex=\"0\"" in page and ":focus::after" in page


def _page(tmp_path, *names, lang="fr"):
    out = tmp_path / "page.html"
    res = CliRunner().invoke(cli, ["show", *[str(SEEDS / n) for n in names], "-o", str(out), "--lang", lang])
    assert res.exit_code == 0, res.output
    return out.read_text(encoding="utf-8")


def test_highlights_numbered_with_printed_notes(tmp_path):
    """Printed, the page keeps every explanation: numbered highlights and numbered notes (issue 20)."""
    page = _page(tmp_path, "004_0ba66114ffe4b64b.txt")
    numbers = re.findall(r'<sup class="fn" aria-hidden="true">\[(\d+)\]</sup>', page)
    assert numbers and [int(n) for n in numbers] == list(range(1, len(numbers) + 1))
    notes = re.search(r'<section class="notes-print">.*?</section>', page, re.S).group()
    assert notes.count("<li value=") == len(numbers)
    # speaker, camp and stance details are in the printed notes, not only in tooltips
    assert "Orateur : Sabrina Singh" in notes and "Camp : États-Unis" in notes and "Position :" in notes
    # the print stylesheet swaps the hover help for the notes
    css = re.search(r"@media print \{.*?\n\}", page, re.S).group()
    assert ".help-screen" in css and ".notes-print { display: block" in css and "sup.fn { display: inline; }" in css
    assert "Survolez" in page and "notes numérotées" in page


def test_side_by_side_summary_of_differences(tmp_path):
    page = _page(tmp_path, "004_0ba66114ffe4b64b.txt", "001_f69122c24c78aea5.txt", lang="en")
    block = re.search(r'<section class="compare".*?</section>', page, re.S).group()
    assert "How these articles differ" in block and "out of sample:" in block
    assert "they are two texts" in block
    assert 'class="compare"' not in _page(tmp_path, "004_0ba66114ffe4b64b.txt")  # one article: no comparison


def test_legend_kinds_look_different():
    """No two kinds of highlight share a background (issue 20: two light blues, two yellows)."""
    from pathlib import Path

    css = (Path(__file__).resolve().parent.parent / "framing" / "templates" / "show.html.j2").read_text(encoding="utf-8")
    backgrounds = re.findall(r"\.k-[\w-]+ \{ background: (#[0-9a-fA-F]{6})", css)
    assert len(backgrounds) >= 8 and len(set(backgrounds)) == len(backgrounds)


def test_bidi_override_in_metadata_is_isolated(tmp_path):
    """A right-to-left override in an outlet or id cannot reverse the meta line (issue 21, item 12)."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text((SEEDS / "004_0ba66114ffe4b64b.txt").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    (tmp_path / "in" / "manifest.csv").write_text("file,outlet,date,title\na.txt,invoice\u202egpj.exe,2024-01-01,T\u202eitle\n",
                                                encoding="utf-8")
    out = tmp_path / "p.html"
    res = CliRunner().invoke(cli, ["show", str(tmp_path / "in" / "a.txt"), "-o", str(out)])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert "\u202e" not in page and "<bdi>invoicegpj.exe</bdi>" in page
