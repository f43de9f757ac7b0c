"""Each built page finished as MkDocs writes it: the own assets' hashed names, less indentation, and the
Content-Security-Policy.

The policy lists the hash of every inline script of every page, so strictly it is known only when the last
page is built. But the inline scripts are the theme's, the same on every page (overrides/partials/javascripts/
base.html keeps the page's depth out of the one that had it), so the first page brings every hash, and each
page is written with the policy as it stands when the page is written. Should a page bring a script not seen
before, the policy grows and the pages written before it are behind: ``complete`` puts the final policy into
those at the end of the build, and finishes any page that did not pass through here (a plugin's own page),
which is what the build did for every page before: read and write each one again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import security


@dataclass(frozen=True)
class _Policy:
    hashes: frozenset[str]
    meta: str  # as the pages' <meta http-equiv> carries it
    shown: str  # as the offline guide shows the header to servers' administrators

    @classmethod
    def of(cls, hashes: frozenset[str]) -> _Policy:
        shown = security.headers(hashes)["Content-Security-Policy"]
        return cls(hashes, security.attribute(security.policy(hashes)), security.attribute(shown))

    def put_into(self, page: str) -> str:
        return security.put_policy(page, self.meta, self.shown)


class FinishedPages:
    """The pages of one site build, every language's; ``rewrite`` is what else changes in every page."""

    def __init__(self, rewrite: Callable[[str], str], with_policy: bool) -> None:
        self.rewrite = rewrite
        self.with_policy = with_policy
        self.policy = _Policy.of(frozenset())
        self.written: dict[Path, _Policy] = {}

    def finish(self, page: str, destination: str | Path) -> str:
        """A page as it is to be written to destination."""
        page = self.rewrite(page)
        if not self.with_policy:
            return page
        found = {security.script_hash(script) for script in security.inline_scripts(page)}
        if not found <= self.policy.hashes:
            self.policy = _Policy.of(self.policy.hashes | found)
        self.written[Path(destination)] = self.policy
        return self.policy.put_into(page)

    def complete(self, site_dir: Path, is_own_page: Callable[[Path], bool]) -> dict[str, str] | None:
        """At the end of the build: the pages that did not pass through ``finish`` finished, the final policy in
        every page, the search index and web.config. Returns the HTTP headers, or None without a policy."""
        others = {
            path: path.read_text(encoding="utf-8")
            for path in sorted(site_dir.rglob("*.html"))
            if path not in self.written and is_own_page(path)
        }
        finished = {path: self.finish(text, path) for path, text in others.items()}
        if not self.with_policy:
            for path, text in finished.items():
                path.write_text(text, encoding="utf-8")
            return None
        for path, used in self.written.items():
            if used != self.policy:
                text = finished.get(path) or path.read_text(encoding="utf-8")
                path.write_text(security.replace_policy(text, used.shown, self.policy.meta, self.policy.shown), "utf-8")
            elif path in finished:
                path.write_text(finished[path], encoding="utf-8")
        return security.secure_site_files(site_dir, self.policy.hashes)
