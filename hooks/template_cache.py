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
    """Compiled templates kept in a dict. Environments may share one: the key adds the
    settings that change what a template compiles to, so one with other settings compiles
    its own."""

    def __init__(self, store: dict):
        self.store = store

    def get_bucket(self, environment, name, filename, source):
        key = f"{self.get_cache_key(name, filename)}|{_compile_settings(environment)!r}"
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it if the source's checksum differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def _compile_settings(environment) -> tuple:
    autoescape = environment.autoescape
    return (
        environment.block_start_string, environment.block_end_string,
        environment.variable_start_string, environment.variable_end_string,
        environment.comment_start_string, environment.comment_end_string,
        environment.line_statement_prefix, environment.line_comment_prefix,
        environment.trim_blocks, environment.lstrip_blocks, environment.newline_sequence,
        environment.keep_trailing_newline, environment.optimized, environment.is_async,
        sorted(environment.extensions),
        autoescape if isinstance(autoescape, bool) else getattr(autoescape, "__qualname__", "?"),
    )


def on_env(env, config, files):
    env.bytecode_cache = MemoryBytecodeCache(memo("template_cache"))
    return env
