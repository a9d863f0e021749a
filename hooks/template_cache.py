"""MkDocs hook: the theme's templates are compiled once per process, not once per build.

MkDocs makes a new Jinja environment for every build, and the environment compiles the
theme's templates (80 of them) again: about a third of a second of every `mkdocs serve`
rebuild. Jinja's own bytecode cache keeps each compiled template under its name and checks it
against the template's source before use (an edited template in overrides/ is compiled
afresh); this one keeps them in memory for the life of the process.
"""

from __future__ import annotations

import jinja2
from course_interface import memo


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self, store: dict):
        self.store = store

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it if the source's checksum differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def on_env(env, config, files):
    env.bytecode_cache = MemoryBytecodeCache(memo("template_cache"))
    return env
