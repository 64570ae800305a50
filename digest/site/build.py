"""Site building: validate the archive, then run MkDocs (strict) on it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from digest.errors import DigestError, ValidationFailed

DEFAULT_CONFIG = Path("mkdocs.yml")
DEFAULT_DOCS = Path("docs")
# Source snapshots: the extracted text of each entry's article, `sources/<entry stem>.txt`, used
# to check that quotes and figures occur in the source. Written by `digest add --snapshot`.
DEFAULT_SOURCES = Path("sources")
# Material prints a multi-line banner about its successor on every build; it is not a warning
# about this site, so it is switched off to keep build logs readable.
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1"}
SITE_MODE = 0o755  # the site folder's permissions, as `mkdocs build` would make it


def check_archive(paths: list[Path], sources_dir: Path | None = None) -> None:
    """Raise ValidationFailed with every problem in the entries under `paths`."""
    from digest.archive.validate import check_paths

    problems = check_paths(paths, sources_dir=sources_dir)
    if problems:
        raise ValidationFailed(problems)


def check_and_build(
    config: Path = DEFAULT_CONFIG,
    site_dir: Path | None = None,
    sources_dir: Path | None = None,
) -> Path:
    """`digest build`: the archive's check and the MkDocs build run at the same time (the check
    in this process, MkDocs in a child: two cores), the site built into a fresh folder beside
    the old one. Only when both succeed does the new folder replace the site; a failed check
    stops the build, and the old site is left as it was. Returns the site folder."""
    from digest.site.search_plugin import PLAN_ENV, index_from_plan

    final = site_dir if site_dir is not None else configured_site_dir(config)
    final.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{final.name}-build-", dir=final.parent))
    fresh.chmod(SITE_MODE)  # mkdtemp's folder is private; the site is served to everyone
    # The search plugin leaves Pagefind's run to us (see search_plugin.PLAN_ENV): it starts once
    # MkDocs has exited, and the two never hold their memory at the same time.
    plan = fresh.with_name(fresh.name + ".pagefind.json")
    env = {**_env(), PLAN_ENV: str(plan)}
    try:
        child = subprocess.Popen(_build_command(config, fresh, strict=True), env=env)
        try:
            check_archive([config.parent / DEFAULT_DOCS], sources_dir)
            status = child.wait()
        except BaseException:
            child.terminate()
            child.wait()
            raise
        if status != 0:
            raise DigestError(str(config), f"mkdocs build failed (exit status {status})")
        try:
            index_from_plan(fresh, plan)
        except PluginError as exc:
            raise DigestError(str(config), str(exc)) from None
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    finally:
        plan.unlink(missing_ok=True)
    _replace(final, fresh)
    return final


def _replace(final: Path, fresh: Path) -> None:
    """Move `fresh` to `final`; the previous site is removed once the new one is in place."""
    if not final.exists():
        fresh.rename(final)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{final.name}-old-", dir=final.parent))
    old.rmdir()
    final.rename(old)
    fresh.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def configured_site_dir(config: Path) -> Path:
    """The site folder mkdocs.yml names (`site_dir`, default "site" beside it)."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    # Any tag (!ENV, !relative, python names) reads as nothing: only site_dir matters here.
    loader.add_multi_constructor("", lambda _loader, _suffix, _node: None)
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError) as exc:
        raise DigestError(str(config), f"cannot read the configuration: {exc}") from None
    name = data.get("site_dir") if isinstance(data, dict) else None
    return config.parent / (name if isinstance(name, str) and name else "site")


def _build_command(config: Path, site_dir: Path | None, strict: bool) -> list[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config)]
    if strict:
        command.append("--strict")
    if site_dir is not None:
        command += ["--site-dir", str(site_dir)]
    return command


def _env() -> dict[str, str]:
    return {**os.environ, **BUILD_ENV}


def serve_site(config: Path = DEFAULT_CONFIG, address: str = "127.0.0.1:8000") -> int:
    """Live preview (digest.site.preview): a new entry's page within seconds, the whole site rebuilt
    in the background; returns the exit status."""
    import logging

    from digest.site.preview import serve

    os.environ.update(BUILD_ENV)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    return serve(config, address)
