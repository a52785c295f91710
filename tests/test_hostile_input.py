"""Bad and hostile files: each gets one clear line or a correct result; the rest is ingested."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path
from typing import BinaryIO

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


def write_large_line(handle: BinaryIO, megabytes: int) -> None:
    """Write one line of `megabytes` MB a megabyte at a time (the test holds little memory)."""
    for _ in range(megabytes):
        handle.write(b"x" * 1_000_000)


def test_a_100_mb_single_line_article_is_refused_by_its_size(db: str, tmp_path: Path) -> None:
    """A 100 MB text file without a line break is named with its size; the rest is ingested."""
    with (tmp_path / "huge.txt").open("wb") as handle:
        write_large_line(handle, 100)
    code, stderr, rows = ingest_with_good(db, tmp_path)
    assert code == 1 and "huge.txt: too large (100 MB; the limit is 5 MB)" in stderr
    assert len(rows) == 1


def peak_memory_of_ingest(db: str, path: Path) -> tuple[int, str]:
    """Run an ingest in a fresh interpreter; return its peak RSS in KB and its stderr."""
    script = (
        "import resource, sys\n"
        "from timeline.cli import cli\n"
        "try:\n"
        "    cli(sys.argv[1:])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "ingest", "--db", db, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.split()[-1]), done.stderr


def test_a_100_mb_line_in_json_lines_is_skipped_without_holding_it(db: str, tmp_path: Path) -> None:
    """The line is reported by number, the lines around it are ingested, and the ingest's peak
    memory stays near that of a one-line batch (the line is never held)."""
    record = '{"published": "2025-04-30", "text": "%s"}\n'
    small = tmp_path / "small.jsonl"
    small.write_text(
        record % "Le Mali et le Niger ont signé un accord à Niamey le 2 avril 2025.", encoding="utf-8"
    )
    batch = tmp_path / "batch.jsonl"
    with batch.open("wb") as handle:
        handle.write((record % "Le Mali et le Niger ont signé un accord à Niamey le 3 avril 2025.").encode())
        handle.write(b'{"text": "')
        write_large_line(handle, 100)
        handle.write(b'"}\n')
        handle.write(
            (record % "Le Sénégal et la Gambie ont signé un accord à Banjul le 20 avril 2025.").encode()
        )
    baseline, _ = peak_memory_of_ingest(str(tmp_path / "small.db"), small)
    peak, stderr = peak_memory_of_ingest(db, batch)
    assert "batch.jsonl:2: line too long (over 5 MB)" in stderr
    assert sorted(row["date"] for row in export_rows(db)) == ["2025-04-03", "2025-04-20"]
    assert peak < baseline + 50_000, f"peak {peak} KB against {baseline} KB for one line"


def test_a_binary_file_named_as_a_batch_gets_one_line(db: str, tmp_path: Path) -> None:
    """A gzip file called .jsonl is one failure, not one per line of garbage."""
    (tmp_path / "batch.jsonl").write_bytes(gzip.compress(b'{"text": "x"}\n' * 1000))
    code, stderr, rows = ingest_with_good(db, tmp_path)
    assert code == 1 and stderr.count("batch.jsonl") == 1 and "binary file, not text" in stderr
    assert len(rows) == 1


def test_a_dangling_link_in_a_folder_is_reported(db: str, tmp_path: Path) -> None:
    """A link to a file that does not exist is named with the reason; the rest is ingested."""
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    code, stderr, rows = ingest_with_good(db, tmp_path)
    assert code == 1 and "gone.txt: broken link to " in stderr
    assert len(rows) == 1


RSS = """<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Sahel Wire (written for the tests)</title><language>fr</language>
<item><title>Accord entre le Mali et le Niger</title><link>https://example.org/accord</link>
<pubDate>Sat, 05 Apr 2025 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Le Mali et le Niger ont sign\xe9 un accord \xe0 Niamey le 3 avril 2025.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>
<item><title>Sans texte</title><link>https://example.org/vide</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Gulf Desk (written for the tests)</title>
<entry><title>Qatar hosts talks</title><link href="https://example.org/doha"/>
<published>2025-03-27T08:00:00Z</published>
<content type="html">&lt;p&gt;Qatar hosted talks between Mali and Niger in Doha on 26 March 2025, the foreign ministry said on Thursday.&lt;/p&gt;&lt;p&gt;The two delegations agreed to meet again before the end of the year.&lt;/p&gt;</content></entry>
</feed>
"""


def test_rss_and_atom_feeds_give_one_article_per_entry(db: str, tmp_path: Path) -> None:
    """Entries become articles with their link, date, outlet and language; markup is dropped;
    an entry without text is reported by its number."""
    (tmp_path / "sahel.rss").write_bytes(RSS.encode("latin-1"))
    (tmp_path / "gulf.atom").write_text(ATOM, encoding="utf-8")
    result = run("ingest", "--db", db, str(tmp_path))
    assert result.exit_code == 1 and "sahel.rss#2: no article text" in result.stderr
    rows = {(row["article_url"], row["date"]): row for row in export_rows(db)}
    accord = rows["https://example.org/accord", "2025-04-03"]
    assert (accord["article_published"], accord["language"]) == ("2025-04-05", "fr")
    assert accord["evidence"] == "Le Mali et le Niger ont signé un accord à Niamey le 3 avril 2025."
    assert accord["article_title"] == "Accord entre le Mali et le Niger"
    assert rows["https://example.org/doha", "2025-03-26"]["location"] == "Doha"


def test_xml_bomb_in_a_feed_does_not_expand(db: str, tmp_path: Path) -> None:
    """Entity declarations in a feed are never expanded."""
    laughs = "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "lol" * 10}">'
        for i in range(1, 10)
    )
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{laughs}]><rss version="2.0"><channel><title>x</title>'
        "<item><title>&lol9;</title><pubDate>Sat, 05 Apr 2025 09:00:00 GMT</pubDate>"
        "<description>Le Mali et le Niger ont signé un accord le 3 avril 2025. &lol9;</description></item>"
        "</channel></rss>"
    )
    (tmp_path / "bomb.xml").write_text(feed, encoding="utf-8")
    result = run("ingest", "--db", db, str(tmp_path / "bomb.xml"))
    assert "Traceback" not in result.output
    for row in export_rows(db):
        assert len(row["evidence"]) < 1_000 and len(row["article_title"]) < 1_000
