"""The questions users ask, shipped as SPARQL files in ``queries/``.

Each file opens with ``# key: value`` comments: ``title``, ``description`` and
``order`` (its place in the list; the order of ``questions.md``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Question:
    """One question: its file stem as id, its head comments, and the query."""

    id: str
    title: str
    description: str
    order: int
    query: str


def load_questions(folder: Path) -> list[Question]:
    """The ``.rq`` files of ``folder`` in their ``order``; unreadable ones are logged, skipped."""
    questions = []
    for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            log.warning("%s: cannot read question: %s", path, error)
            continue
        head = dict(_head_comments(text))
        order = head.get("order", "")
        questions.append(
            Question(
                id=path.stem,
                title=head.get("title") or path.stem.replace("_", " ").replace("-", " "),
                description=head.get("description", ""),
                order=int(order) if order.isdigit() else 1000,
                query=text,
            )
        )
    return sorted(questions, key=lambda question: (question.order, question.id))


def _head_comments(text: str) -> Iterator[tuple[str, str]]:
    """``("title", "…")`` pairs from the ``# key: value`` lines that open a query."""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            return
        key, colon, value = stripped.lstrip("#").partition(":")
        if colon and key.strip().isidentifier():
            yield key.strip().lower(), value.strip()


def resolve_query(text_or_name: str, folder: Path) -> str:
    """A question name from ``folder`` (``fighter-counts``), a ``.rq`` file, or the query itself.

    Raises :class:`FileNotFoundError` naming a ``.rq``/``.sparql`` path that is not a file.
    """
    named = folder / f"{text_or_name}.rq"
    if named.is_file():
        return named.read_text(encoding="utf-8")
    path = Path(text_or_name)
    if path.suffix in {".rq", ".sparql"}:
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such query file")
        return path.read_text(encoding="utf-8")
    return text_or_name


def question_titles(folder: Path) -> list[tuple[str, str]]:
    """(name, title) of every question in ``folder``, in the order of questions.md."""
    return [(question.id, question.title) for question in load_questions(folder)]
