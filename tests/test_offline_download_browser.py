"""The download page as a municipal IT person sees it: the fixture site built with the fixture dist/.

The fixture site (tests/fixtures/offline/docs) has a page with both download markers; the
publish script reads tests/fixtures/offline/dist, and the build places the files under
download/. The page must link to exactly those files and print their real size and checksum.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from boerneinddragelse import offline_release as publish_offline
from playwright.sync_api import expect

from conftest import ROOT, build_site, serious_accessibility_violations

FIXTURE = Path(__file__).parent / "fixtures" / "offline"
NEWEST = FIXTURE / "dist" / "boerneinddragelse-offline-2026-11-25.zip"
SITE_URL = "https://eksempel.dk/boerneinddragelse/"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def download_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("hentside")
    docs = Path(shutil.copytree(FIXTURE / "docs", work / "projekt" / "docs"))
    # The site's own styles and scripts: the page should look and read as it does on the real site.
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    facts_file = work / "udgivelse.json"
    facts = publish_offline.collect(FIXTURE / "dist", SITE_URL, "https://github.com/eksempel/boerneinddragelse")
    publish_offline.write_facts(facts, facts_file)
    site = work / "site"
    result = build_site(site, docs_dir=docs, DOWNLOAD_FACTS=str(facts_file), SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stderr
    return site


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def download_url(download_site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(download_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hent/"
    server.shutdown()


def test_link_size_and_checksum_match_the_files_in_dist(page, download_url: str, tmp_path: Path) -> None:
    page.goto(download_url)
    expected_hash = hashlib.sha256(NEWEST.read_bytes()).hexdigest()
    size = NEWEST.stat().st_size
    box = page.locator("[data-hentning]")
    expect(box.locator("[data-hentning-kontrolsum]")).to_have_text(expected_hash)
    assert (FIXTURE / "dist" / f"{NEWEST.name}.sha256").read_text().split()[0] == expected_hash
    exact = f"{size:,}".replace(",", ".")
    expect(box.locator("[data-hentning-stoerrelse]")).to_contain_text(f"({exact} byte)")
    assert box.locator("[data-hentning-stoerrelse]").get_attribute("data-bytes") == str(size)
    expect(box.locator("[data-hentning-version]")).to_have_text("fixtur1")
    expect(box.locator("[data-hentning-dato]")).to_have_text("25. november 2026")

    # The button downloads the very bytes of the zip in dist/.
    link = box.locator("[data-hentning-link]")
    with page.expect_download() as started:
        link.click()
    saved = tmp_path / "hentet.zip"
    started.value.save_as(saved)
    assert saved.read_bytes() == NEWEST.read_bytes()

    # The dated link and both checksum files, fetched like a script would.
    dated = urljoin(download_url, box.locator("[data-hentning-dateret]").get_attribute("href"))
    assert dated.endswith(f"/download/{NEWEST.name}")
    assert page.request.get(dated).body() == NEWEST.read_bytes()
    checksum_url = urljoin(download_url, box.locator("[data-hentning-kontrolsumfil]").get_attribute("href"))
    (tmp_path / "boerneinddragelse-offline-seneste.zip.sha256").write_bytes(page.request.get(checksum_url).body())

    def check() -> subprocess.CompletedProcess[str]:
        args = ["sha256sum", "-c", "boerneinddragelse-offline-seneste.zip.sha256"]
        return subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, check=False)

    assert check().returncode != 0  # no zip under that name yet: the check really looks at the file
    saved.rename(tmp_path / "boerneinddragelse-offline-seneste.zip")
    result = check()
    assert result.returncode == 0, result.stdout + result.stderr

    # The stable addresses for scripts are printed in full, under the published site address.
    addresses = box.locator(".hentning__adresser")
    expect(addresses).to_contain_text(f"{SITE_URL}download/boerneinddragelse-offline-seneste.zip")
    expect(addresses).to_contain_text(f"{SITE_URL}download/{NEWEST.name}")
    expect(addresses.locator("a[href*='releases/tag/offline-2026-11-25-fixtur1']")).to_have_count(1)
    script = box.locator(".hentning__script")
    expect(script).to_contain_text(
        f'Invoke-WebRequest "{SITE_URL}download/boerneinddragelse-offline-seneste.zip" '
        '-OutFile "boerneinddragelse-offline-seneste.zip"'
    )
    release_zip = "https://github.com/eksempel/boerneinddragelse/releases/download/offline-2026-11-25-fixtur1/"
    assert addresses.locator("[data-hentning-udgivelse]").get_attribute("href") == release_zip + NEWEST.name


def test_change_list_on_the_page(page, download_url: str) -> None:
    page.goto(download_url)
    changes = page.locator("[data-aendringer]")
    expect(changes).to_contain_text("Ændringer siden version fixtur0, bygget 1. oktober 2026")
    groups = changes.locator("summary")
    expect(groups).to_have_text(["Nye sider (1)", "Ændrede sider (2)", "Fjernede sider (1)"])
    expect(changes).to_contain_text('Om <sitet> & "os", revideret 2. november 2026')
    expect(changes).to_contain_text("En nyhed, der er rettet, rettet 18. november 2026")
    new_page = changes.get_by_role("link", name="Hent offline-kopien")
    new_page.click()
    page.wait_for_url(download_url)
    text_file = urljoin(download_url, changes.get_by_role("link", name="AENDRINGER.txt").get_attribute("href"))
    body = page.request.get(text_file).body()
    assert body.startswith(b"\xef\xbb\xbf") and b"\r\n" in body
    assert "Fjernede sider (1):" in body.decode("utf-8-sig")


@pytest.mark.parametrize(("width", "name"), [(1280, "desktop"), (390, "telefon")])
def test_download_page_fits_the_screen(browser, download_url: str, width: int, name: str, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
    tab = context.new_page()
    tab.goto(download_url)
    # The 64-character checksum and the long addresses wrap instead of widening the page.
    overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    tab.screenshot(path=str(tmp_path / f"hentside-{name}.png"), full_page=True)
    context.close()
    assert overflow <= 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_download_page_has_no_serious_accessibility_violations(page, download_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(download_url)
    for group in page.locator("details.aendringer__gruppe").all():
        group.evaluate("element => { element.open = true; }")  # check the collapsed lists too
    assert serious_accessibility_violations(page) == []
