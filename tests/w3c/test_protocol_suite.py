"""The W3C SPARQL 1.1 Protocol suite (34 tests) against a live server."""

from __future__ import annotations

import pytest

from tests.w3c.conftest import SuiteTest, run_test, suite_params


@pytest.mark.parametrize("test", suite_params("protocol/manifest.ttl"))
def test_protocol(server: str, test: SuiteTest) -> None:
    run_test(server, test, ("/sparql/", "/sparql/"))
