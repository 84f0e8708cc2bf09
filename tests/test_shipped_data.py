"""The data shipped in lexicons/: valid, licensed, loadable."""
from framing.lexicons import check_directory, iter_lexicon_files, parse_lexicon, shipped_dir


def test_every_shipped_file_validates():
    assert check_directory(shipped_dir()) == []


def test_every_shipped_file_declares_source_license_version():
    files = list(iter_lexicon_files(shipped_dir()))
    assert len(files) >= 10
    for path in files:
        header = parse_lexicon(path.read_text(encoding="utf-8"), str(path)).header
        for key in ("source", "license", "version"):
            assert header.get(key), f"{path.name} has no '# {key}:'"
