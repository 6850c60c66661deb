"""Time spell checking on a 20,000-word synopsis: the first full pass and one keystroke.

Run: QT_QPA_PLATFORM=offscreen PYTHONPATH=src .venv/bin/python scripts/bench_spellcheck.py
"""

from __future__ import annotations

import random
import statistics
import time

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from postdesk.ui.markdown_editor import MarkdownEdit
from postdesk.ui.spell_highlighter import SpellHighlighter
from postdesk.ui.spellcheck import shared_checker

PROSE = (
    "the desert planet where a young duke rides giant sandworms with the Fremen and "
    "finds his destiny among spice harvesters smugglers and an emperor whose armies "
    "arrive at dawn recieve teh plannet"
)


def synopsis(words: int, per_paragraph: int = 120) -> str:
    """A long Markdown text of ``words`` words in paragraphs, with a few misspellings."""
    rng = random.Random(9)
    vocabulary = PROSE.split()
    paragraphs = []
    for _ in range(words // per_paragraph):
        paragraphs.append(" ".join(rng.choice(vocabulary) for _ in range(per_paragraph)) + ".")
    return "\n\n".join(paragraphs)


def main() -> None:
    """Print the full-pass time and the median and worst time of 200 keystrokes."""
    app = QApplication([])
    editor = MarkdownEdit("")
    editor.setPlainText(synopsis(20_000))
    baseline = keystrokes(editor)
    highlighter = SpellHighlighter(editor.document(), shared_checker())
    started = time.perf_counter()
    highlighter.rehighlight()  # every block, Enchant loaded and the cache empty
    full = time.perf_counter() - started
    times = keystrokes(editor)
    print(f"20,000 words: first full pass {full * 1000:.0f} ms")
    print(
        f"keystroke (insert + re-highlight of its block): median "
        f"{statistics.median(times) * 1000:.2f} ms, worst {max(times) * 1000:.2f} ms "
        f"(without spell check: median {statistics.median(baseline) * 1000:.2f} ms, "
        f"worst {max(baseline) * 1000:.2f} ms)"
    )
    app.quit()


def keystrokes(editor: MarkdownEdit) -> list[float]:
    """Seconds taken by each of 200 typed letters in the middle of the text."""
    cursor = QTextCursor(editor.document())
    times = []
    middle = editor.document().characterCount() // 2
    for i in range(200):
        cursor.setPosition(middle + i * 2)
        started = time.perf_counter()
        cursor.insertText("x")  # the highlighter re-checks this block synchronously
        times.append(time.perf_counter() - started)
    return times


if __name__ == "__main__":
    main()
