"""What a build prints while it runs (digest.site.progress): plain stage lines in a log, a
progress bar on a terminal."""

from __future__ import annotations

import io

from digest.site.progress import Bars, Lines, for_stream


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_one_line_per_stage_start_and_end() -> None:
    log = io.StringIO()
    progress = for_stream(log)
    assert isinstance(progress, Lines)
    with progress.stage("reading entries", total=1200) as bar:
        bar.update(1200)
    lines = log.getvalue().splitlines()
    assert lines[0] == "[build] reading entries (1,200) ..."
    assert lines[1].startswith("[build] reading entries: done in ") and lines[1].endswith(" s")
    assert len(lines) == 2  # no bar, no carriage returns in a log
    assert "\r" not in log.getvalue()


def test_a_terminal_gets_a_progress_bar() -> None:
    screen = Terminal()
    progress = for_stream(screen)
    assert isinstance(progress, Bars)
    with progress.stage("writing staged files", total=10) as bar:
        bar.update(10)
    shown = screen.getvalue()
    assert "writing staged files" in shown and "10/10" in shown
