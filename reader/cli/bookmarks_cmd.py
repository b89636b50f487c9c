"""``reader bookmarks``: the places marked in essays (``b`` in the app), listed, added or deleted."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.common import add_json_option, opened_store, print_json, save_store
from reader.safe_text import one_line

if TYPE_CHECKING:
    from reader.reading.bookmarks import Bookmark, BookmarkStore


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bookmarks", help="list, add or delete bookmarks (places marked with a note)"
    )
    add_json_option(parser)
    parser.add_argument("--essay", type=Path, metavar="PATH", help="only the bookmarks of this essay")
    parser.set_defaults(handler=run_list)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    add = actions.add_parser("add", help="mark a place in an essay")
    add.add_argument("path", type=Path, help="the essay")
    add.add_argument("--at", type=int, default=0, metavar="OFFSET", help="character offset (default 0)")
    add.add_argument("--note", default="", help="a short note (optional)")
    add_json_option(add)
    add.set_defaults(handler=run_add)
    delete = actions.add_parser("delete", help="delete a bookmark by its id")
    delete.add_argument("id", help="the bookmark's id (`reader bookmarks` shows it)")
    delete.set_defaults(handler=run_delete)


def _store(*, writing: bool = False) -> BookmarkStore:
    """The user's bookmarks (a file moved aside is reported once on stderr)."""
    from reader.reading.bookmarks import BookmarkStore

    return opened_store(BookmarkStore(), writing=writing)


def _save(store: BookmarkStore) -> None:
    save_store(store, "the bookmarks")


def run_list(args: argparse.Namespace) -> int:
    store = _store()
    bookmarks = store.for_essay(args.essay) if args.essay is not None else store.all()
    if args.json:
        print_json([_as_json(bookmark) for bookmark in bookmarks])
        return 0
    if not bookmarks:
        print("No bookmarks yet (press b in the reader, or `reader bookmarks add PATH`).")
    for bookmark in bookmarks:
        note = f" — {one_line(bookmark.note)}" if bookmark.note else ""
        print(f"{bookmark.id}  {one_line(bookmark.title)} @{bookmark.offset}{note}")
        print(f"    {one_line(bookmark.snippet)} · {bookmark.created[:10]} · {one_line(bookmark.essay)}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    from reader.errors import BadInput
    from reader.essay.library import load_document, metadata_for
    from reader.reading.bookmarks import snippet_at

    document = load_document(args.path, metadata_for(args.path))
    if not 0 <= args.at <= len(document.text):
        raise BadInput(f"--at {args.at}: the essay has {len(document.text)} characters")
    store = _store(writing=True)
    bookmark = store.add(args.path, document.title, args.at, snippet_at(document.text, args.at), args.note)
    _save(store)
    if args.json:
        print_json(_as_json(bookmark))
    else:
        print(f"Bookmarked {one_line(bookmark.title)} @{bookmark.offset} (id {bookmark.id})")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from reader.errors import BadInput

    store = _store(writing=True)
    removed = store.remove(args.id)
    if removed is None:
        raise BadInput(f"no bookmark with id {one_line(args.id, 40)!r} (see `reader bookmarks`)")
    _save(store)
    print(f"Deleted the bookmark in {one_line(removed.title)} @{removed.offset}")
    return 0


def _as_json(bookmark: Bookmark) -> dict[str, object]:
    from dataclasses import asdict

    return asdict(bookmark)
