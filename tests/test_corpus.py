"""Files and folders -> Corpus: every file accounted for, bad input explained, the cache honest."""

from __future__ import annotations

import codecs
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import sco_data
from sco_data.cli import main as cli_main
from sco_data.extract.topics import DEFAULT_TAXONOMY_PATH

SEEDS = Path(__file__).resolve().parent.parent / "data" / "releases"
PHONE_SEED = "003_9d2223d45b28a80f.txt"
# Written for these tests: a release as the Secretariat's Russian and Chinese pages would give it.
RUSSIAN_RELEASE = ("Генеральный секретарь ШОС встретился с послом Индии\n\n3 марта 2021 года Генеральный "
                   "секретарь ШОС Владимир Норов встретился с Послом Индии в Китае. Стороны обсудили "
                   "сотрудничество в области торговли, транспорта и культуры.")
CHINESE_RELEASE = "2021年3月3日，上合组织秘书长诺罗夫会见印度驻华大使。双方讨论了贸易、交通和文化领域的合作。"


def seed_text(name: str = PHONE_SEED) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def report_of(corpus: sco_data.Corpus) -> list[tuple[str, str, str]]:
    return [(row.path, row.status, row.reason) for row in corpus.report.itertuples(index=False)]


@pytest.fixture()
def messy_folder(tmp_path: Path) -> Path:
    """A scraper's output: good releases, re-encodings, a page, junk, hidden things, a big dump."""
    folder = tmp_path / "messy"
    (folder / "nested").mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / ".git" / "config").write_text("[core]")
    text = seed_text()
    (folder / "a_call.txt").write_text(text, encoding="utf-8")
    (folder / "b_call_copy.txt").write_text(text, encoding="utf-8")
    (folder / "c_call_utf16.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    (folder / "d_empty.txt").write_bytes(b"")
    (folder / "e_image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (folder / "f_latin1.txt").write_bytes("Café SCO Genève".encode("latin-1"))
    (folder / "g_recipe.txt").write_text("Mix flour and water. Bake for an hour.", encoding="utf-8")
    (folder / "h_dump.txt").write_bytes(b"x" * 2_000_001)
    (folder / "i_report.pdf").write_bytes(b"%PDF-1.4 SCO Secretary-General met X Y on 3 March 2021")
    (folder / "j_russian.txt").write_text(RUSSIAN_RELEASE, encoding="utf-8")
    (folder / "k_call_utf16_no_bom.txt").write_bytes(text.encode("utf-16-le"))
    (folder / "l_chinese.htm").write_text(f"<html><body><p>{CHINESE_RELEASE}</p></body></html>", encoding="utf-8")
    (folder / ".hidden.txt").write_text(text, encoding="utf-8")
    (folder / "nested" / "women.txt").write_text(seed_text("000_fc200e737405b811.txt"), encoding="utf-8")
    (folder / "nested" / "henan.html").write_text(
        "<html><head><script>alert(1)</script></head><body><nav>Menu</nav><article>"
        + "".join(f"<p>{line}</p>" for line in seed_text("004_ab8b35423e3036f0.txt").splitlines())
        + "</article><footer>Footer</footer></body></html>", encoding="utf-8")
    return folder


def test_every_file_gets_one_report_row_with_a_reason(messy_folder: Path) -> None:
    corpus = sco_data.load_corpus(messy_folder, max_file_mb=2, use_cache=False)
    assert report_of(corpus) == [
        (".git/", "skipped", "hidden folder, not read"),
        (".hidden.txt", "skipped", "hidden file, not read"),
        ("a_call.txt", "ok", ""),
        ("b_call_copy.txt", "rejected", "duplicate of a_call.txt"),
        ("c_call_utf16.txt", "rejected", "duplicate of a_call.txt"),
        ("d_empty.txt", "rejected", "empty file"),
        ("e_image.png", "skipped", ".png file, not a release file (.txt, .htm, .html)"),
        ("f_latin1.txt", "rejected", "undecodable text: not UTF-8 (invalid byte at 3) and not Windows-1251"),
        ("g_recipe.txt", "rejected", "not a release: no engagement found"),
        ("h_dump.txt", "rejected", "file too large (2.000001 MB > limit 2 MB)"),
        ("i_report.pdf", "skipped", ".pdf file, not a release file (.txt, .htm, .html)"),
        ("j_russian.txt", "rejected", "Russian text; only English releases are read"),
        ("k_call_utf16_no_bom.txt", "rejected", "duplicate of a_call.txt"),
        ("l_chinese.htm", "rejected", "Chinese text; only English releases are read"),
        ("nested/henan.html", "ok", ""),
        ("nested/women.txt", "ok", ""),
    ]
    assert corpus.releases["source"].tolist() == ["a_call.txt", "nested/henan.html", "nested/women.txt"]
    assert corpus.releases["event_date"].dt.strftime("%Y-%m-%d").tolist() == ["2020-04-29", "2021-05-09", "2019-05-26"]


def test_html_page_yields_the_same_release_as_its_text(messy_folder: Path) -> None:
    page = sco_data.load_corpus(messy_folder / "nested" / "henan.html", use_cache=False).releases.iloc[0]
    plain = sco_data.load_corpus(SEEDS / "004_ab8b35423e3036f0.txt", use_cache=False).releases.iloc[0]
    assert page["release_id"] == plain["release_id"]
    columns = ["event_date", "engagement_type", "sco_official", "counterparts", "location_city", "topics", "text"]
    assert page[columns].tolist() == plain[columns].tolist()


@pytest.mark.parametrize("encode", [
    lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    lambda text: text.replace("\n", "\r\n").encode("utf-8"),
])
def test_reencoded_release_is_the_same_release(tmp_path: Path, encode) -> None:
    path = tmp_path / "copy.txt"
    path.write_bytes(encode(seed_text("004_ab8b35423e3036f0.txt")))
    copy = sco_data.load_corpus(path, use_cache=False).releases
    original = sco_data.load_corpus(SEEDS / "004_ab8b35423e3036f0.txt", use_cache=False).releases
    pd.testing.assert_frame_equal(copy.drop(columns="source"), original.drop(columns="source"))


def test_cyrillic_windows_1251_file_decodes(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.txt"
    path.write_bytes(seed_text("004_ab8b35423e3036f0.txt").encode("cp1251"))
    corpus = sco_data.load_corpus(path, use_cache=False)
    assert corpus.releases["foreign_line_count"].tolist() == [2]
    assert corpus.releases["counterparts"].tolist() == ["He Jinping"]


def test_missing_path_and_uploads(tmp_path: Path) -> None:
    corpus = sco_data.load_corpus([tmp_path / "nowhere"], use_cache=False,
                                  extra_files=[("upload.txt", seed_text().encode()), ("../../etc/passwd", b"")])
    assert report_of(corpus) == [
        (str(tmp_path / "nowhere"), "rejected", "path does not exist"),
        ("upload.txt", "ok", ""),
        ("../../etc/passwd", "rejected", "empty file"),
    ]


def test_oversized_file_is_rejected_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)
    os.chmod(path, 0o000)
    try:
        corpus = sco_data.load_corpus(path, use_cache=False)
    finally:
        os.chmod(path, 0o600)
    assert report_of(corpus) == [("huge.txt", "rejected", "file too large (50.0 MB > limit 5 MB)")]


def test_empty_folder_gives_empty_tables_with_columns(tmp_path: Path) -> None:
    corpus = sco_data.load_corpus(tmp_path, use_cache=False)
    assert (len(corpus.releases), len(corpus.participants), len(corpus.report)) == (0, 0, 0)
    assert list(corpus.participants.columns) == ["release_id", "event_date", "name", "title",
                                                 "organisation", "country", "affiliation_type", "role"]
    assert "topic_health" in corpus.releases.columns


class TestCache:
    def copy_seeds(self, tmp_path: Path) -> Path:
        folder = tmp_path / "corpus"
        shutil.copytree(SEEDS, folder)
        return folder

    def test_restart_on_unchanged_folder_parses_nothing(self, tmp_path: Path) -> None:
        folder, cache = self.copy_seeds(tmp_path), tmp_path / "cache"
        first = sco_data.load_corpus(folder, cache)
        second = sco_data.load_corpus(folder, cache)
        assert (first.parsed_files, second.parsed_files) == (3, 0)
        pd.testing.assert_frame_equal(first.releases, second.releases)
        pd.testing.assert_frame_equal(first.participants, second.participants)
        pd.testing.assert_frame_equal(first.report, second.report)

    def test_adding_a_file_parses_only_that_file(self, tmp_path: Path) -> None:
        folder, cache = self.copy_seeds(tmp_path), tmp_path / "cache"
        sco_data.load_corpus(folder, cache)
        (folder / "new.txt").write_text(seed_text().replace("29 April 2020", "30 April 2020"), encoding="utf-8")
        again = sco_data.load_corpus(folder, cache)
        assert again.parsed_files == 1
        assert len(again.releases) == 4

    def test_changed_file_is_parsed_again(self, tmp_path: Path) -> None:
        folder, cache = self.copy_seeds(tmp_path), tmp_path / "cache"
        sco_data.load_corpus(folder, cache)
        path = folder / PHONE_SEED
        path.write_text(seed_text().replace("29 April 2020", "30 April 2020"), encoding="utf-8")
        again = sco_data.load_corpus(folder, cache)
        assert again.parsed_files == 1
        assert "2020-04-30" in again.releases["event_date"].dt.strftime("%Y-%m-%d").tolist()

    def test_changed_taxonomy_invalidates_the_cached_topics(self, tmp_path: Path) -> None:
        folder, cache = self.copy_seeds(tmp_path), tmp_path / "cache"
        sco_data.load_corpus(folder, cache)
        bundled = DEFAULT_TAXONOMY_PATH.read_text(encoding="utf-8")
        edited = tmp_path / "topics.toml"
        edited.write_text(bundled + '\n[topics.telephony]\nlabel = "Telephony"\nkeywords = ["telephone"]\n',
                          encoding="utf-8")
        again = sco_data.load_corpus(folder, cache, taxonomy=sco_data.load_taxonomy(edited))
        assert again.parsed_files == 3
        assert again.releases["topic_telephony"].tolist() == [False, True, False]

    def test_an_edited_extractor_rule_makes_the_next_load_parse_again(self, tmp_path: Path) -> None:
        """The cache is keyed by the parser's identity (its code and lexicon files): a copy of
        the package whose places lexicon gains a venue reads every release again, and the
        venue's city is found where the first load found none."""
        package = tmp_path / "package"
        shutil.copytree(Path(sco_data.__file__).parent, package / "sco_data",
                        ignore=shutil.ignore_patterns("__pycache__"))
        folder, cache = self.copy_seeds(tmp_path), tmp_path / "cache"
        (folder / "venue.txt").write_text(
            "SCO Secretary-General meets envoy\n\nOn 2 June 2022, SCO Secretary-General Zhang Ming met "
            "with Ambassador of Iran to China Mohammad Keshavarzzadeh at the Harbour Pavilion.\n", encoding="utf-8")
        load = ("import sco_data, sys; c = sco_data.load_corpus(sys.argv[1], sys.argv[2]); "
                "city = c.releases.set_index('source')['location_city'].get('venue.txt'); "
                "print(sco_data.__file__.startswith(sys.argv[3]), c.parsed_files, city if isinstance(city, str) else None)")

        def run() -> str:
            done = subprocess.run([sys.executable, "-c", load, str(folder), str(cache), str(package)], capture_output=True,
                                  text=True, timeout=120, cwd=tmp_path, env={"PYTHONPATH": str(package), "PATH": ""})
            assert done.returncode == 0, done.stderr
            return done.stdout.strip()

        assert run() == "True 4 None"  # the copy is what runs
        assert run() == "True 0 None"
        places = package / "sco_data" / "extract" / "lexicon" / "places.toml"
        places.write_text(places.read_text(encoding="utf-8").replace(
            "[venues]\n", '[venues]\n"Harbour Pavilion" = "Qingdao"\n', 1), encoding="utf-8")
        assert run() == "True 4 Qingdao"

    def test_cache_clear_from_the_cli(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        folder, cache = self.copy_seeds(tmp_path), tmp_path / "cache"
        sco_data.load_corpus(folder, cache)
        assert cli_main(["cache", "clear", "--cache-dir", str(cache)]) == 0
        assert capsys.readouterr().out.startswith("removed 3 cached files")
        assert sco_data.load_corpus(folder, cache).parsed_files == 3


def test_parallel_ingest_gives_the_same_tables_as_serial(tmp_path: Path) -> None:
    from sco_data.corpus.load import PARALLEL_MIN_FILES

    base = seed_text()
    folder = tmp_path / "corpus"
    folder.mkdir()
    for index in range(PARALLEL_MIN_FILES):
        day = 1 + index % 28
        text = base.replace("29 April 2020", f"{day} April {2019 + index % 5}").replace("Le Yucheng", f"Le Yucheng{index}")
        (folder / f"release_{index:04d}.txt").write_text(text, encoding="utf-8")
    (folder / "copy.txt").write_text(base.replace("29 April 2020", "1 April 2019").replace("Le Yucheng", "Le Yucheng0"),
                                       encoding="utf-8")
    parallel = sco_data.load_corpus(folder, tmp_path / "cache-a", workers=2)
    serial = sco_data.load_corpus(folder, tmp_path / "cache-b", workers=1)
    assert len(parallel.releases) == PARALLEL_MIN_FILES
    report = parallel.report.set_index("path")
    assert report.loc["release_0000.txt", "reason"] == "duplicate of copy.txt"
    pd.testing.assert_frame_equal(parallel.releases, serial.releases)
    pd.testing.assert_frame_equal(parallel.participants, serial.participants)
    pd.testing.assert_frame_equal(parallel.report, serial.report)


@pytest.mark.parametrize("text", [
    # A speech given in full, the official never named: it opens with its audience.
    "Your Excellency Mr Chairman,\nDistinguished colleagues,\nIt is an honour to address the Council of the "
    "Shanghai Cooperation Organisation today. Our cooperation in trade has grown.\n",
    "Minister of Foreign Affairs Aibek Tursunov,\nDear friends,\nI thank you for hosting the SCO meeting.\n",
    # A statement of the Secretariat, no one named, no date.
    "SCO Secretariat condemns the attack\n\nThe SCO Secretariat resolutely condemns the terrorist attack in the "
    "city and expresses its condolences to the families of the victims.\n",
    # An observer mission at work.
    "Members of the SCO Observer Mission continued to monitor the election in the region's towns. The "
    "observers noted the calm course of the vote.\n",
])
def test_speeches_statements_and_missions_are_releases(tmp_path: Path, text: str) -> None:
    (tmp_path / "release.txt").write_text(text, encoding="utf-8")
    corpus = sco_data.load_corpus(tmp_path, use_cache=False, corrections=False)
    assert corpus.report["status"].tolist() != ["rejected"], corpus.report["reason"].tolist()
    assert len(corpus.releases) == 1


def test_a_text_that_names_the_sco_in_passing_only_is_no_release(tmp_path: Path) -> None:
    (tmp_path / "weather.txt").write_text("The weather in the region of the SCO member states was mild this spring, "
                                          "and farmers expect a good harvest.\n", encoding="utf-8")
    report = sco_data.load_corpus(tmp_path, use_cache=False, corrections=False).report
    assert report[["status", "reason"]].values.tolist() == [["rejected", "not a release: no engagement found"]]
