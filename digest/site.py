"""Site building: validate the archive, then run MkDocs (strict) on it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from digest.errors import DigestError, ValidationFailed

DEFAULT_CONFIG = Path("mkdocs.yml")
DEFAULT_DOCS = Path("docs")
# Source snapshots: the extracted text of each entry's article, `sources/<entry stem>.txt`, used
# to check that quotes and figures occur in the source. Written by `digest add --snapshot`.
DEFAULT_SOURCES = Path("sources")
# Material prints a multi-line banner about its successor on every build; it is not a warning
# about this site, so it is switched off to keep build logs readable.
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1"}


def check_archive(paths: list[Path], sources_dir: Path | None = None) -> None:
    """Raise ValidationFailed with every problem in the entries under `paths`."""
    from digest.validate import check_paths

    problems = check_paths(paths, sources_dir=sources_dir)
    if problems:
        raise ValidationFailed(problems)


def build_site(
    config: Path = DEFAULT_CONFIG, site_dir: Path | None = None, *, strict: bool = True
) -> None:
    """`mkdocs build --strict` in a child process (MkDocs keeps global state between builds)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config)]
    if strict:
        command.append("--strict")
    if site_dir is not None:
        command += ["--site-dir", str(site_dir)]
    result = subprocess.run(command, check=False, env={**os.environ, **BUILD_ENV})
    if result.returncode != 0:
        raise DigestError(str(config), f"mkdocs build failed (exit status {result.returncode})")


def serve_site(config: Path = DEFAULT_CONFIG, address: str = "127.0.0.1:8000") -> int:
    """Live preview (digest.preview): a new entry's page within seconds, the whole site rebuilt
    in the background; returns the exit status."""
    import logging

    from digest.preview import serve

    os.environ.update(BUILD_ENV)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    return serve(config, address)
