"""The publish workflow (.github/workflows/publish.yml): what it publishes where, tried step by step.

The build job's shell steps are run as written, in a copy of the project, with GitHub's
variables set by hand and the "live site" served from 127.0.0.1 with a previous manifest.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import copy_project

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
FIXTURE = Path(__file__).parent / "fixtures" / "offline"


def workflow() -> dict[str, Any]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(job: str) -> list[dict[str, Any]]:
    return workflow()["jobs"][job]["steps"]


def step_named(job: str, name: str) -> dict[str, Any]:
    return next(s for s in steps(job) if s.get("name") == name)


def all_runs() -> str:
    return "\n".join(s.get("run", "") for job in workflow()["jobs"].values() for s in job.get("steps", []))


def test_one_checksum_file_made_by_make_offline() -> None:
    runs = all_runs()
    assert "make offline" in runs
    assert not re.search(r"sha256sum|shasum|SHA256SUMS|Get-FileHash|openssl", runs)


def test_release_keeps_every_version_and_the_site_waits_for_it() -> None:
    jobs = workflow()["jobs"]
    assert jobs["release"]["permissions"] == {"contents": "write"}
    create = step_named("release", "Opret udgivelsen på GitHub")["run"]
    assert "gh release create" in create and "--notes-file noter.md" in create
    assert "boerneinddragelse-offline-2*.zip.sha256" in create and "manifest.json" in create
    assert set(jobs["deploy"]["needs"]) == {"build", "release"}
    # The artifact is only a hand-over between jobs; the release is what lasts.
    upload = next(s for s in steps("build") if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["retention-days"] <= 7


def test_actions_outside_github_are_pinned_to_a_commit() -> None:
    uses = [s["uses"] for job in workflow()["jobs"].values() for s in job.get("steps", []) if "uses" in s]
    third_party = [u for u in uses if not u.startswith("actions/")]
    assert [u for u in third_party if not re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", u)] == []


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def live_site(tmp_path: Path) -> Iterator[str]:
    """The published site as it was before: only download/manifest.json from the fixture."""
    served = tmp_path / "live"
    (served / "download").mkdir(parents=True)
    shutil.copyfile(FIXTURE / "manifester" / "forrige.json", served / "download" / "manifest.json")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def run_step(run: str, cwd: Path, env: dict[str, str]) -> None:
    result = subprocess.run(["bash", "-e", "-c", run], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{run}\n{result.stdout}\n{result.stderr}"


def read_env_file(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if line)


@pytest.mark.build
def test_build_job_steps_publish_the_zip_on_the_site(tmp_path: Path, live_site: str) -> None:
    project = copy_project(tmp_path / "projekt")
    runner_temp = tmp_path / "runner"
    runner_temp.mkdir()
    github_env, github_output = tmp_path / "github_env", tmp_path / "github_output"
    github_env.touch()
    github_output.touch()
    base = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "RUNNER_TEMP": str(runner_temp),
        "GITHUB_ENV": str(github_env),
        "GITHUB_OUTPUT": str(github_output),
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "eksempel/boerneinddragelse",
    }
    names = [
        "Fastlæg byggedato og adresse",
        "Hent forrige versions manifest",
        "Byg offline-kopien",
        "Læs oplysningerne til hentesiden",
        "Byg sitet med hentesiden",
        "Saml filerne til udgivelsen",
    ]
    for name in names:
        step = step_named("build", name)
        # The Pages address reaches the script as data through the step's env, never expanded into it.
        assert "${{" not in step["run"], name
        given = {
            k: str(v).replace("${{ steps.pages.outputs.base_url }}", live_site) for k, v in step.get("env", {}).items()
        }
        env = {**base, **read_env_file(github_env), **given}
        run_step(step["run"], project, env)

    env = read_env_file(github_env)
    assert env["FORRIGE_MANIFEST"] == str(runner_temp / "forrige-manifest.json")
    outputs = read_env_file(github_output)
    build_date = env["BUILD_DATE"]
    (archive,) = (project / "dist").glob("*.zip")
    assert archive.name == f"boerneinddragelse-offline-{build_date}.zip"
    assert sorted(p.name for p in (project / "dist").iterdir()) == [archive.name, f"{archive.name}.sha256"]
    assert outputs["tag"] == f"offline-{build_date}-ukendt"  # no git checkout in the copy

    # The change list in the zip compares with the previous manifest fetched from the "live site".
    with zipfile.ZipFile(archive) as bundle:
        state = json.loads(bundle.read(f"{archive.stem}/manifest.json"))
    assert state["forrige"] == {"version": "fixtur0", "byggedato": "2026-10-01"}
    assert any(c["art"] == "fjernet" and c["side"] == "gammel.md" for c in state["aendringer"])

    # The site carries the zip under download/, and the download page prints its checksum.
    download = project / "site" / "download"
    assert (download / "boerneinddragelse-offline-seneste.zip").read_bytes() == archive.read_bytes()
    assert (download / archive.name).read_bytes() == archive.read_bytes()
    digest = (project / "dist" / f"{archive.name}.sha256").read_text().split()[0]
    page = (project / "site" / "offline-kopi" / "index.html").read_text(encoding="utf-8")
    assert f">{digest}</code>" in page
    assert f"{live_site}/download/boerneinddragelse-offline-seneste.zip" in page
    assert "https://github.com/eksempel/boerneinddragelse/releases/tag/" + outputs["tag"] in page

    # The release job gets the dated zip, its one checksum file, the manifest, the change list and notes.
    handed_over = runner_temp / "udgivelse"
    assert sorted(p.name for p in handed_over.iterdir()) == sorted(
        [archive.name, f"{archive.name}.sha256", "manifest.json", "AENDRINGER.txt", "noter.md"]
    )
    assert digest in (handed_over / "noter.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("exists", [False, True])
def test_release_step_uploads_the_handed_over_files(tmp_path: Path, exists: bool) -> None:
    """The release job's shell step, with a stand-in for the gh command that records its calls."""
    handed_over = tmp_path / "udgivelse"
    shutil.copytree(FIXTURE / "dist", handed_over)
    (handed_over / "boerneinddragelse-offline-2026-10-01.zip").unlink()
    (handed_over / "boerneinddragelse-offline-2026-10-01.zip.sha256").unlink()
    for name in ("manifest.json", "AENDRINGER.txt", "noter.md"):
        (handed_over / name).write_text("x\n", encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "gh-kald.txt"
    fake = bin_dir / "gh"
    fake.write_text(
        "#!/bin/bash\n"
        f'printf "%s\\n" "$*" >> "{calls}"\n'
        f'if [ "$1 $2" = "release view" ]; then exit {0 if exists else 1}; fi\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    step = step_named("release", "Opret udgivelsen på GitHub")
    env = {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "GITHUB_REPOSITORY": "eksempel/boerneinddragelse",
        "GITHUB_SHA": "0123456789abcdef",
        "GH_TOKEN": "ikke-brugt",
        "TAG": "offline-2026-11-25-fixtur1",
        "TITEL": "Offline-kopi 25.11.2026 (version fixtur1)",
    }
    run_step(step["run"], handed_over, env)
    view, action = calls.read_text(encoding="utf-8").splitlines()
    assert view.startswith("release view offline-2026-11-25-fixtur1")
    files = "boerneinddragelse-offline-2026-11-25.zip boerneinddragelse-offline-2026-11-25.zip.sha256"
    assert f"{files} manifest.json AENDRINGER.txt" in action
    if exists:
        assert action.startswith("release upload offline-2026-11-25-fixtur1") and "--clobber" in action
    else:
        assert action.startswith("release create offline-2026-11-25-fixtur1")
        assert "--title Offline-kopi 25.11.2026 (version fixtur1)" in action
        assert "--target 0123456789abcdef" in action and "--notes-file noter.md" in action
