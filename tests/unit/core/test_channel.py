"""The forked render worker's line carries whole messages, large ones too, and its end."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator

import pytest

from postdesk.core.render.channel import PipeChannel


@pytest.fixture
def pair() -> Iterator[tuple[PipeChannel, PipeChannel]]:
    window_reads, worker_writes = os.pipe()
    worker_reads, window_writes = os.pipe()
    window = PipeChannel(window_reads, window_writes)
    worker = PipeChannel(worker_reads, worker_writes)
    yield window, worker
    window.close()
    worker.close()


def test_messages_arrive_whole_and_in_order(pair: tuple[PipeChannel, PipeChannel]) -> None:
    window, worker = pair
    page = "<p>Chani (Zendaya)</p>" * 400_000  # ~9 MB: far more than a pipe holds
    sender = threading.Thread(target=lambda: [worker.send("ready"), worker.send(("ok", [page]))])
    sender.start()
    assert window.recv() == "ready"
    assert window.recv() == ("ok", [page])
    sender.join()


def test_poll_says_when_a_message_waits(pair: tuple[PipeChannel, PipeChannel]) -> None:
    window, worker = pair
    assert window.poll(0.01) is False  # nothing yet: the time limit would run on
    worker.send({"template": "trailer-park-tuesday"})
    assert window.poll(5) is True
    assert window.recv() == {"template": "trailer-park-tuesday"}


def test_a_closed_end_reads_as_the_end_and_cannot_be_written_to(
    pair: tuple[PipeChannel, PipeChannel],
) -> None:
    window, worker = pair
    worker.close()  # the worker died
    assert window.poll(5) is True  # the end wakes a waiting window at once
    with pytest.raises(EOFError):
        window.recv()
    with pytest.raises(OSError):
        for _ in range(10):  # the first write may still be buffered
            window.send("x" * 1_000_000)
