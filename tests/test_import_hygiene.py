"""The core stays headless and start-up stays light: checked in fresh interpreters."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import SEED, run

CORE_MODULES = [
    "timeline.models",
    "timeline.db",
    "timeline.store",
    "timeline.queries",
    "timeline.export",
    "timeline.ingest",
    "timeline.extraction",
    "timeline.annotations",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_modules_never_import_textual(module: str) -> None:
    """Importing a core module loads neither Textual nor the tui package."""
    code = f"import sys, {module}; print('textual' in sys.modules or 'tui' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "False"


@pytest.mark.parametrize("args", [["--help"], ["list", "--limit", "5"], ["stats"]])
def test_cli_starts_without_dateparser_or_textual(args: list[str], db: str) -> None:
    """`timeline --help`, `list` and `stats` start without the heavy libraries."""
    run("ingest", "--db", db, "--published", "2025-04-05", str(SEED))
    full = [*args, "--db", db] if args != ["--help"] else args
    code = (
        "import sys\nfrom timeline.cli import cli\n"
        f"try:\n    cli({full!r})\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('dateparser', 'textual', 'trafilatura') if m in sys.modules))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip().splitlines()[-1] == "[]"


def test_every_command_has_a_docstring() -> None:
    """Each CLI command explains itself in `--help`."""
    from timeline.cli import cli

    for name, command in cli.commands.items():  # type: ignore[attr-defined]
        assert command.help and command.help.strip(), name


def test_import_contract_holds() -> None:
    """import-linter confirms the core modules never import textual, tui or rich."""
    import shutil
    from pathlib import Path

    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    result = subprocess.run([lint_imports], capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ci_runs_the_readme_test_command() -> None:
    """The test command of the README is the one `.ci/run` executes."""
    from pathlib import Path

    root = Path(__file__).parent.parent
    command = 'python3 -m venv .venv && .venv/bin/pip install -q -e ".[test]" && .venv/bin/python -m pytest'
    assert command in (root / "README.md").read_text(encoding="utf-8")
    assert command in (root / ".ci" / "run").read_text(encoding="utf-8")
