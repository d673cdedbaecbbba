"""Shared fixtures: the seed directive, extracted once per session."""

from __future__ import annotations

import pytest
from corpus_fixtures import CORPUS


@pytest.fixture(scope="session")
def seed_directive():
    """The seed directive extracted once per test session."""
    from extract.pipeline import extract_path

    return extract_path(CORPUS / "weihai-2018-39.txt")
