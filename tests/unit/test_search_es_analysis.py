"""The Elasticsearch index and query as generated for a cluster with the analysis-common
module (the full distribution). The test cluster of `make test` has no such module, so
only what is sent is checked here; the integration tests run the core-only path."""

from search.backends import elasticsearch as es
from search.models import Kind


def body(full):
    return es.index_body(Kind.PAGE, analyzer="dutch", full_analysis=full, shards=1, replicas=0)


def test_a_full_cluster_splits_compounds_and_stems_titles_and_texts():
    index = body(full=True)
    analysis = index["settings"]["analysis"]
    assert analysis["analyzer"]["default"] == {"type": "dutch"}
    assert analysis["analyzer"]["nl_parts"]["filter"] == [
        "lowercase",
        "nl_stop",
        "nl_parts",
        "nl_stem",
    ]
    parts = analysis["filter"]["nl_parts"]
    assert parts["type"] == "dictionary_decompounder"
    assert {"brief", "brieven", "schuld", "hulp", "verlening"} <= set(parts["word_list"])
    assert analysis["filter"]["nl_stem"] == {"type": "stemmer", "language": "dutch"}
    properties = index["mappings"]["properties"]
    for field in ("title", "text"):
        assert properties[field]["fields"]["parts"] == {"type": "text", "analyzer": "nl_parts"}
    assert index["mappings"]["_meta"] == {"version": es.MAPPING_VERSION, "analysis": "full"}


def test_a_core_only_cluster_gets_no_analysis_it_lacks():
    index = body(full=False)
    assert index["settings"]["analysis"] == {"analyzer": {"default": {"type": "dutch"}}}
    assert "fields" not in index["mappings"]["properties"]["title"]
    assert index["mappings"]["_meta"]["analysis"] == "core"
    # The core's own ways: an unstemmed vocabulary, stems made in Python, prefixes.
    assert index["mappings"]["properties"]["stems"]["index_prefixes"]
    assert index["mappings"]["_source"] == {"excludes": ["stems"]}


def test_the_query_uses_the_parts_only_where_the_index_has_them():
    def fields(full):
        parts, _ = es.text_parts("sollicitatiebrieven", (), loose=False, full=full)
        return [
            q["multi_match"]["fields"] for q in parts[0]["dis_max"]["queries"] if "multi_match" in q
        ]

    assert es.PART_FIELDS in fields(True)
    assert es.PART_FIELDS not in fields(False)


def test_word_forms_share_a_stem():
    assert es.stemmed("Brieven, brief") == "brief brief"
    assert es.stem("sollicitatiebrieven") == "sollicitatiebrief"
    assert es.stem("huizen") == es.stem("huis")


def test_a_correction_replaces_only_the_unknown_words():
    suggested = [
        {"text": "huurtoelsag", "offset": 0, "length": 11, "options": [{"text": "huurtoeslag"}]},
        {"text": "nu", "offset": 12, "length": 2, "options": []},
    ]
    assert es.corrected_text("Huurtoelsag nu", suggested) == "huurtoeslag nu"
    assert es.corrected_text("Huurtoeslag nu", [suggested[1]]) == ""
