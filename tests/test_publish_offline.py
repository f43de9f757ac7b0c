"""Publishing the offline copy (scripts/publish_offline.py) from the fixture dist/ in tests/fixtures/offline/dist.

The fixture holds two small zips made by build_offline.pack, each with its .sha256 from
build_offline.write_checksum; the newer one carries tests/fixtures/offline/manifester/nu.json.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from boerneinddragelse import manifest
from boerneinddragelse import offline_copy as build_offline
from boerneinddragelse import offline_release as publish_offline
from boerneinddragelse.commands import publish_offline as publish_command

from conftest import build_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "offline"
NEWEST = FIXTURE / "dist" / "boerneinddragelse-offline-2026-11-25.zip"


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    """A copy of the fixture dist/ that a test may spoil."""
    return Path(shutil.copytree(FIXTURE / "dist", tmp_path / "dist"))


def test_facts_come_from_the_newest_zip_and_its_checksum() -> None:
    facts = publish_offline.collect(FIXTURE / "dist", "https://eksempel.dk/sitet", "https://github.com/eks/sitet/")
    assert facts["zip"]["navn"] == NEWEST.name
    assert facts["zip"]["bytes"] == NEWEST.stat().st_size
    assert facts["zip"]["sha256"] == hashlib.sha256(NEWEST.read_bytes()).hexdigest()
    assert facts["zip"]["sha256"] == (FIXTURE / "dist" / f"{NEWEST.name}.sha256").read_text().split()[0]
    # Version and date are the ones inside the zip, not today's or the checkout's.
    assert (facts["version"], facts["byggedato"]) == ("fixtur1", "2026-11-25")
    assert facts["manifest"] == manifest.load(FIXTURE / "manifester" / "nu.json")
    assert facts["tag"] == "offline-2026-11-25-fixtur1"
    assert facts["site_url"] == "https://eksempel.dk/sitet/"
    assert facts["seneste"] == "download/boerneinddragelse-offline-seneste.zip"
    assert facts["dateret"] == f"download/{NEWEST.name}"
    assert facts["udgivelse_url"] == "https://github.com/eks/sitet/releases/tag/offline-2026-11-25-fixtur1"
    assert facts["udgivelse_zip_url"] == (
        f"https://github.com/eks/sitet/releases/download/offline-2026-11-25-fixtur1/{NEWEST.name}"
    )


def test_release_links_are_left_out_without_a_repository() -> None:
    facts = publish_offline.collect(FIXTURE / "dist")
    assert (facts["udgivelse_url"], facts["udgivelser_url"], facts["site_url"]) == ("", "", "")


def test_a_checksum_that_does_not_match_stops_publication(dist: Path) -> None:
    checksum = dist / f"{NEWEST.name}.sha256"
    checksum.write_text("0" * 64 + f"  {NEWEST.name}\n", encoding="utf-8")
    with pytest.raises(publish_offline.PublishError, match=r"kontrolsummen passer ikke .*\[kontrolsum-forkert\]"):
        publish_offline.collect(dist)


def test_a_zip_changed_after_its_checksum_stops_publication(dist: Path) -> None:
    with (dist / NEWEST.name).open("ab") as archive:
        archive.write(b"\0")
    with pytest.raises(publish_offline.PublishError, match=r"\[kontrolsum-forkert\]"):
        publish_offline.collect(dist)


@pytest.mark.parametrize(
    ("content", "rule"),
    [
        ("0" * 64 + "  anden-fil.zip\n", "kontrolsum-navn"),
        ("ikke en kontrolsum\n", "kontrolsum-format"),
        ("", "kontrolsum-format"),
        (None, "kontrolsum-mangler"),
    ],
)
def test_a_bad_checksum_file_gets_a_danish_error_naming_it(dist: Path, content: str | None, rule: str) -> None:
    checksum = dist / f"{NEWEST.name}.sha256"
    if content is None:
        checksum.unlink()
    else:
        checksum.write_text(content, encoding="utf-8")
    with pytest.raises(publish_offline.PublishError, match=rf"\[{rule}\]") as error:
        publish_offline.collect(dist)
    assert str(error.value).startswith(str(checksum))


def test_an_empty_dist_says_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(publish_offline.PublishError, match="make offline"):
        publish_offline.collect(tmp_path)


def test_place_publishes_the_zip_twice_with_checksums_that_sha256sum_accepts(tmp_path: Path) -> None:
    facts = publish_offline.collect(FIXTURE / "dist")
    placed = publish_offline.place(facts, tmp_path / "site")
    folder = tmp_path / "site" / "download"
    assert [p.name for p in placed] == sorted(
        [
            "AENDRINGER.txt",
            "manifest.json",
            NEWEST.name,
            f"{NEWEST.name}.sha256",
            "boerneinddragelse-offline-seneste.zip",
            "boerneinddragelse-offline-seneste.zip.sha256",
        ]
    )
    assert (folder / "boerneinddragelse-offline-seneste.zip").read_bytes() == NEWEST.read_bytes()
    assert (folder / NEWEST.name).read_bytes() == NEWEST.read_bytes()
    result = subprocess.run(["sha256sum", "-c", *sorted(p.name for p in folder.glob("*.sha256"))], cwd=folder,
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(": OK") == 2
    assert (folder / "manifest.json").read_bytes() == (FIXTURE / "manifester" / "nu.json").read_bytes()
    assert (folder / "AENDRINGER.txt").read_bytes().startswith(b"\xef\xbb\xbf")


def test_place_refuses_a_zip_changed_after_the_facts_were_written(dist: Path, tmp_path: Path) -> None:
    facts = publish_offline.collect(dist)
    with (dist / NEWEST.name).open("ab") as archive:
        archive.write(b"\0")
    with pytest.raises(publish_offline.PublishError, match=r"\[zip-aendret\]"):
        publish_offline.place(facts, tmp_path / "site")
    assert not (tmp_path / "site" / "download").exists()


def test_sha256sum_rejects_a_spoiled_copy(tmp_path: Path) -> None:
    """The check the guide tells IT to run really fails when the zip is damaged."""
    folder = Path(shutil.copytree(FIXTURE / "dist", tmp_path / "dist"))
    with (folder / NEWEST.name).open("r+b") as archive:
        archive.seek(100)
        archive.write(b"X")
    result = subprocess.run(["sha256sum", "-c", f"{NEWEST.name}.sha256"], cwd=folder, capture_output=True, check=False)
    assert result.returncode != 0


def test_checksum_file_is_one_sha256sum_line(tmp_path: Path) -> None:
    archive = tmp_path / "boerneinddragelse-offline-2026-01-02.zip"
    archive.write_bytes(b"indhold")
    checksum = build_offline.write_checksum(archive)
    raw = checksum.read_bytes()
    assert raw == f"{hashlib.sha256(b'indhold').hexdigest()}  {archive.name}\n".encode()
    assert publish_offline.CHECKSUM_LINE.match(raw.decode())
    result = subprocess.run(["sha256sum", "-c", checksum.name], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == f"{archive.name}: OK\n"


def powershell_block() -> str:
    """The PowerShell check of the Danish guide to the offline copy, from whichever page holds it."""
    danish = (p for p in sorted((ROOT / "docs").rglob("*.md")) if p.suffixes == [".md"])
    block = re.compile(r"```powershell\n(.*?)```", re.DOTALL)
    blocks = [b for p in danish for b in block.findall(p.read_text(encoding="utf-8"))]
    assert len(blocks) == 1, "one Danish page shows how to check the zip in PowerShell"
    return blocks[0]


def test_the_guides_powershell_check_reads_the_checksum_file_as_written(tmp_path: Path) -> None:
    """PowerShell is not installed here: follow the guide's commands step by step on the real file format."""
    block = powershell_block()
    name = re.search(r'^\$fil = "([^"]+)"$', block, re.MULTILINE).group(1)
    assert name == publish_offline.LATEST
    # $forventet = (Get-Content "$fil.sha256" -TotalCount 1).Split(" ")[0]
    assert '(Get-Content "$fil.sha256" -TotalCount 1).Split(" ")[0]' in block
    # $faktisk = (Get-FileHash $fil -Algorithm SHA256).Hash, which PowerShell prints in upper case
    assert "(Get-FileHash $fil -Algorithm SHA256).Hash" in block
    # -eq compares strings without regard to case
    assert "$faktisk -eq $forventet" in block
    facts = publish_offline.collect(FIXTURE / "dist")
    publish_offline.place(facts, tmp_path)
    first_line = (tmp_path / "download" / f"{name}.sha256").read_text(encoding="utf-8").splitlines()[0]
    expected = first_line.split(" ")[0]
    actual = hashlib.sha256((tmp_path / "download" / name).read_bytes()).hexdigest().upper()
    assert actual.casefold() == expected.casefold()
    assert len(expected) == 64


def test_release_notes_carry_the_checksum_and_the_change_list() -> None:
    facts = publish_offline.collect(FIXTURE / "dist", "https://eksempel.dk/")
    notes = publish_offline.release_notes(facts)
    assert f"`{facts['zip']['sha256']}`" in notes
    assert "https://eksempel.dk/offline-kopi/" in notes
    assert manifest.change_text(facts["manifest"]).rstrip("\n") in notes


def test_command_line_writes_facts_notes_tag_and_title(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out, notes = tmp_path / "udgivelse.json", tmp_path / "noter.md"
    args = ["forbered", "--dist", str(FIXTURE / "dist"), "--out", str(out), "--noter", str(notes)]
    assert publish_command.main(args) == 0
    facts = json.loads(out.read_text(encoding="utf-8"))
    assert facts == publish_offline.read_facts(out)
    assert notes.read_text(encoding="utf-8") == publish_offline.release_notes(facts)
    capsys.readouterr()
    assert publish_command.main(["github-output", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["tag=offline-2026-11-25-fixtur1", "titel=Offline-kopi 25.11.2026 (version fixtur1)"]


def test_command_line_error_is_danish_without_traceback(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert publish_command.main(["forbered", "--dist", str(tmp_path), "--out", str(tmp_path / "f.json")]) == 1
    err = capsys.readouterr().err
    assert "fejl: ingen boerneinddragelse-offline-ÅÅÅÅ-MM-DD.zip" in err and "Traceback" not in err
    assert not (tmp_path / "f.json").exists()


@pytest.mark.build
def test_build_with_unreadable_facts_fails_in_danish(tmp_path: Path) -> None:
    docs = Path(shutil.copytree(FIXTURE / "docs", tmp_path / "projekt" / "docs"))
    facts = tmp_path / "udgivelse.json"
    facts.write_text('{"format": 99}', encoding="utf-8")
    result = build_site(tmp_path / "site", docs_dir=docs, DOWNLOAD_FACTS=str(facts))
    assert result.returncode != 0
    assert f"{facts}: fejl: filen er ikke skrevet af »publish_offline.py forbered« [fakta]" in result.stderr
    assert "Traceback" not in result.stderr
