"""Options the ``kg`` commands share: the store (a directory or a SPARQL server) and
the server's paths and credentials, read into :class:`kg.config.Settings`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kg.config import Settings

HELP = Settings.help_for


class StoreParam(click.ParamType):
    """A store directory, or a SPARQL server as ``sparql+http://HOST:PORT/`` (kept a str)."""

    name = "DIR|sparql+http://HOST:PORT/"

    def __init__(self, must_exist: bool) -> None:
        self.directory = click.Path(path_type=Path, file_okay=False, exists=must_exist)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from kg.remote import is_server_spec

        if is_server_spec(value):
            return value
        return self.directory.convert(value, param, ctx)


def store_option(must_exist: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--store``: a directory (``must_exist`` for commands that read) or a server."""
    return click.option(
        "--store",
        type=StoreParam(must_exist),
        default=Settings().store,
        show_default=True,
        help=HELP("store"),
    )


SERVER_OPTIONS = (
    "store_profile",
    "store_query_path",
    "store_update_path",
    "store_graph_path",
    "store_user",
    "store_password",
    "store_timeout",
)


def server_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options of a ``sparql+http://`` store (kg/remote.py), read by :func:`command_settings`.

    Each is popped into the click context before the command runs."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        meta = click.get_current_context().meta
        meta["newskg.server"] = {name: kwargs.pop(name) for name in SERVER_OPTIONS}
        return command(*args, **kwargs)

    options = [
        click.option(
            "--store-profile",
            type=click.Choice(["oxigraph", "virtuoso"]),
            default=None,
            help=HELP("store_profile") + " [default: oxigraph]",
        ),
        click.option("--store-query-path", metavar="PATH", help=HELP("store_query_path")),
        click.option("--store-update-path", metavar="PATH", help=HELP("store_update_path")),
        click.option("--store-graph-path", metavar="PATH", help=HELP("store_graph_path")),
        click.option("--store-user", help=HELP("store_user")),
        click.option("--store-password", help=HELP("store_password")),
        click.option("--store-timeout", type=float, default=None, help=HELP("store_timeout")),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


def command_settings(**overrides: Any) -> Settings:
    """Settings from the environment, the command's options and its server options."""
    server = click.get_current_context().meta.get("newskg.server", {})
    return Settings.from_env(**overrides, **server)


def is_server(store: object) -> bool:
    from kg.remote import is_server_spec

    return is_server_spec(store)
