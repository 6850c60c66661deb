"""The main window: the form beside the live preview, and the menus over them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from postdesk.core.drafts.files import draft_to_json, parse_draft
from postdesk.core.drafts.model import new_draft
from postdesk.core.drafts.problems import Problem, ProblemKind
from postdesk.core.paths import UserDirs
from postdesk.core.render.offline import OFFLINE_POLICY
from postdesk.core.render.templates import TemplateLibrary
from postdesk.core.resources import example_drafts, post_stylesheet, resource
from postdesk.ui import startup
from postdesk.ui.autosave import Autosaver
from postdesk.ui.document import DraftDocument
from postdesk.ui.file_commands import FileCommands
from postdesk.ui.form_panel import FormPanel, form_problems
from postdesk.ui.recent_files import RecentFiles
from postdesk.ui.render_scheduler import RenderScheduler
from postdesk.ui.spellcheck import shared_checker
from postdesk.ui.undo import SnapshotCommand

if TYPE_CHECKING:
    from postdesk.ui.find_film_dialog import FilmFinder
    from postdesk.ui.preview import PreviewView
    from postdesk.ui.publish_controller import PublishController
    from postdesk.ui.render_result import RenderResult
    from postdesk.ui.source_view import SourceView

UNDO_PAUSE_MS = 600
#: The keys of File ▸ Export HTML… (the other file commands have the platform's standard keys).
EXPORT_KEYS = "Ctrl+E"
#: What the preview shows when its page is the error page (no template's page).
ERROR_SHOWN = ""
ERROR_PAGE = (
    '<html><head><meta http-equiv="Content-Security-Policy" content="{policy}">'
    "<style>{style}</style></head><body>"
    '<div class="postdesk-error"><strong>The template cannot show this draft yet.</strong>'
    "<pre>{message}</pre><p>Fix the template or choose another one on the Post tab; "
    "your draft is safe.</p></div></body></html>"
)


class MainWindow(QMainWindow):
    """postdesk's window. Everything it does goes through :mod:`postdesk.core`."""

    #: The preview has painted an update (its number): what ``--self-test`` waits for.
    preview_painted = Signal(int)

    def __init__(
        self, dirs: UserDirs, settings: QSettings, initial_draft: Path | None = None
    ) -> None:
        super().__init__()
        self.initial_draft = initial_draft
        self.dirs = dirs
        self.settings = settings
        self.library = TemplateLibrary.for_user(dirs)
        self.document = DraftDocument(self)
        self.recent = RecentFiles(settings)
        self.undo_stack = QUndoStack(self)
        self.autosaver = Autosaver(self.document, dirs.recovery, self)
        self.scheduler = RenderScheduler(self.library, self)
        self.files = FileCommands(self.document, self.library, self.scheduler.process, self)
        self.preview: PreviewView | None = None
        # Built by startup.finish_start once the window shows.
        self.commands_built = False
        self.commands: tuple[PublishController, FilmFinder]
        self._undo_base = draft_to_json(self.document.draft)
        self._shown_template: str | None = None
        self._first_result: RenderResult | None = None  # rendered before the preview existed
        self._build_central()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status()
        self._connect()
        self.setWindowTitle("[*]Untitled — postdesk")
        self.setMinimumSize(960, 600)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._restore_geometry()

    @classmethod
    def for_user(cls, config_dir: str | None, draft: Path | None) -> MainWindow:
        """The window for the user's folders (or ``config_dir``), to open ``draft`` on start."""
        dirs = UserDirs.default(config_dir)
        dirs.config.mkdir(parents=True, exist_ok=True)
        settings = QSettings(str(dirs.config / "ui-state.ini"), QSettings.Format.IniFormat)
        shared_checker().use_dirs(dirs)
        shared_checker().use_settings(settings)
        return cls(dirs, settings, draft)

    # -- building ----------------------------------------------------------------------------------

    def _build_central(self) -> None:
        self.form = FormPanel(self)
        self.form.set_templates(self.library.templates())
        self.outputs = QTabWidget(self)
        self.outputs.setDocumentMode(True)
        self.preview_holder = QLabel("Preparing the preview…", self)
        self.preview_holder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._sources: tuple[SourceView, SourceView] | None = None  # built when first shown
        self._source_pages = (QWidget(self), QWidget(self))
        for page in self._source_pages:
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
        self.outputs.addTab(self.preview_holder, "Preview")
        self.outputs.addTab(self._source_pages[0], "HTML")
        self.outputs.addTab(self._source_pages[1], "Block markup")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.form)
        self.splitter.addWidget(self.outputs)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.form.setMinimumWidth(400)
        self.outputs.setMinimumWidth(320)
        self.setCentralWidget(self.splitter)

    def _action(self, text: str, slot: Callable[[], object], tip: str = "") -> QAction:
        action = QAction(self)  # not QAction(text, …): that overload loads QIcon (~3 ms)
        action.setText(text)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action("&New", self.files.new, "Start a new draft")
        self.open_action = self._action("&Open…", self.files.open, "Open a draft")
        self.save_action = self._action("&Save", self.files.save, "Save the draft")
        self.save_as_action = self._action("Save &As…", self.files.save_as)
        self.export_action = self._action(
            "&Export HTML…", self.files.export_html, "Export a standalone HTML page"
        )
        self.quit_action = self._action("&Quit", self.close)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.guide_action = self._action("&Writing your own templates", self._on_open_guide)
        self.about_action = self._action("&About postdesk", self._on_about)

    def assign_shortcuts(self) -> None:
        """Give the commands their keys: the platform's standard ones, Ctrl+E and Ctrl+M.

        Once the window shows (``ui/startup.py``): Qt for Python builds ``QKeySequence``, with
        its 71-name enumeration, when first imported, and no key reaches a window not yet shown.
        """
        from PySide6.QtGui import QKeySequence

        keys = QKeySequence.StandardKey
        for action, key in (
            (self.new_action, keys.New),
            (self.open_action, keys.Open),
            (self.save_action, keys.Save),
            (self.save_as_action, keys.SaveAs),
            (self.quit_action, keys.Quit),
            (self.undo_action, keys.Undo),
            (self.redo_action, keys.Redo),
        ):
            action.setShortcut(key)
        self.export_action.setShortcut(QKeySequence(EXPORT_KEYS))
        self.form.film.mention.give_key()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addActions([self.new_action, self.open_action])
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.file_menu = file_menu
        self.edit_menu = bar.addMenu("&Edit")
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.blog_menu = bar.addMenu("&Blog")
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.guide_action, self.about_action])

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar("Main", self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions([self.new_action, self.open_action, self.save_action])
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.export_action)
        self.toolbar.addSeparator()
        self.addToolBar(self.toolbar)

    def _build_status(self) -> None:
        self.length_label = QLabel(self)
        self.length_label.setAccessibleName("Length of the post")
        self.statusBar().addPermanentWidget(self.length_label)
        divider = QFrame(self)  # keeps "1 min read" and "Not published yet" apart
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)
        self.statusBar().addPermanentWidget(divider)
        self.published_label = QLabel(self)
        self.published_label.setOpenExternalLinks(True)
        self.published_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.statusBar().addPermanentWidget(self.published_label)

    def _connect(self) -> None:
        self.document.set_collector(self.form.collect)
        self.document.replaced.connect(self._on_replaced)
        self.document.rewritten.connect(self._on_rewritten)
        self.document.stored.connect(self._remember)
        self.document.published.connect(self.show_publication)
        self.files.message.connect(self.statusBar().showMessage)
        self.files.changes_discarded.connect(self.autosaver.discard)
        self.files.poster_moved.connect(self.show_poster)
        self.form.edited.connect(self._on_edited)
        self.form.template_changed.connect(lambda name: self._request_render())
        self.form.cast_renamed.connect(self._on_cast_renamed)
        self.scheduler.rendered.connect(self._on_rendered)
        self.document.modified_changed.connect(self.setWindowModified)
        self.document.path_changed.connect(self._on_path_changed)
        self.outputs.currentChanged.connect(self._on_output_tab_changed)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_PAUSE_MS)
        self._undo_timer.timeout.connect(self._push_undo_step)

    # -- starting ----------------------------------------------------------------------------------

    def start(self) -> None:
        """Open the draft; the preview, menus and recovery follow once the window shows.

        The opened draft is remembered once the window shows (:meth:`remember_opened`):
        QSettings writes its file on the next turn of the event loop, with a lock file and two
        fdatasyncs, and the first frame would wait for them.
        """
        self.form.film.poster.hold_thumbnails()  # until the first frame (startup.finish_start)
        self.document.stored.disconnect(self._remember)
        try:
            self._open_initial_draft()
        finally:
            self.document.stored.connect(self._remember)
        startup.finish_start(self)

    def remember_opened(self) -> None:
        """Remember the draft :meth:`start` opened, in Open Recent and for the next start."""
        if self.document.path is not None:
            self._remember(self.document.path)

    def place_commands(self, publishing: PublishController, finder: FilmFinder) -> None:
        """Put the Blog menu's and the film finder's actions where they always stand."""
        self.file_menu.insertAction(self.open_action, finder.new_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([finder.find_action, finder.settings_action])
        self.addAction(finder.find_action)
        layout = self.form.film.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, finder.empty_button)
        finder.update_button()
        self.blog_menu.addActions([publishing.publish_action, publishing.publish_as_action])
        self.blog_menu.addSeparator()
        self.blog_menu.addAction(publishing.accounts_action)
        self.toolbar.addActions(
            [publishing.publish_action, publishing.publish_as_action, publishing.accounts_action]
        )
        publishing.message.connect(self.statusBar().showMessage)
        publishing.not_ready.connect(self.show_all_problems)

    @property
    def publishing(self) -> PublishController:
        """The Blog menu's commands (built after the first preview, or now if asked first)."""
        startup.build_commands(self)
        return self.commands[0]

    @property
    def film_finder(self) -> FilmFinder:
        """Find film… and New from film… (built like :attr:`publishing`)."""
        startup.build_commands(self)
        return self.commands[1]

    def attach_preview(self, preview: PreviewView) -> None:
        """Put the web view in place of the "Preparing" label, showing the first page if ready."""
        self.preview = preview
        preview.painted.connect(self.preview_painted)
        index = self.outputs.indexOf(self.preview_holder)
        self.outputs.removeTab(index)
        self.outputs.insertTab(0, preview, "Preview")
        self.outputs.setCurrentIndex(0)
        self.preview_holder.deleteLater()
        self._shown_template = None
        waiting, self._first_result = self._first_result, None
        if waiting is not None:
            self._on_rendered(waiting)

    def render_first_preview(self) -> None:
        """Ask for the first page before the preview exists.

        The render worker renders it while QtWebEngine starts, and the page is then loaded
        whole, once, with no empty page first.
        """
        self._send_render()

    def offer_recovery(self) -> bool:
        """Offer the newest copy a crash left behind; ``True`` when it was restored."""
        from PySide6.QtWidgets import QMessageBox

        orphans = self.autosaver.store.orphans()
        if not orphans:
            return False
        newest = orphans[0]
        name = newest.original.name if newest.original else "an untitled draft"
        answer = QMessageBox.question(
            self,
            "Restore unsaved work?",
            f"postdesk closed before your changes to {name} were saved "
            f"(last autosaved {newest.saved_at.astimezone():%B %d, %H:%M}).\n\n"
            "Restore them? If you don't, they are discarded.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        for orphan in orphans:
            orphan.copy.unlink(missing_ok=True)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.document.replace(newest.draft, newest.original, None, modified=True)
        self.autosaver.save_now()
        return True

    def _open_initial_draft(self) -> None:
        last = self.settings.value("last_file", "")
        if self.initial_draft is not None:
            if self.files.open_path(self.initial_draft, confirmed=True):
                return
        elif last and Path(str(last)).is_file():
            if self.files.open_path(Path(str(last)), confirmed=True):
                return
        elif not self.settings.value("welcomed", False, type=bool):
            self.settings.setValue("welcomed", True)
            self._open_example()
            return
        self.document.replace(new_draft(), None, None)

    def _open_example(self) -> None:
        """The seed film, as an untitled copy: the bundled file is never overwritten."""
        example = example_drafts()[0]
        draft, _ = parse_draft(example.read_text(encoding="utf-8"), self.library.names())
        if draft is None:
            self.document.replace(new_draft(), None, None)
            return
        self.document.replace(draft, None, example.parent)
        self.statusBar().showMessage(
            "This is an example post: change it, or start your own with File ▸ New.", 15000
        )

    # -- the document ------------------------------------------------------------------------------

    def _on_replaced(self) -> None:
        """Another draft is being edited: fill the form, reset undo, render."""
        draft = self.document.draft
        self.form.show_draft(draft, self.document.folder)
        self.undo_stack.clear()
        self._undo_base = draft_to_json(draft)
        self._touched = False
        self._refresh_problems()
        self.show_publication()
        self._request_render()

    def show_poster(self, poster: str | None) -> None:
        """Show a poster path the program changed (Save As keeps it reachable)."""
        self.form.film.poster.set_poster(poster, self.document.folder)

    def current_problems(self) -> list[Problem]:
        """The problems the form marks."""
        return form_problems(self.document.draft, self.document.anchor)

    def _remember(self, path: Path) -> None:
        """A draft opened or saved: in Open Recent, and reopened on the next start.

        The settings file is written only when this changes it (reopening the last draft
        does not).
        """
        self.recent.add(path)
        last = str(path.resolve())
        if self.settings.value("last_file", "") != last:
            self.settings.setValue("last_file", last)

    # -- slots -----------------------------------------------------------------------------------

    def _on_edited(self) -> None:
        self._touched = True
        self.form.propose_title()
        self.document.sync()
        self._refresh_problems()
        self._request_render()
        self.autosaver.changed()
        self._undo_timer.start()

    def _refresh_problems(self) -> None:
        problems = self.current_problems()
        if not getattr(self, "_touched", True):
            # A new draft is empty by nature: "Needed" waits until the blogger did something.
            problems = [p for p in problems if p.kind is not ProblemKind.MISSING]
        self.form.mark_problems(problems)

    def show_all_problems(self) -> None:
        """Mark every problem, empty fields too (before a publish, say)."""
        self._touched = True
        self._refresh_problems()

    def _request_render(self) -> None:
        if self.preview is None:
            return  # the first render is asked for as the preview is created
        self._send_render()

    def _send_render(self) -> None:
        self.scheduler.want_sources = self.outputs.currentIndex() != 0
        self.scheduler.request(self.document.draft, self.document.anchor)

    def _on_rendered(self, result: RenderResult) -> None:
        if self.preview is None:
            self._first_result = result  # the preview is being built: shown when attached
            return
        page = result.page or self._error_page(result.error or "")
        if result.error is None:
            self.length_label.setText(result.length)
        if self._shown_template is None or (
            result.error is None and result.template != self._shown_template
        ):
            self.preview.show_page(page, self.document.folder)
            # After an error page, further errors replace its body; a good page loads whole.
            self._shown_template = result.template if result.error is None else ERROR_SHOWN
        else:
            self.preview.update_body(page)
        if self._sources is not None and result.html is not None:
            self.html_view.show_source(result.html)
        if self._sources is not None and result.blocks is not None:
            self.blocks_view.show_source(result.blocks)
        if result.error:
            self.statusBar().showMessage(result.error, 10000)

    def _error_page(self, message: str) -> str:
        import html  # not at the top: html.entities takes ~2 ms, before the first frame

        return ERROR_PAGE.format(
            policy=OFFLINE_POLICY, style=post_stylesheet(), message=html.escape(message)
        )

    @property
    def html_view(self) -> SourceView:
        """The HTML tab's text (built when first asked for)."""
        return self._source_views()[0]

    @property
    def blocks_view(self) -> SourceView:
        """The Block markup tab's text (built when first asked for)."""
        return self._source_views()[1]

    def _source_views(self) -> tuple[SourceView, SourceView]:
        if self._sources is None:
            names = ("HTML that will be published", "Block markup that will be published")
            views = [startup.source_view(name, page) for name, page in zip(
                names, self._source_pages, strict=True)]  # fmt: skip
            for view, page in zip(views, self._source_pages, strict=True):
                layout = page.layout()
                if layout is not None:
                    layout.addWidget(view)
            self._sources = (views[0], views[1])
        return self._sources

    def _on_output_tab_changed(self, index: int) -> None:
        if index != 0:
            self._source_views()
            self._request_render()

    def _push_undo_step(self) -> None:
        after = draft_to_json(self.document.draft)
        if after != self._undo_base:
            command = SnapshotCommand(self._undo_base, after, self._apply_snapshot, "Edit")
            self.undo_stack.push(command)
            self._undo_base = after

    def _on_rewritten(self, text: str, before: str) -> None:
        """Show a draft the program changed (a fill) as one step Undo takes back whole."""
        self._undo_timer.stop()
        if before != self._undo_base:  # the blogger's pending typing stays its own step
            command = SnapshotCommand(self._undo_base, before, self._apply_snapshot, "Edit")
            self.undo_stack.push(command)
            self._undo_base = before
        draft = self.document.draft
        after = draft_to_json(draft)
        self.form.show_draft(draft, self.document.folder)
        self.undo_stack.push(SnapshotCommand(self._undo_base, after, self._apply_snapshot, text))
        self._undo_base = after
        self._refresh_problems()
        self._request_render()
        self.autosaver.changed()

    def _on_cast_renamed(self, old: str, new: str) -> None:
        """Rename the mentions with the cast member, as one undo step with the rename."""
        self._undo_timer.stop()
        self._push_undo_step()  # the blogger's pending typing stays its own step
        self.form.rename_mentions(old, new)
        self.document.sync()  # the table already holds the new name
        after = draft_to_json(self.document.draft)
        text = f"Rename {old} to {new}"
        self.undo_stack.push(SnapshotCommand(self._undo_base, after, self._apply_snapshot, text))
        self._undo_base = after

    def _apply_snapshot(self, snapshot: str) -> None:
        draft, _ = parse_draft(snapshot)
        if draft is None:
            return
        self._undo_base = snapshot
        self.document.update(draft)
        self.form.show_draft(draft, self.document.folder)
        self._refresh_problems()
        self._request_render()
        self.autosaver.changed()

    def _on_path_changed(self, path: Path | None) -> None:
        name = path.name if path else "Untitled"
        self.setWindowTitle(f"{name}[*] — postdesk")
        self.setWindowFilePath(str(path) if path else "")

    def show_publication(self) -> None:
        """Say in the status bar where the draft is on the blog, and as what."""
        from postdesk.ui.publication_status import publication_label

        self.published_label.setText(publication_label(self.document.draft))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent.paths()
        if not paths:
            self.recent_menu.addAction("No recent drafts").setEnabled(False)
        for path in paths:
            action = self.recent_menu.addAction(path.name)
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.files.open_path(p))
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("Clear the list", self.recent.clear)

    def _on_open_guide(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(resource("templates", "README.md"))))

    def _on_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from postdesk import __version__
        from postdesk.core.filmdata.found import TMDB_NOTICE

        QMessageBox.about(
            self,
            "About postdesk",
            f"<b>postdesk {__version__}</b><p>Draft, preview, export and publish movie-promo "
            f"posts for your film blog.</p><p>Your templates: {self.dirs.templates}</p>"
            f"<p><small>{TMDB_NOTICE} Film facts also from Wikidata (CC0).</small></p>",
        )

    # -- window state ----------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        sizes = self.settings.value("splitter")
        if sizes is not None:
            self.splitter.restoreState(sizes)
        else:
            self.splitter.setSizes([560, 720])

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.confirm_discard():
            event.ignore()
            return
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.sync()
        self.autosaver.discard()
        self.scheduler.shutdown()
        event.accept()
