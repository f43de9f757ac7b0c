"""devtools.synthetic: the same examples for the same seed, and pages the content model accepts."""

from __future__ import annotations

import shutil
from pathlib import Path

from boerneinddragelse.model import PRAKSISEKSEMPEL
from boerneinddragelse.site import load_site
from devtools import synthetic

ROOT = Path(__file__).resolve().parent.parent


def _docs_with_examples(tmp_path: Path, count: int) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    synthetic.write_examples(docs, count)
    return docs


def test_same_seed_gives_the_same_examples() -> None:
    assert synthetic.generate(20, seed=7) == synthetic.generate(20, seed=7)
    assert synthetic.generate(20, seed=7) != synthetic.generate(20, seed=8)


def test_a_larger_tree_can_be_topped_up() -> None:
    assert synthetic.generate(10)[4:] == synthetic.generate(6, start=4)


def test_fifty_examples_pass_the_content_model(tmp_path: Path) -> None:
    docs = _docs_with_examples(tmp_path, 50)
    site = load_site(docs)
    assert [p.format() for p in site.problems if synthetic.is_synthetic(p.path)] == []
    assert sum(1 for p in site.examples() if synthetic.is_synthetic(p.rel)) == 50


def test_half_have_a_municipality_and_the_rest_are_illustrative(tmp_path: Path) -> None:
    docs = _docs_with_examples(tmp_path, 50)
    examples = [p for p in load_site(docs).examples() if synthetic.is_synthetic(p.rel)]
    real = [p for p in examples if "kommune" in p.meta]
    assert len(real) == 25
    assert all(p.meta["illustrativ"] is False for p in real)
    assert all(p.meta["illustrativ"] is True for p in examples if p not in real)


def test_examples_have_the_model_body_and_about_300_words() -> None:
    headings = [line for line in PRAKSISEKSEMPEL.body.splitlines() if line.startswith("## ")]
    bodies = [example.text.split("\n---\n", 1)[1] for example in synthetic.generate(100)]
    for body in bodies:
        assert [line for line in body.splitlines() if line.startswith("## ")] == headings
        assert 200 <= len(body.split()) <= 450
    assert len(set(bodies)) == len(bodies)


def test_titles_are_unique_across_a_large_catalogue() -> None:
    titles = [example.text.split("\n", 2)[1] for example in synthetic.generate(4000)]
    assert len(set(titles)) == len(titles)
