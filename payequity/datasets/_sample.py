"""The sample as :class:`~payequity.io.PayData`: generated in memory, or the committed one."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..exceptions import DataFileError
from ._files import write_sample
from ._generate import generate_frame

if TYPE_CHECKING:
    from ..io import PayData

__all__ = ["generate", "load_sample"]


def generate(
    n_employees: int = 4000,
    n_units: int | None = None,
    seed: int = 0,
    *,
    year: int = 2026,
    gender_effect: bool = True,
    previous: PayData | None = None,
    plan: Any = None,
    realise: Mapping[str, float] | None = None,
    out: str | Path | None = None,
) -> PayData:
    """Generate the sample municipality as :class:`~payequity.io.PayData`.

    Parameters are those of :func:`generate_frame`; ``previous`` is last year's ``PayData``
    (its ``.frame`` is used; when its reference date is in ``year`` or later, the year after it
    is generated). ``plan`` (last year's action plan) and ``realise`` (measure_id → fraction
    of its step paid) realise the plan's measures on the people who stay, so that
    :func:`payequity.actions.follow_up` finds them done, partly done or not done exactly (see
    :func:`generate_frame`). With ``out`` the files are written there (:func:`write_sample`)
    and loaded back through ``survey.toml``; otherwise the frame is wrapped directly.

    Examples
    --------
    >>> data = generate(500, seed=3)
    >>> data.provenance.rows_kept, data.reference_date.isoformat()
    (500, '2026-09-01')
    >>> nxt = generate(seed=3, year=2027, previous=data)
    >>> nxt.reference_date.year, len(nxt) == len(data)
    (2027, True)
    """
    previous_frame = None
    if previous is not None:
        previous_frame = previous.frame
        ref = getattr(previous, "reference_date", None)
        if isinstance(ref, date) and ref.year >= year:
            year = ref.year + 1
    frame, injected = generate_frame(
        n_employees,
        n_units,
        seed,
        year=year,
        gender_effect=gender_effect,
        previous_frame=previous_frame,
        plan=plan,
        realise=realise,
    )
    if out is not None:
        from payequity.io import load_survey

        write_sample(frame, injected, out, year=year, seed=seed)
        return load_survey(Path(out) / "survey.toml")
    from payequity.io import PayData

    return PayData.from_frame(frame, reference_date=date(year, 9, 1))


def load_sample() -> PayData:
    """Load the committed sample (``data/sample/survey.toml`` of the repository).

    Examples
    --------
    >>> data = load_sample()
    >>> data.provenance.rows_read
    4000
    """
    path = Path(__file__).resolve().parents[2] / "data" / "sample" / "survey.toml"
    if not path.is_file():
        raise DataFileError(
            f"{path} not found (installed without the repository): run `payequity sample "
            "--out DIR` and load it with payequity.io.load_survey('DIR/survey.toml')"
        )
    from payequity.io import load_survey

    return load_survey(path)
