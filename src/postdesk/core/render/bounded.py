"""Rendering under a time and memory limit, in a worker process that can be ended.

A user's template is code: nested ``range(100000)`` loops, or one huge string, never end or
eat the machine, and a thread cannot be stopped. So templates render in a separate process
(``spawn``, the same on every platform and safe beside Qt's threads) that is kept warm for the
next render and killed when a render goes over :data:`TIME_LIMIT_S`. Its address space is
capped (:data:`MEMORY_LIMIT_BYTES`) and its output too (:data:`MAX_OUTPUT_CHARS`), and it ends
itself if a render runs far over the limit, should postdesk be gone by then.

The window's first worker may have been started with the editor
(:mod:`postdesk.core.render.early_worker`); it is adopted like a spawned one.

The window keeps one :class:`RenderProcess` for its previews; the command line uses
:func:`render_limited`, which has the signature of :func:`~postdesk.core.render.rendering.render`.
"""

from __future__ import annotations

import atexit
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from postdesk.core.drafts.model import Draft
from postdesk.core.render import early_worker
from postdesk.core.render.channel import Channel, PipeChannel
from postdesk.core.render.errors import RenderError, RenderLimitError
from postdesk.core.render.templates import TemplateLibrary

if TYPE_CHECKING:
    from postdesk.core.render.rendering import OutputFormat

#: Far above any real post (the seed renders in milliseconds), short enough to wait for.
TIME_LIMIT_S = 5.0
#: A worker starting on a busy machine (imports, Jinja2, markdown-it) may take this long.
START_LIMIT_S = 60.0
MEMORY_LIMIT_BYTES = 1536 * 1024 * 1024
#: A post with an embedded poster is a few megabytes; more than this is a runaway loop.
MAX_OUTPUT_CHARS = 64 * 1024 * 1024


@dataclass(frozen=True)
class Output:
    """One rendering asked of the worker."""

    fmt: OutputFormat
    offline: bool = False


@dataclass(frozen=True)
class RenderJob:
    """Everything the worker needs: it shares nothing with the process that asks."""

    draft: Draft
    outputs: tuple[Output, ...]
    user_dir: Path | None
    builtin_dir: Path
    template: str | None = None
    draft_file: Path | None = None
    poster_url: str | None = None
    time_limit: float = TIME_LIMIT_S

    @property
    def template_name(self) -> str:
        """The template this job renders, for messages."""
        return self.template or self.draft.post.template


@dataclass
class _Worker:
    process: Any  # multiprocessing's SpawnProcess (its type is not public), or an EarlyWorker
    connection: Channel
    ready: bool = False


class RenderProcess:
    """One warm worker process; renders one job at a time and kills it at the time limit.

    Thread-safe: :meth:`render` may run in any thread (the window's render thread), and
    :meth:`close` from another ends a render in progress at once.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._worker: _Worker | None = None
        self._closed = False

    def start(self) -> None:
        """Start the worker now (it warms up while the caller does other things)."""
        with self._lock:
            self._start()

    def _start(self) -> None:
        if self._worker is None and not self._closed:
            early = early_worker.take()
            self._worker = (
                _spawn()
                if early is None
                else _Worker(early, PipeChannel(early.read_fd, early.write_fd))
            )

    def render(self, job: RenderJob, on_sent: Callable[[], object] | None = None) -> list[str]:
        """Render every output of ``job``, in order.

        ``on_sent`` is called once the job is with the worker, when the caller's thread has
        nothing left to do but wait (and holds Python's lock no more).

        Raises:
            RenderLimitError: it took longer than the job's limit, or used too much memory or
                output; the worker was ended and the next render starts a fresh one.
            RenderError: the template failed in the ordinary way.
        """
        with self._lock:
            if self._closed:
                raise RenderError(job.template_name, "postdesk is closing")
            self._start()
            worker = self._worker
            assert worker is not None
            try:
                self._wait_ready(worker, job)
                worker.connection.send(job)
                if on_sent is not None:
                    on_sent()
                reply = self._reply(worker, job)
            except (EOFError, OSError) as err:
                self._stop()
                if self._closed:
                    raise RenderError(job.template_name, "postdesk is closing") from err
                raise _limit_error(job, "stopped postdesk's renderer (out of memory?)") from err
            if reply[0] == "limit":  # the worker ends itself after one: start the next one
                self._stop()
                self._start()
        return _unpack(reply, job)

    def render_one(
        self,
        draft: Draft,
        fmt: OutputFormat = "html",
        *,
        library: TemplateLibrary | None = None,
        template: str | None = None,
        draft_file: Path | None = None,
        poster_url: str | None = None,
        offline: bool = False,
    ) -> str:
        """One output, with the arguments of :func:`~postdesk.core.render.rendering.render`."""
        library = library or TemplateLibrary()
        job = RenderJob(
            draft, (Output(fmt, offline),), library.user_dir, library.builtin_dir,
            template=template, draft_file=draft_file, poster_url=poster_url,
        )  # fmt: skip
        return self.render(job)[0]

    def close(self) -> None:
        """End the worker, and any render in progress; later renders are refused."""
        self._closed = True
        self._stop()

    def _wait_ready(self, worker: _Worker, job: RenderJob) -> None:
        if worker.ready:
            return
        if not worker.connection.poll(START_LIMIT_S):
            self._stop()
            raise RenderError(job.template_name, "postdesk's renderer did not start")
        worker.connection.recv()
        worker.ready = True

    def _reply(self, worker: _Worker, job: RenderJob) -> Any:
        if worker.connection.poll(job.time_limit):
            return worker.connection.recv()
        self._stop()
        self._start()  # a fresh worker warms up for the next render meanwhile
        seconds = f"{job.time_limit:g}"
        raise _limit_error(job, f"took too long (more than {seconds} s) and was stopped")

    def _stop(self) -> None:
        worker, self._worker = self._worker, None
        if worker is None:
            return
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.connection.close()


def render_limited(
    draft: Draft,
    fmt: OutputFormat = "html",
    *,
    library: TemplateLibrary | None = None,
    template: str | None = None,
    draft_file: Path | None = None,
    poster_url: str | None = None,
    offline: bool = False,
) -> str:
    """:func:`~postdesk.core.render.rendering.render` under the time and memory limits.

    Uses one worker per process, ended when the process exits.
    """
    return _shared().render_one(
        draft, fmt, library=library, template=template, draft_file=draft_file,
        poster_url=poster_url, offline=offline,
    )  # fmt: skip


_SHARED: RenderProcess | None = None
_SHARED_LOCK = threading.Lock()


def _shared() -> RenderProcess:
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None:
            _SHARED = RenderProcess()
            atexit.register(_SHARED.close)
        return _SHARED


def _spawn() -> _Worker:
    import multiprocessing  # only here: the early worker's line does without it

    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    process = context.Process(target=serve, args=(theirs,), name="postdesk-render", daemon=True)
    process.start()
    theirs.close()  # only the worker holds its end: its death reads as end of file here
    return _Worker(process, ours)


def _limit_error(job: RenderJob, what: str) -> RenderLimitError:
    return RenderLimitError(job.template_name, f"the template {what}")


def _unpack(reply: Any, job: RenderJob) -> list[str]:
    kind, payload = reply
    if kind == "ok":
        return list(payload)
    template, message, line = payload
    if kind == "limit":
        raise RenderLimitError(template, message, line)
    raise RenderError(template, message, line)


# -- the worker process --------------------------------------------------------------------------


def serve(connection: Channel) -> None:
    """The worker's entry point: render each job received until the other end goes away."""
    _limit_memory(MEMORY_LIMIT_BYTES)
    # Loaded before "ready": the time limit counts rendering, not a slow start.
    import postdesk.core.render.rendering  # noqa: F401

    libraries: dict[tuple[Path | None, Path], TemplateLibrary] = {}
    connection.send("ready")
    while True:
        try:
            job: RenderJob = connection.recv()
        except (EOFError, OSError):
            return
        _end_itself_after(job.time_limit * 3 + 5)
        reply = _run(job, libraries)
        _end_itself_after(0)
        connection.send(reply)
        if reply[0] == "limit":
            return  # memory may be in a bad state: the next render gets a fresh worker


def _run(job: RenderJob, libraries: dict[tuple[Path | None, Path], TemplateLibrary]) -> Any:
    key = (job.user_dir, job.builtin_dir)
    library = libraries.setdefault(key, TemplateLibrary(job.user_dir, job.builtin_dir))
    from postdesk.core.render.rendering import render  # only the worker loads Jinja2

    name = job.template_name
    results: list[str] = []
    try:
        for output in job.outputs:
            text = render(
                job.draft, output.fmt, library=library, template=job.template,
                draft_file=job.draft_file, poster_url=job.poster_url, offline=output.offline,
            )  # fmt: skip
            if len(text) > MAX_OUTPUT_CHARS:
                size = f"{MAX_OUTPUT_CHARS // (1024 * 1024)} MB"
                return "limit", (name, f"the template wrote more than {size}", None)
            results.append(text)
    except RenderError as err:
        if isinstance(err.__cause__, MemoryError):
            return "limit", (err.template, "the template used too much memory", err.line)
        return "error", (err.template, err.detail, err.line)
    except MemoryError:
        return "limit", (name, "the template used too much memory", None)
    return "ok", results


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # not on Windows: the time limit still holds there
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft == resource.RLIM_INFINITY or soft > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _end_itself_after(seconds: float) -> None:
    """SIGALRM's default action ends the worker: a runaway render cannot outlive postdesk."""
    if os.name == "posix":
        import signal

        signal.setitimer(signal.ITIMER_REAL, seconds)
