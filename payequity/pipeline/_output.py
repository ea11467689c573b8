"""Atomic replacement of output folders: stage everything, then swap (DESIGN §7).

A run stages every file it will write (output and archive) before touching either; only when
all are staged are the owned parts swapped in. A failure while staging leaves every previous
file as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..exceptions import PayEquityError


class Staged:
    """Files written into a hidden staging folder inside ``target``, ready to swap in.

    ``owned`` top-level folders are replaced whole (their old files go); other files are
    replaced one by one. ``what`` names the folder in messages ("output.dir", "archive.dir").
    """

    def __init__(self, target: Path, files: dict[str, bytes], owned: list[str], what: str):
        self.target, self.files, self.owned, self.what = target, files, owned, what
        try:
            target.mkdir(parents=True, exist_ok=True)
            self.stage = Path(tempfile.mkdtemp(prefix=".payequity-", dir=target))
            for rel, content in files.items():
                path = self.stage / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
        except OSError as exc:
            self.discard()
            raise PayEquityError(
                f"{target}: cannot write the {what} folder ({exc.strerror or exc}); fix {what} "
                "or its permissions — the previous files are kept"
            ) from None

    def commit(self) -> list[str]:
        try:
            for part in self.owned:
                (self.stage / part).mkdir(exist_ok=True)
                final, old = self.target / part, self.stage / f".old-{part}"
                if final.exists():
                    os.replace(final, old)
                try:
                    os.replace(self.stage / part, final)
                except OSError:
                    if old.exists():
                        os.replace(old, final)
                    raise
            for rel in self.files:
                if Path(rel).parts[0] not in self.owned:
                    (self.target / rel).parent.mkdir(parents=True, exist_ok=True)
                    os.replace(self.stage / rel, self.target / rel)
        except OSError as exc:
            raise PayEquityError(
                f"{self.target}: writing failed ({exc}); fix {self.what}"
            ) from None
        finally:
            self.discard()
        return sorted(self.files)

    def discard(self) -> None:
        stage = getattr(self, "stage", None)
        if stage is not None:
            shutil.rmtree(stage, ignore_errors=True)


def write_all(staged: list[Staged]) -> list[list[str]]:
    """Commit staged folders in order; discard all of them whatever happens."""
    try:
        return [s.commit() for s in staged]
    finally:
        for s in staged:
            s.discard()


def check_inputs_outside(inputs: list[Path], owned: list[Path]) -> None:
    """Refuse a run whose output would replace one of its own inputs."""
    for target in owned:
        for item in inputs:
            item = item.resolve()
            if item == target.resolve() or target.resolve() in item.parents:
                raise PayEquityError(
                    f"{item}: this input lies in {target}, which the run replaces; choose "
                    "another output.dir (or --out) or archive.dir"
                )
