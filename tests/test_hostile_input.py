"""Bad and hostile files: each gets one clear line or a correct result; the rest is ingested."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from conftest import export_rows, run

GOOD = "Published: 2025-04-05\n\nLe Mali et le Niger ont signé un accord à Niamey le 3 avril 2025.\n"


def ingest_with_good(db: str, folder: Path) -> tuple[int, str, list[dict]]:
    """Ingest a folder that also holds one good article; return exit code, stderr, rows."""
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    result = run("ingest", "--db", db, str(folder))
    return result.exit_code, result.stderr, export_rows(db)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("report.pdf.txt", b"%PDF-1.7\n\x00\x01\x02binary", "binary file, not text"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        ("archive.txt", gzip.compress(b"hello" * 100), "binary file, not text"),
        ("empty.txt", b"", "no article text"),
        ("blank.txt", b"   \n\n\t  \n", "no article text"),
    ],
)
def test_unreadable_files_get_one_line_each(
    db: str, tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    """Binary, empty and whitespace-only files are named with the reason and skipped."""
    (tmp_path / name).write_bytes(content)
    code, stderr, rows = ingest_with_good(db, tmp_path)
    assert code == 1
    assert f"{name}: {reason}" in stderr
    assert [row["date"] for row in rows] == ["2025-04-03"]


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16"])
def test_legacy_encodings_are_decoded(db: str, tmp_path: Path, encoding: str) -> None:
    """Latin-1, Windows-1252 and UTF-16 (with BOM) articles read correctly."""
    text = (
        "Published: 2025-04-05\n\nLe Président du Sénégal a reçu à Dakar le 3 avril 2025 l’émissaire malien."
    )
    (tmp_path / "legacy.txt").write_bytes(text.encode(encoding, errors="replace"))
    result = run("ingest", "--db", db, str(tmp_path / "legacy.txt"))
    assert result.exit_code == 0, result.output
    (row,) = export_rows(db)
    assert "Sénégal" in row["evidence"] and row["date"] == "2025-04-03"


def test_invalid_utf8_and_mojibake_never_crash(db: str, tmp_path: Path) -> None:
    """Broken bytes and double-encoded text are read as well as they can be."""
    (tmp_path / "broken.txt").write_bytes(GOOD.encode() + b"\xff\xfe\xfa trailing \xc3\x28")
    (tmp_path / "mojibake.txt").write_text(
        "Published: 2025-04-05\n\nLe PrÃ©sident du SÃ©nÃ©gal a reÃ§u Ã\xa0 Dakar le 4 avril 2025 l'Ã©missaire.",
        encoding="utf-8",
    )
    result = run("ingest", "--db", db, str(tmp_path))
    assert "Traceback" not in result.output
    assert len(export_rows(db)) >= 1


def test_oversized_single_article_is_refused_without_reading_it(db: str, tmp_path: Path) -> None:
    """A 6 MB single-line file is refused with its size; memory is not spent on it."""
    big = tmp_path / "huge.txt"
    with big.open("wb") as out:
        out.write(b"x" * 6_000_000)
    code, stderr, rows = ingest_with_good(db, tmp_path)
    assert code == 1 and "huge.txt: too large" in stderr
    assert len(rows) == 1


def test_csv_with_missing_and_extra_columns(db: str, tmp_path: Path) -> None:
    """Rows with extra cells or missing fields are read; a row without text is reported."""
    (tmp_path / "batch.csv").write_text(
        "title,text,published\n"
        '"One","Le Mali et le Niger ont signé un accord à Niamey le 3 avril 2025.",2025-04-05,extra,cells\n'
        '"Two"\n',
        encoding="utf-8",
    )
    result = run("ingest", "--db", db, str(tmp_path / "batch.csv"))
    assert result.exit_code == 1
    assert "batch.csv:3: missing 'text'" in result.stderr
    assert [row["article_title"] for row in export_rows(db)] == ["One"]


def test_html_with_scripts_styles_entities_and_iframes(db: str, tmp_path: Path) -> None:
    """Scripts, styles and iframes are dropped; entities are decoded."""
    html = (
        "<html lang='fr'><head><title>Accord</title><style>p{color:red}</style>"
        "<script>alert('le 1er janvier 2020')</script></head><body><article>"
        "<p>Le Mali et le Niger ont sign&eacute; un accord &agrave; Niamey le 3 avril 2025, a annoncé le gouvernement.</p>"
        "<p>" + "Les deux pays coopèrent depuis longtemps dans la région du Liptako-Gourma. " * 3 + "</p>"
        "<iframe src='x'><iframe src='y'></iframe></iframe><script>document.write('2019')</script>"
        "</article></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    run("ingest", "--db", db, "--published", "2025-04-05", str(tmp_path / "page.html"))
    rows = export_rows(db)
    assert [row["date"] for row in rows] == ["2025-04-03"]
    assert "signé un accord à Niamey" in rows[0]["evidence"]


def test_xml_bomb_in_html_does_not_expand(db: str, tmp_path: Path) -> None:
    """A billion-laughs entity bomb is not expanded (bounded time and memory)."""
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
            for i in range(1, 10)
        )
        + "]><html><body><p>Le Mali et le Niger ont signé un accord le 3 avril 2025. &lol9;</p></body></html>"
    )
    (tmp_path / "bomb.html").write_text(bomb, encoding="utf-8")
    result = run("ingest", "--db", db, "--published", "2025-04-05", str(tmp_path / "bomb.html"))
    assert "Traceback" not in result.output
    for row in export_rows(db):
        assert len(row["evidence"]) < 10_000


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_is_reported(db: str, tmp_path: Path) -> None:
    """A file without read permission is named with the reason."""
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    code, stderr, _rows = ingest_with_good(db, tmp_path)
    assert code == 1 and "secret.txt: Permission denied" in stderr


def test_symlink_loops_are_not_followed(db: str, tmp_path: Path) -> None:
    """A folder linking to itself does not make ingest loop."""
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    code, _stderr, rows = ingest_with_good(db, tmp_path)
    assert code == 0 and len(rows) == 1


def test_far_and_impossible_dates(db: str, tmp_path: Path) -> None:
    """1066 and 2999 are dates; 31 février is not."""
    (tmp_path / "a.txt").write_text(
        "Published: 2025-04-05\n\nLa bataille d'Hastings a eu lieu le 14 octobre 1066 en Angleterre. "
        "Le traité a été signé le 31 février 2025 à Paris. Le Mali et la France ont signé un accord le 1er janvier 2999.",
        encoding="utf-8",
    )
    run("ingest", "--db", db, str(tmp_path / "a.txt"))
    assert sorted(row["date"] for row in export_rows(db)) == ["1066-10-14", "2999-01-01"]
