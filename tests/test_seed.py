"""The seed article, end to end through `digest extract`: the entry its README describes."""

from __future__ import annotations

import json

from click.testing import CliRunner

from digest.cli import main
from tests.conftest import SEED

# From ../shared/seed/README.md: the entities a good entry keeps.
SEED_TAGS = {
    "Apple", "AWS", "Graviton", "Inferentia", "Trainium2", "TPU", "Nvidia", "Intel", "AMD",
    "Apple Silicon", "Private Cloud Compute",
}  # fmt: skip
CHROME = ("Skip to main content", "FTC:", "You’re reading", "Avatar", "notification", "Follow")


def test_seed_entry(seed_text: str) -> None:
    result = CliRunner().invoke(main, ["extract", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    entry = json.loads(result.stdout)
    assert entry["title"] == "Apple turns to Amazon chips for AI pre-training and more"
    assert (entry["author"], entry["site_name"]) == ("Chance Miller", "9to5Mac")
    paragraphs = entry["text"].split("\n\n")
    assert paragraphs[0].startswith("As reported by CNBC")
    assert paragraphs[-1].endswith("tend to rely on.")
    assert not [c for c in CHROME if c in entry["text"]]

    speakers = {(q["speaker"], q["role"]) for q in entry["quotes"]}
    assert speakers == {
        ("Benoit Dupin", "Apple’s senior director of machine learning and artificial intelligence")
    }
    assert any(q["text"].startswith("We have a strong relationship") for q in entry["quotes"])

    figures = {f["value"]: f["context"] for f in entry["figures"]}
    assert "efficiency" in figures["40%"] and "x86" in figures["40%"]
    assert "pre-training" in figures["50%"]
    assert "2014" not in figures

    # salience (issue 13): what the story is about in tags, the entities named in passing in
    # mentions; together they keep every entity the README names
    assert set(entry["tags"]) >= {"Apple", "AWS"}
    assert set(entry["tags"]) | set(entry["mentions"]) >= SEED_TAGS
    assert not set(entry["tags"]) & set(entry["mentions"])
    assert "AI training" in entry["tags"]

    words = entry["summary"].split()
    assert len(words) <= 75
    assert "Apple" in entry["summary"] and "40%" in entry["summary"]
