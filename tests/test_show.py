"""The teaching view: nested highlights built from offsets, explanations, escaping, side by side."""
import html
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
