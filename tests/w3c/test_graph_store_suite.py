"""The W3C SPARQL 1.1 Graph Store Protocol suite (indirect naming) against a live server."""

from __future__ import annotations

import pytest

from tests.w3c.conftest import SuiteTest, run_test, suite_params


@pytest.mark.parametrize("test", suite_params("graph-store-protocol/manifest-indirect.ttl"))
def test_graph_store(server: str, test: SuiteTest) -> None:
    run_test(server, test, ("/gsp", "/store"))
