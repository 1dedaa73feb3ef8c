"""The repository's copies of the shared update documents and question sets match ../shared, when it is there."""

import pytest
from tests_paths import DATA, DEFAULT_CORPUS, EVAL, SHARED, SOURCE_PAGE

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="no ../shared beside this clone")

PAIRS = [
    (SHARED / "corpus-updates", DATA / "corpus-updates"),
    (SHARED / "corpus-updates", DEFAULT_CORPUS),  # the update documents are part of the default corpus
    (SHARED / "eval", EVAL),
]


@pytest.mark.parametrize(("shared", "copy"), PAIRS, ids=["corpus-updates", "default-corpus", "eval"])
def test_copies_are_identical_to_shared(shared, copy):
    for path in sorted(shared.iterdir()):
        assert (copy / path.name).read_bytes() == path.read_bytes(), f"{copy / path.name} differs from {path}"


def test_the_source_page_is_the_shared_one():
    assert SOURCE_PAGE.read_bytes() == (SHARED / "corpus" / SOURCE_PAGE.name).read_bytes()
