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


def test_provenance_names_every_data_file_with_version_and_license():
    from framing import analyze
    from framing.resources import default_config, get_resources

    analyze("« Nous ne céderons pas », a déclaré le Kremlin, selon l'AFP.")
    prov = {d["name"]: d for d in get_resources(default_config()).provenance()}
    for name in ("actors", "hedges", "loaded", "reporting_verbs"):
        assert prov[name]["version"] and prov[name]["license"], name
        assert len(prov[name]["sha256"]) == 12
