"""The package's layers import one way, with no cycle, function-level imports included.

Layer order (each may import only the layers below it, and modules of its own
layer without a cycle): base types and French grammar -> ingest -> nlp
(backends, lexicons, syntax, actors) -> extract -> analysis -> evaluate,
statistics, stance training -> report, charts, show, compare -> cli. Every
``import`` and ``from … import`` anywhere in a module counts, not only the
module-level ones: a function-level import that goes the wrong way is still a
cycle at run time. A name starting with ``_`` is private to its module.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "framing"

#: lowest first; a module belongs to the first layer one of whose prefixes it matches
LAYERS = (
    ("base", ("framing.spans", "framing.document", "framing.grammar", "framing.files", "framing.limits",
              "framing.textview", "framing.textwindows")),
    ("ingest", ("framing.conllu", "framing.ingest", "framing.progress")),
    ("nlp", ("framing.lexicons", "framing.backends", "framing.syntax", "framing.actors", "framing.resources",
             "framing.cruft")),
    ("extract", ("framing.extract",)),
    ("analysis", ("framing.features", "framing.analysis", "framing.output", "framing.parallel",
                  "framing.distributed", "framing.score")),
    ("measure", ("framing.evaluate", "framing.stats", "framing.stance_training", "framing.i18n", "framing.copies",
                 "framing.stories", "framing.adjust", "framing")),
    ("render", ("framing.charts", "framing.report", "framing.show", "framing.compare", "framing.likeness_report")),
    ("cli", ("framing.cli",)),
)
#: private names imported across modules today (a new one fails the test)
KNOWN_PRIVATE: set[tuple[str, str, str]] = set()
#: import cycles left today, each to be broken (a new one fails the test)
KNOWN_CYCLES: list[list[str]] = []


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    p = PACKAGE.parent / name.replace(".", "/")
    return p.with_suffix(".py").is_file() or (p / "__init__.py").is_file()


def import_edges() -> list[tuple[str, str, str | None, int]]:
    """``(importer, imported module, imported name or None, line)`` for every framing import."""
    edges = []
    for path in sorted(PACKAGE.rglob("*.py")):
        mod = _module_name(path)
        package = mod if path.name == "__init__.py" else mod.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                edges += [(mod, a.name, None, node.lineno) for a in node.names if a.name.startswith("framing")]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if not target.startswith("framing"):
                    continue
                for a in node.names:
                    sub = f"{target}.{a.name}"
                    if _is_module(sub):
                        edges.append((mod, sub, None, node.lineno))
                    else:
                        edges.append((mod, target, a.name, node.lineno))
    return edges


def layer_of(module: str) -> int:
    best = None
    for i, (_, prefixes) in enumerate(LAYERS):
        for p in prefixes:
            if module == p or module.startswith(p + "."):
                if best is None or len(p) > best[1]:
                    best = (i, len(p))
    assert best is not None, f"{module} is in no layer: add it to LAYERS"
    return best[0]


def test_every_module_has_a_layer():
    # a new top-level module must be placed explicitly (the package root's prefix catches nothing)
    for path in PACKAGE.rglob("*.py"):
        name = _module_name(path)
        assert name == "framing" or LAYERS[layer_of(name)][1] != ("framing",) and any(
            name == p or name.startswith(p + ".") for _, prefixes in LAYERS for p in prefixes if p != "framing"), \
            f"{name} is in no layer: add it to LAYERS"


def test_layers_import_one_way():
    # ``from framing import __version__``: the package root is imported before any module anyway
    wrong = [f"{a} (layer {LAYERS[layer_of(a)][0]}) imports {b} (layer {LAYERS[layer_of(b)][0]}), line {line}"
             for a, b, name, line in import_edges()
             if layer_of(b) > layer_of(a) and not (b == "framing" and name == "__version__")]
    assert not wrong, "\n".join(wrong)


def test_no_import_cycle():
    graph: dict[str, set[str]] = {}
    for a, b, _, _ in import_edges():
        if a != b and b != "framing":  # the package root only re-exports the public API
            graph.setdefault(a, set()).add(b)
    # Tarjan's strongly connected components
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    new = [c for c in cycles if c not in KNOWN_CYCLES]
    assert not new, f"import cycles: {new}"


def test_no_private_name_imported_from_another_module():
    private = {(a, b, n) for a, b, n, _ in import_edges()
               if n and n.startswith("_") and not n.startswith("__") and a != b}
    assert private <= KNOWN_PRIVATE, sorted(private - KNOWN_PRIVATE)
