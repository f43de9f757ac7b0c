"""Compiled theme templates shared by the language builds of one process.

mkdocs-static-i18n builds the site once per language, and MkDocs gives each build a new Jinja
environment, which compiles every template of the theme again: at 1,000 examples a tenth of the build.
The compiled code does not depend on the language, so the builds share it through Jinja's bytecode
cache, held in memory (Jinja keys each entry on the template's name and checks its source's checksum,
so a changed template, as in the preview, is compiled again).
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class InMemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


SHARED = InMemoryBytecodeCache()
