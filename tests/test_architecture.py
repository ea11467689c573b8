"""The layout of DESIGN §2, enforced: boxes import only upward, and only public names.

A box (subpackage) may import the boxes before it in ``BOXES`` and the leaves; a leaf only other
leaves. Across boxes only public names of the box's package are imported (``from ..survey import
equal_work``, never ``from ..survey._gap import ...`` nor ``from ..survey import _helper``).
Imports under ``if TYPE_CHECKING:`` are for annotations only and may point anywhere, but still
only at public names.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "payequity"

# the pipeline, top to bottom (DESIGN §2): each box imports only boxes listed before it
BOXES = [
    "io",
    "jobeval",
    "survey",
    "actions",
    "review",
    "privacy",
    "report",
    "pipeline",
    "datasets",
    "cli",
]
LEAVES = {
    "config",
    "exceptions",
    "charts",
    "_format",
    "_summary",
    "_pseudonym",
    "_validation",
    "_sample_options",
}
ENTRY = {"__init__", "__main__"}  # payequity/__init__.py re-exports the public API
MAX_LINES = 600
MAX_TOP_PRIVATE = 8


def _modules(package: Path = PACKAGE) -> list[Path]:
    return sorted(p for p in package.rglob("*.py"))


def _dotted(path: Path, package: Path = PACKAGE) -> list[str]:
    parts = list(path.relative_to(package).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _owner(parts: list[str]) -> str:
    """The box or leaf a module belongs to: its first component under payequity/."""
    return parts[0] if parts else "__init__"


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            test = node.test
            name = test.id if isinstance(test, ast.Name) else getattr(test, "attr", None)
            if name == "TYPE_CHECKING":
                for child in node.body:
                    for sub in ast.walk(child):
                        if hasattr(sub, "lineno"):
                            lines.add(sub.lineno)
    return lines


def _imports(path: Path, package_root: Path = PACKAGE):
    """Yield (line, target module parts, imported names, type_checking) for payequity imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = _type_checking_lines(tree)
    here = _dotted(path, package_root)
    package = here if path.name == "__init__.py" else here[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = base + (node.module.split(".") if node.module else [])
            elif node.module and node.module.split(".")[0] == "payequity":
                target = node.module.split(".")[1:]
            else:
                continue
            names = [a.name for a in node.names]
            yield node.lineno, target, names, node.lineno in typing_only
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "payequity":
                    yield node.lineno, alias.name.split(".")[1:], [], node.lineno in typing_only


def _is_module(name: str, package: Path = PACKAGE) -> bool:
    return (package / name).is_dir() or (package / f"{name}.py").is_file()


def _violations(package: Path = PACKAGE) -> list[str]:
    problems = []
    for path in _modules(package):
        here = _dotted(path, package)
        owner = _owner(here)
        where = path.relative_to(package.parent).as_posix()
        for line, target, names, typing_only in _imports(path, package):
            if not target:  # from payequity import x: x is a module, or a name of the API
                targets = [([n], []) for n in names if _is_module(n, package)]
            else:
                targets = [(target, names)]
            for parts, imported in targets:
                other = _owner(parts)
                if other == owner or owner in ENTRY or path.name == "__main__.py":
                    continue  # entry points (``python -m``) may call the command line
                rel = f"{where}:{line}"
                private_module = any(p.startswith("_") for p in parts[1:]) or (
                    other not in LEAVES and other.startswith("_")
                )
                if private_module:
                    problems.append(f"{rel}: imports the private module {'.'.join(parts)}")
                for n in imported:
                    if n.startswith("_") and n != "__version__":
                        problems.append(f"{rel}: imports the private name {'.'.join(parts)}.{n}")
                if typing_only or other in LEAVES:
                    if owner in LEAVES and other not in LEAVES and not typing_only:
                        problems.append(f"{rel}: the leaf {owner} imports the box {other}")
                    continue
                if owner in LEAVES:
                    problems.append(f"{rel}: the leaf {owner} imports the box {other}")
                elif other not in BOXES or owner not in BOXES:
                    problems.append(f"{rel}: {owner} imports {other}, which is not in DESIGN §2")
                elif BOXES.index(other) > BOXES.index(owner):
                    problems.append(f"{rel}: {owner} imports {other}, which comes after it")
    return problems


def test_boxes_import_only_upward_and_only_public_names():
    problems = _violations()
    assert not problems, "\n".join(problems)


def test_every_box_is_a_subpackage_with_a_docstring_and_public_names():
    for box in BOXES[:-1] + ["charts"]:
        init = PACKAGE / box / "__init__.py"
        assert init.is_file(), f"payequity/{box}/ is not a subpackage"
        tree = ast.parse(init.read_text(encoding="utf-8"))
        doc = ast.get_docstring(tree) or ""
        assert len(doc.split()) >= 15, f"payequity/{box}/__init__.py: say what goes in and out"
        names = [
            n
            for n in tree.body
            if isinstance(n, ast.Assign)
            and any(getattr(t, "id", "") == "__all__" for t in n.targets)
        ]
        assert names, f"payequity/{box}/__init__.py has no __all__"


def test_few_private_modules_at_the_top_level():
    top = sorted(p.stem for p in PACKAGE.glob("_*.py") if p.stem not in ENTRY)
    assert len(top) <= MAX_TOP_PRIVATE, top


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_over_600_lines(path):
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n <= MAX_LINES, f"{path.name}: {n} lines; split it by concern"


def test_charts_lists_every_plot_function_plainly():
    import payequity.charts as charts

    plots = sorted(n for n in dir(charts) if n.startswith("plot_"))
    assert plots == sorted(n for n in charts.__all__ if n.startswith("plot_"))
    assert len(plots) >= 12
    assert not hasattr(charts, "__getattr__"), "charts are imported plainly, not by name lookup"


def test_the_rule_catches_what_it_should(tmp_path):
    """The checker itself: a private cross-box import and an upward import are both reported."""
    fake = tmp_path / "payequity"
    (fake / "survey").mkdir(parents=True)
    (fake / "io").mkdir()
    (fake / "survey" / "__init__.py").write_text('"""x"""\n')
    (fake / "io" / "__init__.py").write_text('"""x"""\n')
    (fake / "survey" / "_a.py").write_text("from ..io._load import PayData\n")
    (fake / "io" / "_b.py").write_text("from ..survey import equal_work\n")
    found = _violations(fake)
    assert any("private module io._load" in p for p in found), found
    assert any("io imports survey, which comes after it" in p for p in found), found
