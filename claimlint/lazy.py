"""Patterns compiled on first use: a run pays at start-up only for the patterns it needs.

Compiling is Python code in both `re` and `regex` (a class of hundreds of ranges takes
milliseconds); a module that compiled all its patterns on import would make every run pay for
rule-pack validation, suppression comments or mixed-script folding it may never meet.
"""

from __future__ import annotations

import re
from typing import Any


class LazyRegex:
    """A pattern of `re` (or of `engine`, such as `regex`) compiled on first use; it then
    answers like the compiled pattern: `search`, `finditer`, `sub`, …"""

    def __init__(self, source: str, flags: int = 0, engine: Any = re) -> None:
        self.source = source
        self.flags = flags
        self.engine = engine
        self.compiled: Any = None

    def __getattr__(self, name: str) -> Any:
        if self.compiled is None:
            self.compiled = self.engine.compile(self.source, self.flags)
        value = getattr(self.compiled, name)
        setattr(self, name, value)  # the next lookup finds the bound method directly
        return value
