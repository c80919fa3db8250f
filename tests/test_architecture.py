"""The app map in docs/architecture.md is the rule every import follows.

The map lists the apps in order, each with the apps it depends on; an app may
import only from apps above it that its line names. Every import counts, at the
top of a module or inside a function. Tests may import anything.
"""

import ast
import re
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent
HEADING = "## Apps and what they depend on"


def app_map(text):
    """``{app: the apps it may import}``, in the order the map lists them."""
    block = text.split(HEADING, 1)[1].split("```", 2)[1]
    allowed = {}
    for line in block.splitlines():
        if not line.strip():
            continue
        name = line.split()[0]
        assert name not in allowed, f"{name} has two lines in the app map"
        _, _, depends = line.partition("→")
        above = list(allowed)
        named = set()
        for short in re.sub(r"\([^)]*\)", "", depends.split(";")[0]).split(","):
            short = short.strip()
            if not short:
                continue
            if short == "everything":
                named.update(above)
                continue
            matches = [
                app for app in above if app == short or app.endswith(f".{short}")
            ]
            assert matches, f"{name} depends on “{short}”, which is not above it"
            named.update(matches)
        allowed[name] = named
    return allowed


def app_of(module, allowed):
    """The app a module belongs to: the longest name in the map that holds it."""
    owners = [app for app in allowed if module == app or module.startswith(f"{app}.")]
    return max(owners, key=len, default=None)


def imported_modules(module, source, is_package=False):
    """``(line, module)`` for every import in ``source``, however deep."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(filter(None, [*parts, base]))
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def violations(module, source, allowed, is_package=False):
    """A message for each import of ``module`` that breaks the map."""
    importer = app_of(module, allowed)
    found = []
    for line, imported in imported_modules(module, source, is_package):
        target = app_of(imported, allowed)
        if target is None or target == importer or target in allowed[importer]:
            continue
        may = ", ".join(sorted(allowed[importer]))
        rule = f"may import only {may}" if may else "may import no app of ours"
        found.append(f"{module} imports {imported} (line {line}): {importer} {rule}")
    return found


def is_test(path):
    return "tests" in path.parts or path.name in ("conftest.py", "tests.py")


def our_modules(allowed):
    """``(module, path)`` of every module in the packages the map names."""
    for top in sorted({app.split(".")[0] for app in allowed}):
        for path in sorted((ROOT / top).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if is_test(relative):
                continue
            parts = relative.with_suffix("").parts
            if parts[-1] == "__init__":
                yield ".".join(parts[:-1]), path, True
            else:
                yield ".".join(parts), path, False


def documented_map():
    return app_map((ROOT / "docs" / "architecture.md").read_text())


def test_every_import_follows_the_app_map_in_the_architecture_doc():
    allowed = documented_map()
    found = [
        message
        for module, path, is_package in our_modules(allowed)
        for message in violations(module, path.read_text(), allowed, is_package)
    ]
    assert not found, "\n".join(found)


def test_every_app_of_ours_has_its_line_in_the_app_map():
    allowed = documented_map()
    ours = [
        config.name
        for config in apps.get_app_configs()
        if (ROOT / config.name.split(".")[0] / "__init__.py").exists()
    ]
    assert ours
    assert [name for name in ours if name not in allowed] == []


SYNTHETIC_DOC = f"""
{HEADING}

```
portal.core        text folding  (depends on nothing of ours)
search             the search registry             → core
portal.news        articles                        → core, search (registers)
home               the home page                   → news
portal             settings and URLs               → everything
```
"""


def test_the_map_gives_each_app_the_apps_its_line_names():
    assert app_map(SYNTHETIC_DOC) == {
        "portal.core": set(),
        "search": {"portal.core"},
        "portal.news": {"portal.core", "search"},
        "home": {"portal.news"},
        "portal": {"portal.core", "search", "portal.news", "home"},
    }


def test_an_import_hidden_in_a_function_is_caught_when_it_runs_upward():
    source = (
        "from portal.core.text import fold\n"
        "\n"
        "def present(hits):\n"
        "    from portal.news.models import ArticlePage\n"
    )
    assert violations("search.views", source, app_map(SYNTHETIC_DOC)) == [
        "search.views imports portal.news.models.ArticlePage (line 4): "
        "search may import only portal.core"
    ]


def test_an_import_of_an_app_above_that_the_line_does_not_name_is_caught():
    source = "import portal.core.text\n"
    assert violations("home.models", source, app_map(SYNTHETIC_DOC)) == [
        "home.models imports portal.core.text (line 1): "
        "home may import only portal.news"
    ]


def test_imports_the_map_allows_pass():
    source = (
        "from django.db import models\n"
        "from search import registry\n"
        "from . import blocks\n"
        "from .blocks import ArticleBodyBlock\n"
        "def ready():\n"
        "    from portal.news.searchable import register_search\n"
    )
    assert violations("portal.news.apps", source, app_map(SYNTHETIC_DOC)) == []


def test_a_relative_import_is_judged_by_the_module_it_names():
    source = "from ..news import models\n"
    assert violations("portal.core.text", source, app_map(SYNTHETIC_DOC)) == [
        "portal.core.text imports portal.news.models (line 1): "
        "portal.core may import no app of ours"
    ]
