"""Ingest through the CLI: every input format, the header block, overrides, idempotence, failures."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import SEED, export_rows, run, write_article

EN_BODY = (
    "The foreign ministers of Senegal and Ghana met in Accra on 12 March 2025 to discuss "
    "regional security.\n\nBoth sides praised the talks."
)
FR_BODY = "Le président du Niger a effectué une visite officielle à Ankara le 3 avril 2025.\n\nLa visite a duré trois jours."


def test_text_article_header_block_is_read(db: str, tmp_path: Path) -> None:
    """Title, URL, Published, Language and Source header lines become article metadata."""
    path = write_article(
        tmp_path,
        "a.txt",
        EN_BODY,
        title="Senegal and Ghana meet",
        url="https://example.org/a",
        published="2025-03-13",
        language="en",
        source="Demo Wire",
    )
    assert run("ingest", "--db", db, str(path)).exit_code == 0
    (row,) = export_rows(db)
    assert row["article_title"] == "Senegal and Ghana meet"
    assert row["article_url"] == "https://example.org/a"
    assert row["article_published"] == "2025-03-13"
    assert row["language"] == "en"
    assert row["date"] == "2025-03-12"
    assert row["location"] == "Accra"
    assert set(row["countries"]) == {"SEN", "GHA"}


def test_header_keys_are_case_insensitive_and_body_follows_blank_line(db: str, tmp_path: Path) -> None:
    """`TITLE:` and `published:` work; the body starts after the first blank line."""
    path = tmp_path / "b.md"
    path.write_text("TITLE: Upper\npublished: 2025-03-13\n\n" + EN_BODY, encoding="utf-8")
    run("ingest", "--db", db, str(path))
    (row,) = export_rows(db)
    assert row["article_title"] == "Upper"
    assert row["article_published"] == "2025-03-13"


def test_text_without_header_takes_first_line_as_title(db: str, tmp_path: Path) -> None:
    """A file with no header block uses its first line as the title."""
    path = tmp_path / "c.txt"
    path.write_text("Ministers meet in Accra\n\n" + EN_BODY, encoding="utf-8")
    run("ingest", "--db", db, "--published", "2025-03-13", str(path))
    (row,) = export_rows(db)
    assert row["article_title"] == "Ministers meet in Accra"


def test_html_main_text_and_metadata_are_extracted(db: str, tmp_path: Path) -> None:
    """HTML gives title, date, site and language; menus and comment forms are dropped."""
    paragraphs = "".join(f"<p>{part}</p>" for part in FR_BODY.split("\n\n"))
    filler = "<p>" + "Les deux pays entretiennent des relations anciennes et diversifiées. " * 4 + "</p>"
    html = f"""<!doctype html><html lang="fr"><head><title>Visite à Ankara</title>
    <meta property="og:site_name" content="Sahel Demo">
    <meta property="article:published_time" content="2025-04-05T10:00:00Z"></head>
    <body><nav><ul><li>Accueil</li><li>Politique</li></ul></nav>
    <article><h1>Visite à Ankara</h1>{paragraphs}{filler}</article>
    <footer><form><p>Laisser un commentaire le 4 avril 2025</p><textarea></textarea></form></footer>
    </body></html>"""
    path = tmp_path / "d.html"
    path.write_text(html, encoding="utf-8")
    assert run("ingest", "--db", db, str(path)).exit_code == 0
    rows = export_rows(db)
    assert [row["date"] for row in rows] == ["2025-04-03"]
    assert rows[0]["article_title"] == "Visite à Ankara"
    assert rows[0]["article_published"] == "2025-04-05"
    assert rows[0]["language"] == "fr"


def test_jsonl_json_and_csv_batches_are_ingested(db: str, tmp_path: Path) -> None:
    """Each line of JSON Lines, each element of a JSON array and each CSV row is one article."""
    records = [
        {"title": "One", "published": "2025-03-13", "language": "en", "text": EN_BODY},
        {"title": "Deux", "published": "2025-04-05", "language": "fr", "text": FR_BODY},
    ]
    (tmp_path / "a.jsonl").write_text(json.dumps(records[0]) + "\n", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps([records[1]]), encoding="utf-8")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["title", "url", "published", "language", "source", "text"])
    writer.writeheader()
    writer.writerow(
        {
            "title": "Trois",
            "published": "2025-01-10",
            "language": "en",
            "source": "CSV Wire",
            "text": "Nigeria and Benin signed a trade agreement in Cotonou on 8 January 2025.",
        }
    )
    (tmp_path / "c.csv").write_text(buffer.getvalue(), encoding="utf-8")
    assert run("ingest", "--db", db, str(tmp_path)).exit_code == 0
    titles = sorted(row["article_title"] for row in export_rows(db))
    assert titles == ["Deux", "One", "Trois"]


def test_csv_needs_only_a_text_column(db: str, tmp_path: Path) -> None:
    """A CSV with just `text` is accepted."""
    (tmp_path / "only.csv").write_text('text\n"' + EN_BODY.replace("\n", " ") + '"\n', encoding="utf-8")
    assert run("ingest", "--db", db, "--published", "2025-03-13", str(tmp_path / "only.csv")).exit_code == 0
    assert len(export_rows(db)) == 1


def test_standard_input_is_read_with_dash(db: str) -> None:
    """`timeline ingest -` reads one article from standard input."""
    result = run("ingest", "--db", db, "--published", "2025-03-13", "--lang", "en", "-", input=EN_BODY)
    assert result.exit_code == 0, result.output
    assert len(export_rows(db)) == 1


def test_published_and_lang_options_override_the_file(db: str, tmp_path: Path) -> None:
    """--published moves relative dates; --lang replaces the header's language."""
    path = write_article(
        tmp_path,
        "e.txt",
        "Ghana and Togo held talks in Lomé yesterday.",
        published="2025-01-01",
        language="fr",
    )
    run("ingest", "--db", db, "--published", "2025-03-13", "--lang", "en", str(path))
    (row,) = export_rows(db)
    assert row["date"] == "2025-03-12"
    assert row["language"] == "en"


def test_same_content_twice_adds_nothing(db: str, tmp_path: Path) -> None:
    """Re-ingesting the same files (even under another name) is skipped by content hash."""
    run("ingest", "--db", db, "--published", "2025-04-05", str(SEED))
    (tmp_path / "copy.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("ingest", "--db", db, "--published", "2025-04-05", str(SEED), str(tmp_path / "copy.txt"))
    assert result.exit_code == 0
    assert "0 articles added, 2 already stored" in result.stderr
    assert len(export_rows(db)) == 1


def test_bad_file_amid_good_ones_is_reported_and_skipped(db: str, tmp_path: Path) -> None:
    """A binary file and a broken JSON line get one line each; the rest is stored; exit 1."""
    write_article(tmp_path, "good.txt", EN_BODY, published="2025-03-13")
    (tmp_path / "broken.pdf.txt").write_bytes(b"%PDF-1.7\x00\x00\x01binary")
    (tmp_path / "batch.jsonl").write_text(
        '{"text": "' + FR_BODY.replace("\n", " ") + '", "published": "2025-04-05"}\n{not json\n',
        encoding="utf-8",
    )
    result = run("ingest", "--db", db, str(tmp_path))
    assert result.exit_code == 1
    assert "broken.pdf.txt: binary file, not text" in result.stderr
    assert "batch.jsonl:2: invalid JSON" in result.stderr
    assert len(export_rows(db)) == 2


def test_missing_path_is_an_error_naming_it(db: str, tmp_path: Path) -> None:
    """A path that does not exist is reported, and the exit status is 1."""
    result = run("ingest", "--db", db, str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert "nope.txt: no such file or folder" in result.stderr


def test_reextract_keeps_annotations(db: str) -> None:
    """Stars, status, tags and notes survive `ingest --reextract`."""
    run("ingest", "--db", db, "--published", "2025-04-05", str(SEED))
    (row,) = export_rows(db)
    event_id = str(row["event_id"])
    run(
        "annotate",
        "--db",
        db,
        event_id,
        "--status",
        "confirmed",
        "--star",
        "--tag",
        "sahel",
        "--note",
        "checked",
    )
    result = run("ingest", "--db", db, "--reextract")
    assert result.exit_code == 0, result.output
    assert "1 articles re-extracted" in result.stderr
    (after,) = export_rows(db)
    assert after["event_id"] == row["event_id"]
    assert (after["status"], after["starred"], after["tags"], after["note"]) == (
        "confirmed",
        True,
        ["sahel"],
        "checked",
    )


def test_parallel_extraction_stores_the_same_timeline(tmp_path: Path) -> None:
    """`--jobs 2` extracts in worker processes and stores exactly what one process stores."""
    from timeline.config import data_dir

    corpus = str(data_dir() / "clusters" / "articles")
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    assert run("ingest", "--db", one, corpus).exit_code == 0
    assert run("ingest", "--db", two, "--jobs", "2", corpus).exit_code == 0

    def without_ids(rows: list[dict[str, object]]) -> list[dict[str, object]]:
        return [{key: value for key, value in row.items() if key != "event_id"} for row in rows]

    assert without_ids(export_rows(one)) == without_ids(export_rows(two))


def test_articles_are_written_in_publication_order(db: str, tmp_path: Path) -> None:
    """Files given newest first are stored oldest first (clustering then reads each stretch of
    dates once): the older article's event gets the smaller id."""
    folder = tmp_path / "archive"
    folder.mkdir()
    write_article(folder, "a.txt", EN_BODY, title="Newer", published="2025-03-20", language="en")
    older_body = "The foreign ministers of Mali and Niger met in Niamey on 2 February 2025."
    write_article(folder, "b.txt", older_body, title="Older", published="2025-02-03", language="en")
    assert run("ingest", "--db", db, str(folder)).exit_code == 0
    ids = {row["article_title"]: row["event_id"] for row in export_rows(db)}
    assert ids["Older"] < ids["Newer"]


def test_a_large_archive_is_spooled_and_written_in_publication_order(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past what is sorted in memory, articles are spooled to a temporary file and read back
    oldest first, those without a date last; each is stored whole."""
    monkeypatch.setattr("timeline.ingest.ordering.HELD_IN_MEMORY", 1)
    folder = tmp_path / "archive"
    folder.mkdir()
    write_article(folder, "a.txt", EN_BODY, title="Newer", published="2025-03-20", language="en")
    undated_body = "The foreign ministers of Chad and Sudan met in Khartoum on 9 January 2025."
    write_article(folder, "b.txt", undated_body, title="Undated", language="en")
    older_body = "The foreign ministers of Mali and Niger met in Niamey on 2 February 2025."
    write_article(folder, "c.txt", older_body, title="Older", published="2025-02-03", language="en")
    assert run("ingest", "--db", db, str(folder)).exit_code == 0
    rows = export_rows(db)
    ids = {row["article_title"]: row["event_id"] for row in rows}
    assert ids["Older"] < ids["Newer"] < ids["Undated"]
    assert {row["evidence"] for row in rows} == {EN_BODY.split("\n")[0], undated_body, older_body}
