"""Where a SERVICE call or a LOAD may go: the allowlist, compared after normalisation, and
never an internal address unless that exact endpoint is listed.

An endpoint IRI is normalised as RFC 3986 says (scheme and host lower case, the default
port dropped, percent-escapes of unreserved characters decoded and the others upper-cased,
dot segments removed, the fragment dropped) before it is compared with the
``--allow-service`` entries, normalised the same way. An entry ending in ``/`` allows the
paths under it; any other entry allows that endpoint only.

Defence in depth: an endpoint allowed only through a prefix entry must resolve
(``socket.getaddrinfo``, the resolver the HTTP client uses) to public addresses only, so
``http://allowed-prefix.example/…`` that points at 127.0.0.1, ``[::ffff:127.0.0.1]``,
``2130706433``, ``0x7f.1``, ``017700000001``, ``localhost.``, 10/8, 169.254/16, fe80::/10,
multicast or ``0.0.0.0`` is refused. Only an endpoint listed exactly may be internal.
pyoxigraph (0.5) follows no redirect on SERVICE or LOAD: ``tests/serve/test_policy_live.py``
shows that a 30x from an allowed endpoint reaches nothing else.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

DEFAULT_PORTS = {"http": 80, "https": 443}
_IRI = re.compile(
    r"([A-Za-z][A-Za-z0-9+.\-]*):(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#.*)?", re.S
)
_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_HOST = re.compile(r"[a-z0-9._~!$&'()*+,;=\-]+")


class EndpointError(ValueError):
    """An endpoint IRI that cannot be called (the message says why)."""


@dataclass(frozen=True)
class Endpoint:
    """A normalised http(s) endpoint."""

    scheme: str
    host: str  # lower case; an IPv6 literal without its brackets
    port: int
    path: str
    query: str | None

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        port = "" if DEFAULT_PORTS[self.scheme] == self.port else f":{self.port}"
        query = "" if self.query is None else f"?{self.query}"
        return f"{self.scheme}://{host}{port}{self.path}{query}"


def _normalise_escapes(text: str) -> str:
    """Decode %XX of unreserved characters, upper-case the hex of the others."""

    def one(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else f"%{match.group(1).upper()}"

    return _PERCENT.sub(one, text)


def remove_dot_segments(path: str) -> str:
    """RFC 3986 §5.2.4: ``/a/./b/../c`` → ``/a/c``."""
    output: list[str] = []
    for segment in path.split("/")[1:]:
        if segment == "..":
            if output:
                output.pop()
        elif segment != ".":
            output.append(segment)
    result = "/" + "/".join(output)
    if path.endswith(("/.", "/..")) and not result.endswith("/"):
        result += "/"
    return result


def _split_authority(authority: str) -> tuple[str, str]:
    if "@" in authority:
        raise EndpointError("user information (user@host) is not allowed in an endpoint")
    if authority.startswith("["):
        end = authority.find("]")
        if end < 0:
            raise EndpointError("an IPv6 host lacks its closing ]")
        host, rest = authority[1:end], authority[end + 1 :]
        if rest and not rest.startswith(":"):
            raise EndpointError(f"unexpected {rest!r} after the host")
        return host, rest[1:]
    host, _, port = authority.partition(":")
    if ":" in port:
        raise EndpointError("a host name cannot hold ':' (write IPv6 addresses in [ ])")
    return host, port


def parse_endpoint(iri: str) -> Endpoint:
    """The normalised form of an absolute http(s) IRI, or :class:`EndpointError`."""
    match = _IRI.fullmatch(iri)
    if not match:
        raise EndpointError("not an absolute IRI")
    scheme = match.group(1).lower()
    if scheme not in DEFAULT_PORTS:
        raise EndpointError(f"only http and https endpoints can be called, not {scheme}:")
    if not match.group(2):
        raise EndpointError("no host")
    raw_host, raw_port = _split_authority(match.group(2))
    host = _normalise_escapes(raw_host).lower()
    if not host.isascii() or "%" in host:
        raise EndpointError("write the host in ASCII, without percent-escapes")
    if host.startswith("[") or not host:
        raise EndpointError("no host")
    if ":" not in host and not _HOST.fullmatch(host):
        raise EndpointError(f"{host!r} is not a host name")
    if raw_port and not (raw_port.isascii() and raw_port.isdigit()):
        raise EndpointError(f"{raw_port!r} is not a port")
    port = int(raw_port) if raw_port else DEFAULT_PORTS[scheme]
    if not 0 < port < 65536:
        raise EndpointError(f"port {port} is out of range")
    path = remove_dot_segments(_normalise_escapes(match.group(3)) or "/")
    query = None if match.group(4) is None else _normalise_escapes(match.group(4))
    return Endpoint(scheme, host, port, path, query)


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address is a public unicast one: not loopback, private, link-local,
    unspecified, multicast, reserved or shared, also when an IPv6 address embeds IPv4."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in ipaddress.ip_network("64:ff9b::/96"):
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is None and address.teredo:
            return False
        if embedded is not None:
            return is_public(embedded)
        if int(address) >> 32 == 0:  # ::a.b.c.d (IPv4-compatible, deprecated)
            return False
    return address.is_global and not address.is_multicast


def internal_addresses(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to that are not public (empty: all public).

    Resolution is ``socket.getaddrinfo``, so every spelling a C resolver accepts
    (``2130706433``, ``0x7f.1``, ``0177.0.0.1``, ``localhost.``, ``::ffff:127.0.0.1``)
    is read as the HTTP client would read it. A host that does not resolve is refused.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise EndpointError(f"the host {host!r} does not resolve ({error})") from None
    found = []
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if not is_public(address):
            found.append(str(address))
    return sorted(set(found))


def match_allowlist(
    target: Endpoint, allowlist: Sequence[str]
) -> Literal["exact", "prefix"] | None:
    """How ``target`` is allowed: listed exactly, under a listed ``…/`` prefix, or not."""
    how: Literal["exact", "prefix"] | None = None
    for entry in allowlist:
        try:
            allowed = parse_endpoint(entry)
        except EndpointError:
            continue
        if allowed == target:
            return "exact"
        if (
            entry.endswith("/")
            and allowed.query is None
            and (allowed.scheme, allowed.host, allowed.port)
            == (target.scheme, target.host, target.port)
            and target.path.startswith(allowed.path)
        ):
            how = "prefix"
    return how


def check_endpoint(iri: str, allowlist: Sequence[str]) -> str | None:
    """None when a SERVICE or LOAD may call ``iri``; otherwise why not."""
    try:
        target = parse_endpoint(iri)
    except EndpointError as error:
        return str(error)
    how = match_allowlist(target, allowlist)
    if how is None:
        return f"{target} is not in the allowlist"
    if how == "prefix":
        try:
            internal = internal_addresses(target.host, target.port)
        except EndpointError as error:
            return str(error)
        if internal:
            return (
                f"{target.host} resolves to the internal address {', '.join(internal)}; "
                "only an endpoint listed exactly (not under a prefix) may be internal"
            )
    return None
