"""The exceptions newsprism raises, in one place.

Every message names the offending file or value, so the CLI can print it as one
line and a user knows what to fix.

    NewsprismError
    ├── InputError          a file or record cannot be read (names file and reason)
    │   └── LimitExceeded   an input is larger than a configured limit
    ├── StoreError          the database cannot be opened, migrated or written
    ├── OptionsError        a user options file is malformed or sets an unknown key
    ├── NotFound            an article or story id that is not in the store
    ├── MissingExtra        an optional dependency is not installed (says what to install)
    └── ServeError          the web app cannot listen where asked (a busy port)
"""

from __future__ import annotations


class NewsprismError(Exception):
    """Base class: catch this to handle every newsprism failure."""


class InputError(NewsprismError):
    def __init__(self, path: str, reason: str, record: str | None = None) -> None:
        self.path = path
        self.reason = reason
        self.record = record
        where = f"{path}#{record}" if record else path
        super().__init__(f"{where}: {reason}")


class LimitExceeded(InputError):
    pass


class StoreError(NewsprismError):
    pass


class OptionsError(NewsprismError):
    pass


class NotFound(NewsprismError):
    def __init__(self, kind: str, ident: str) -> None:
        self.kind = kind
        self.ident = ident
        super().__init__(f"no {kind} with id {ident!r} in the store")


class MissingExtra(NewsprismError):
    def __init__(self, feature: str, extra: str, package: str) -> None:
        super().__init__(
            f"{feature} needs {package}: install it with `pip install 'newsprism[{extra}]'`"
        )


class ServeError(NewsprismError):
    pass
