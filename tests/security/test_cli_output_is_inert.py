"""Whatever an essay holds, `reader detect` and `reader annotate` print no ESC, BEL or C1 control."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cli import main

#: What a terminal would act on: ESC, BEL and the C1 controls (U+0080-U+009F, CSI and OSC among them).
TERMINAL_CONTROLS = re.compile("[\x1b\x07\x80-\x9f]")

WORDS = ["колхоз", "номенклатура", "Госплан", "kulak", "NEP", "Вся власть Советам!", "the plan", "1921"]
HOSTILE = [
    "\x1b",
    "\x07",
    "\x9b",
    "\x9d",
    "\x85",
    "\x1b]0;owned\x07",
    "\x1b[2J",
    "\x1b]52;c;cHduZWQ=\x07",
    "\u202e",
    "\u2066",
    "\u200f",
    "\n",
    "\r",
    "\t",
    " ",
]
pieces = st.one_of(st.sampled_from(WORDS), st.sampled_from(HOSTILE), st.text(max_size=6))
essays = st.lists(pieces, min_size=1, max_size=40).map("".join).filter(lambda text: "\x00" not in text)


@pytest.mark.parametrize("command", ["detect", "annotate"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=essays)
def test_plain_output_holds_no_terminal_controls(
    command: str, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        essay = Path(folder) / "essay\x1b]0;name\x07.txt"
        essay.write_bytes(text.encode("utf-8"))
        code = main([command, str(essay)])
    out, err = capsys.readouterr()
    assert code in (0, 1)  # 1: a text that is no essay (blank), refused in one line
    assert TERMINAL_CONTROLS.search(out) is None, out
    assert TERMINAL_CONTROLS.search(err) is None, err
    if code == 1:
        assert len(err.splitlines()) == 1
