"""The CLI end to end: help, version, validate, run; exit codes and one-line messages."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from payequity.cli import main

PAY = (
    "Anst.nr;Kön;Enhet;Befattningskod;Månadslön heltid;Syssgrad %\n"
    "1;K;A;x;30000;100\n"
    "2;M;A;x;31000;100\n"
    "3;K;A;x;abc;100\n"
)
CONFIG = """
[survey]
organisation = "Testkommun"
year = 2026
reference_date = "2026-09-01"
[data]
path = "pay.csv"
[data.columns]
employee_id = "Anst.nr"
gender = "Kön"
unit = "Enhet"
job_code = "Befattningskod"
base_salary = "Månadslön heltid"
fte = "Syssgrad %"
[data.values.gender]
K = "F"
M = "M"
[output]
dir = "out"
[archive]
dir = "archive"
"""
TS = "2026-09-30T12:00:00Z"


@pytest.fixture
def survey(tmp_path) -> Path:
    (tmp_path / "pay.csv").write_text(PAY, encoding="utf-8")
    path = tmp_path / "survey.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


def test_help_and_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for command in ("run", "validate", "sample"):
        assert command in out
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("payequity ")


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["run"])
    assert info.value.code == 2
    assert main([]) == 2


def test_validate_counts_reasons(survey, capsys):
    assert main(["validate", str(survey)]) == 0
    out = capsys.readouterr().out
    assert "3 rows read, 2 kept, 1 excluded" in out
    assert "invalid_pay  1" in out
    assert "row 4: Månadslön heltid = 'abc'" in out


def test_validate_strict_exits_1(survey, capsys):
    assert main(["validate", str(survey), "--strict"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("payequity: error: 1 rows excluded (--strict)")


def test_config_error_is_one_line_exit_1(survey, capsys):
    survey.write_text(CONFIG.replace("[output]", "[analysis]\nfdrr = 1\n[output]"), "utf-8")
    assert main(["validate", str(survey)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "unknown key analysis.fdrr; did you mean analysis.fdr?" in err


def test_missing_data_file_exit_1(survey, capsys):
    (survey.parent / "pay.csv").unlink()
    assert main(["run", str(survey)]) == 1
    assert "pay.csv: no such data file; check data.path" in capsys.readouterr().err


@pytest.mark.pdf
def test_run_writes_manifest_and_exclusions_byte_identical(survey, capsys):
    assert main(["run", str(survey), "--timestamp", TS, "--quiet"]) == 0
    assert capsys.readouterr().out == ""
    out = survey.parent / "out"
    first = {p: (out / p).read_bytes() for p in ("manifest.json", "data/exclusions.csv")}
    manifest = json.loads(first["manifest.json"])
    assert manifest["created_at"] == TS
    assert manifest["audience"] == "hr"
    assert manifest["inputs"][0]["rows_read"] == 3
    assert manifest["inputs"][0]["rows_excluded"] == 1
    assert manifest["config"]["analysis"]["fdr"] == 0.05  # every value used, defaults too
    assert first["data/exclusions.csv"].decode().splitlines() == [
        "source_row,employee_id,column,value,reason",
        "4,3,Månadslön heltid,abc,invalid_pay",
    ]
    assert main(["run", str(survey), "--timestamp", TS, "--quiet"]) == 0
    assert {p: (out / p).read_bytes() for p in first} == first
    # hr runs archive the data files by year
    assert (survey.parent / "archive/2026/data/exclusions.csv").read_bytes() == first[
        "data/exclusions.csv"
    ]
    assert not list(out.glob(".payequity-*"))  # no staging left behind


@pytest.mark.pdf
def test_source_date_epoch(survey, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    assert main(["run", str(survey), "--quiet"]) == 0
    manifest = json.loads((survey.parent / "out/manifest.json").read_text("utf-8"))
    assert manifest["created_at"] == "2026-09-21T14:13:20Z"


@pytest.mark.pdf
def test_failed_run_leaves_previous_files(survey, capsys):
    assert main(["run", str(survey), "--timestamp", TS, "--quiet"]) == 0
    out = survey.parent / "out"
    before = (out / "manifest.json").read_bytes()
    (survey.parent / "pay.csv").write_bytes(b"\x00\x01broken")
    assert main(["run", str(survey), "--timestamp", "2027-01-01T00:00:00Z"]) == 1
    assert (out / "manifest.json").read_bytes() == before
    assert (out / "data/exclusions.csv").exists()


def test_run_options(survey, tmp_path, capsys):
    other = tmp_path / "elsewhere"
    assert (
        main(
            [
                "run",
                str(survey),
                "--out",
                str(other),
                "--year",
                "2027",
                "--timestamp",
                TS,
                "--only",
                "data",
                "--quiet",
            ]
        )
        == 0
    )
    manifest = json.loads((other / "manifest.json").read_text("utf-8"))
    assert manifest["year"] == 2027
    assert manifest["config"]["survey"]["year"] == 2027
    # a run with --out archives beside its output, never over the configured archive
    assert (other / "archive/2027/data/exclusions.csv").exists()
    assert not (tmp_path / "archive").exists()
    for bad in (["--only", "charts"], ["--timestamp", "yesterday"]):
        with pytest.raises(SystemExit) as info:  # bad usage: exit 2
            main(["run", str(survey), *bad])
        assert info.value.code == 2
    err = capsys.readouterr().err
    assert "'charts': give data, pdf or xlsx" in err
    assert "'yesterday' is not ISO 8601" in err


@pytest.mark.pdf
def test_non_hr_audience_needs_a_key(survey, capsys, monkeypatch):
    monkeypatch.delenv("PAYEQUITY_PSEUDONYM_KEY", raising=False)
    assert main(["run", str(survey), "--audience", "union"]) == 1
    err = capsys.readouterr().err
    assert "pseudonym key" in err
    assert "PAYEQUITY_PSEUDONYM_KEY" in err
    monkeypatch.setenv("PAYEQUITY_PSEUDONYM_KEY", "hemlig")
    assert main(["run", str(survey), "--audience", "union", "--quiet", "--timestamp", TS]) == 0
    rows = (survey.parent / "out/data/exclusions.csv").read_text("utf-8").splitlines()
    assert rows[1].split(",")[1] != "3"
    assert len(rows[1].split(",")[1]) == 12
    # manager and public need the key too, though they show no ids
    monkeypatch.delenv("PAYEQUITY_PSEUDONYM_KEY")
    assert main(["run", str(survey), "--audience", "public", "--quiet", "--timestamp", TS]) == 1
    assert "pseudonym key" in capsys.readouterr().err


def test_console_script_and_module_entry(survey):
    exe = Path(sys.executable).parent / "payequity"
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    for cmd in (
        [str(exe), "validate", str(survey)],
        [sys.executable, "-m", "payequity", "validate", str(survey)],
    ):
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        assert done.returncode == 0, done.stderr
        assert "2 kept" in done.stdout
    bad = subprocess.run(
        [str(exe), "validate", str(survey.parent / "nope.toml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr
    assert bad.stderr.count("\n") == 1


@pytest.mark.pdf
def test_sample_then_run_writes_into_the_sample_folder(tmp_path, capsys):
    out = tmp_path / "exempel"
    assert main(["sample", "--out", str(out), "--employees", "600", "--seed", "2"]) == 0
    assert "wrote 600 employees" in capsys.readouterr().out
    assert main(["run", str(out / "survey.toml"), "--quiet", "--timestamp", TS]) == 0
    manifest = json.loads((out / "reports/manifest.json").read_text("utf-8"))
    assert manifest["inputs"][0]["rows_read"] == 600
    assert (out / "reports/archive/2026/data/exclusions.csv").exists()


@pytest.mark.pdf
def test_personnummer_id_column_without_key_exits_1(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("PAYEQUITY_PSEUDONYM_KEY", raising=False)
    pay = "Anst.nr;Kön;Enhet;Befattningskod;Månadslön heltid;Syssgrad %\n"
    pay += "19800101-1234;K;A;x;30000;100\n19750505-4321;M;A;x;31000;100\n"
    (tmp_path / "pay.csv").write_text(pay, encoding="utf-8")
    (tmp_path / "survey.toml").write_text(CONFIG, encoding="utf-8")
    assert main(["validate", str(tmp_path / "survey.toml")]) == 1
    err = capsys.readouterr().err
    assert "holds personnummer" in err
    assert "privacy.key_file" in err
    assert "19800101" not in err
    (tmp_path / "key.txt").write_text("hemlig\n", encoding="utf-8")
    text = CONFIG + '[privacy]\nkey_file = "key.txt"\n'
    (tmp_path / "survey.toml").write_text(text, encoding="utf-8")
    assert main(["run", str(tmp_path / "survey.toml"), "--quiet", "--timestamp", TS]) == 0
    assert "19800101" not in "".join(
        _readable(p) for p in (tmp_path / "out").rglob("*") if p.is_file()
    )


def _readable(path):
    """What a person reads in an output file: text, a PDF's text, a workbook's cells."""
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return " ".join(page.extract_text() or "" for page in PdfReader(path).pages)
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True)
        return " ".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row)
    return path.read_text("utf-8")


def test_run_refuses_to_replace_its_own_inputs(tmp_path, capsys):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/pay.csv").write_text(PAY, encoding="utf-8")
    text = CONFIG.replace('path = "pay.csv"', 'path = "data/pay.csv"').replace(
        'dir = "out"', 'dir = "."'
    )
    (tmp_path / "survey.toml").write_text(text, encoding="utf-8")
    assert main(["run", str(tmp_path / "survey.toml")]) == 1
    assert "lies in" in capsys.readouterr().err
    assert (tmp_path / "data/pay.csv").read_text("utf-8") == PAY


@pytest.mark.pdf
def test_union_output_pseudonymises_ids_in_values(survey, monkeypatch):
    (survey.parent / "pay.csv").write_text(
        PAY + "100018;K;A;x;30000;100\n100018;K;A;x;1;100\n", encoding="utf-8"
    )
    monkeypatch.setenv("PAYEQUITY_PSEUDONYM_KEY", "hemlig")
    assert main(["run", str(survey), "--audience", "union", "--quiet", "--timestamp", TS]) == 0
    text = (survey.parent / "out/data/exclusions.csv").read_text("utf-8")
    assert "duplicate_key" in text and "100018" not in text


def test_source_date_epoch_not_a_number(survey):
    exe = Path(sys.executable).parent / "payequity"
    env = dict(os.environ, SOURCE_DATE_EPOCH="abc")
    for args in (["--version"], ["run", str(survey)]):
        done = subprocess.run(
            [str(exe), *args], capture_output=True, text=True, env=env, check=False
        )
        assert done.returncode == 1
        assert done.stderr.strip() == (
            "payequity: error: SOURCE_DATE_EPOCH='abc' is not whole "
            "seconds since 1970; fix or unset it"
        )


@pytest.mark.pdf
def test_failing_archive_leaves_output_untouched(survey, capsys):
    assert main(["run", str(survey), "--timestamp", TS, "--quiet"]) == 0
    out = survey.parent / "out"
    before = {p: (out / p).read_bytes() for p in ("manifest.json", "data/exclusions.csv")}
    (survey.parent / "archive").rename(survey.parent / "archive-old")
    (survey.parent / "archive").write_text("not a folder", encoding="utf-8")
    (survey.parent / "pay.csv").write_text(PAY + "9;M;A;x;33000;100\n", encoding="utf-8")
    assert main(["run", str(survey), "--timestamp", "2027-01-01T00:00:00Z"]) == 1
    assert "archive.dir" in capsys.readouterr().err
    assert {p: (out / p).read_bytes() for p in before} == before


@pytest.mark.pdf
def test_manifest_records_detected_loader_values(survey):
    assert main(["run", str(survey), "--timestamp", TS, "--quiet"]) == 0
    manifest = json.loads((survey.parent / "out/manifest.json").read_text("utf-8"))
    data = manifest["config"]["data"]
    assert (data["encoding"], data["delimiter"], data["decimal"], data["fte_unit"]) == (
        "utf-8",
        ";",
        ",",
        "percent",
    )
    assert manifest["inputs"][0]["detected"]["blank_rows_skipped"] == 0


@pytest.mark.pdf
def test_no_usable_rows_is_an_error_and_keeps_the_previous_output(survey, capsys):
    assert main(["run", str(survey), "--timestamp", TS, "--quiet"]) == 0
    before = (survey.parent / "out/manifest.json").read_bytes()
    (survey.parent / "pay.csv").write_text(PAY.splitlines()[0] + "\n", encoding="utf-8")
    assert main(["validate", str(survey)]) == 1
    assert main(["run", str(survey), "--timestamp", "2027-01-01T00:00:00Z"]) == 1
    assert "no usable rows (0 read)" in capsys.readouterr().err
    assert (survey.parent / "out/manifest.json").read_bytes() == before


def test_validate_hints_at_decimal_commas(tmp_path, capsys):
    pay = "Anst.nr,Kön,Enhet,Befattningskod,Månadslön heltid,Syssgrad %\n"
    pay += '1,K,A,x,"32500,50",100\n2,M,A,x,31000.25,100\n3,M,A,x,31000.75,100\n'
    (tmp_path / "pay.csv").write_text(pay, encoding="utf-8")
    (tmp_path / "survey.toml").write_text(CONFIG, encoding="utf-8")
    assert main(["validate", str(tmp_path / "survey.toml")]) == 0
    assert "looks like a decimal comma: set data.decimal" in capsys.readouterr().out


def test_a_run_in_a_log_writes_one_line_per_step_with_its_seconds(tmp_path, capsys):
    """Off a terminal (cron) each step is one line on stderr with its elapsed time, so a log
    shows where the time went; --quiet silences it."""
    from conftest import SAMPLE

    args = ["run", str(SAMPLE / "survey.toml"), "--out", str(tmp_path), "--only", "data"]
    assert main([*args, "--timestamp", "2026-09-30T12:00:00Z"]) == 0
    lines = capsys.readouterr().err.splitlines()
    steps = [line.split(": ", 1)[1].rsplit(" ", 2)[0] for line in lines]
    assert steps[:3] == ["load data", "job evaluation", "equal work"]
    assert "data files" in steps and steps[-1] == "write"
    assert all(re.fullmatch(r"payequity run: .+ \d+\.\d s", line) for line in lines)
    assert main([*args, "--quiet"]) == 0
    assert capsys.readouterr().err == ""
