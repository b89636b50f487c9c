"""The package's shape, as a contract: imports point down the flow, no cycles, small documented modules.

The flow is file -> Document -> passages -> glossary hits -> translations -> view. Each stage is a
sub-package of ``reader``, listed in :data:`STAGES` in flow order; a module may import its own stage and the
stages before it, never one after it. The walk reads every import statement with ``ast`` (those inside
functions and ``TYPE_CHECKING`` blocks too), so a lazy import up the flow fails here as well.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reader"
MAX_LINES = 400

#: Stages in flow order. "base" holds the top-level helpers every stage may use.
STAGES = (
    "base",
    "essay",
    "detection",
    "glossary",
    "words",
    "search",
    "models",
    "translation",
    "reading",
    "page",
    "export",
    "ui",
    "cli",
    "__main__",
)
CORE_STAGES = set(STAGES) - {"ui", "cli", "__main__"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts).removesuffix(".__init__")


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def stage_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "base"
    if parts[1] in STAGES:
        return parts[1]
    return "base"  # reader.errors, reader.paths, reader.safe_text, ...


def imports_of(module: str) -> set[str]:
    """The reader modules ``module`` imports (a ``from package import submodule`` names the submodule)."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "reader")
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if base.split(".")[0] != "reader":
                continue
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in MODULES else base)
    return {name for name in found if name in MODULES and name != module}


GRAPH = {module: imports_of(module) for module in MODULES}


def test_the_walk_sees_the_package() -> None:
    assert {"reader.essay.document", "reader.reading.session", "reader.ui.app"} <= set(MODULES)
    assert "reader.essay.library" in GRAPH["reader.reading.session"]


def test_every_module_belongs_to_a_known_stage() -> None:
    unknown = sorted(
        module
        for module in MODULES
        if len(module.split(".")) > 2 and MODULES[module].parent != PACKAGE and stage_of(module) == "base"
    )
    assert unknown == [], "sub-packages missing from STAGES"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down_the_flow(module: str) -> None:
    here = STAGES.index(stage_of(module))
    upward = sorted(target for target in GRAPH[module] if STAGES.index(stage_of(target)) > here)
    assert upward == [], f"{module} ({stage_of(module)}) imports later stages"


def test_core_never_imports_textual() -> None:
    offenders = []
    for module, path in MODULES.items():
        if stage_of(module) not in CORE_STAGES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(name == "textual" or name.startswith("textual.") for name in names):
                offenders.append(module)
    assert offenders == []


def test_no_import_cycles() -> None:
    """Depth-first search over module imports; a back edge is a cycle."""
    state: dict[str, int] = {}  # 1 visiting, 2 done
    cycles: list[list[str]] = []

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(GRAPH[module]):
            # Importing a submodule runs its package's __init__ first: that is not a dependency.
            if module.startswith(target + "."):
                continue
            if state.get(target) == 1:
                cycles.append(
                    [*trail[trail.index(target) :], target] if target in trail else [module, target]
                )
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = 2

    for module in sorted(MODULES):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_modules_are_small_and_documented() -> None:
    long = sorted(
        f"{module}: {lines}"
        for module, path in MODULES.items()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    )
    undocumented = sorted(
        module
        for module, path in MODULES.items()
        if ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) is None
        and path.read_text(encoding="utf-8").strip()
    )
    assert long == []
    assert undocumented == []
