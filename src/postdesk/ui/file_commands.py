"""File menu commands: new, open, save, save as, export, and asking before losing work."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from postdesk.core.atomic import same_file, write_atomic
from postdesk.core.drafts.files import DraftChangedError, DraftReadOnlyError
from postdesk.core.drafts.model import DRAFT_SUFFIX, new_draft
from postdesk.core.drafts.problems import DraftError
from postdesk.core.render.errors import RenderError
from postdesk.core.render.templates import TemplateLibrary
from postdesk.ui import startup
from postdesk.ui.disk_changes import DiskChanges
from postdesk.ui.document import DraftDocument
from postdesk.ui.form_panel import form_problems

if TYPE_CHECKING:
    from postdesk.core.render.bounded import RenderProcess

DRAFT_FILTER = f"postdesk drafts (*{DRAFT_SUFFIX})"


class FileCommands(QObject):
    """The File menu's behaviour, over the open document.

    A draft opened or saved is announced by the document (``replaced``, ``stored``); what
    the status bar should say, by :attr:`message`. ``render_process`` is the warm render
    worker an export renders in.
    """

    #: Text for the status bar, and for how long (ms).
    message = Signal(str, int)
    #: The user chose to throw the unsaved changes away (their recovery copy goes too).
    changes_discarded = Signal()
    #: Save As changed the poster's path so the draft still finds it (the new path).
    poster_moved = Signal(str)

    def __init__(
        self,
        document: DraftDocument,
        library: TemplateLibrary,
        render_process: Callable[[], RenderProcess],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.document, self.library, self.parent_widget = document, library, parent
        self.render_process = render_process
        self.disk_changes = DiskChanges(document, self, parent)

    # -- asking ----------------------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """Ask what to do with unsaved changes; ``False`` means the user cancelled."""
        from PySide6.QtWidgets import QMessageBox

        self.document.sync()
        if not self.document.modified:
            return True
        answer = QMessageBox.question(
            self.parent_widget,
            "Unsaved changes",
            f"“{self.document.display_name}” has changes that are not saved. Save them?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.changes_discarded.emit()
            return True
        return False

    # -- commands --------------------------------------------------------------------------------

    def new(self) -> None:
        """Start an empty draft."""
        if self.confirm_discard():
            self.document.replace(new_draft(), None, None)

    def open(self) -> None:
        """Choose a draft and open it."""
        from PySide6.QtWidgets import QFileDialog

        if not self.confirm_discard():
            return
        start = str(self.document.folder or Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self.parent_widget, "Open a draft", start, DRAFT_FILTER
        )
        if chosen:
            self.open_path(Path(chosen), confirmed=True)

    def open_path(self, path: Path, confirmed: bool = False) -> bool:
        """Open ``path``; a bad file is explained and the current draft stays."""
        if not confirmed and not self.confirm_discard():
            return False
        try:
            self.document.open(path, self.library.names())
        except DraftError as err:
            self._explain_load_error(err)
            return False
        return True

    def save(self) -> bool:
        """Save to the draft's file, or ask where when it has none."""
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        """Save under a new name."""
        from PySide6.QtWidgets import QFileDialog

        self.document.sync()
        name = self.document.path or Path.home() / (_file_stem(self.document) + DRAFT_SUFFIX)
        chosen, _ = QFileDialog.getSaveFileName(
            self.parent_widget, "Save the draft", str(name), DRAFT_FILTER
        )
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix != DRAFT_SUFFIX:
            path = path.with_suffix(path.suffix + DRAFT_SUFFIX)
        self._keep_poster_reachable(path)
        return self._save_to(path)

    def export_html(self) -> None:
        """Write the standalone HTML page."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        self.document.sync()
        folder = self.document.folder or Path.home()
        suggested = folder / (_file_stem(self.document) + ".html")
        chosen, _ = QFileDialog.getSaveFileName(
            self.parent_widget, "Export HTML", str(suggested), "Web pages (*.html)"
        )
        if not chosen:
            return
        if self.document.path is not None and same_file(Path(chosen), self.document.path):
            QMessageBox.warning(
                self.parent_widget,
                "Export failed",
                f"{chosen} is the draft itself; export the page under another name.",
            )
            return
        from postdesk.core.render.rendering import poster_left_out  # loaded on first use

        try:  # in the render worker, under its time limit: a runaway template cannot hang here
            page = self.render_process().render_one(
                self.document.draft, "page", library=self.library, draft_file=self.document.anchor
            )
            write_atomic(Path(chosen), page.encode("utf-8"))
        except (RenderError, OSError) as err:
            QMessageBox.warning(self.parent_widget, "Export failed", f"{chosen}: {err}")
            return
        left_out = poster_left_out(self.document.draft, self.document.anchor)
        warning = f" (warning: {left_out})" if left_out else ""
        self.message.emit(f"Exported to {chosen}{warning}", 15000)

    # -- helpers ---------------------------------------------------------------------------------

    def _save_to(self, path: Path) -> bool:
        from PySide6.QtWidgets import QMessageBox

        self.document.sync()
        document = self.document
        problems = form_problems(document.draft, document.anchor)
        blocking = [p for p in problems if p.blocking]
        if blocking:
            QMessageBox.warning(
                self.parent_widget,
                "The draft cannot be saved yet",
                "Fix these first:\n\n" + "\n".join(f"• {p}" for p in blocking),
            )
            return False
        return self._write(path, overwrite_changes=False)

    def save_over_changes(self, path: Path) -> bool:
        """Save, replacing what another program wrote (the user chose "Keep Mine")."""
        return self._write(path, overwrite_changes=True)

    def _write(self, path: Path, overwrite_changes: bool) -> bool:
        from PySide6.QtWidgets import QMessageBox

        try:
            self.document.save(path, overwrite_changes=overwrite_changes)
        except DraftChangedError:
            return self.disk_changes.resolve_on_save(path)
        except DraftReadOnlyError:
            return self.disk_changes.offer_save_as_for_read_only(path)
        except DraftError as err:
            QMessageBox.warning(self.parent_widget, "Save failed", str(err))
            return False
        self.message.emit(f"Saved {path}", 5000)
        return True

    def _keep_poster_reachable(self, target: Path) -> None:
        """A relative poster must still be found from the draft's new folder."""
        draft = self.document.draft
        old = self.document.folder
        poster = draft.film.poster
        if not poster or old is None or Path(poster).expanduser().is_absolute():
            return
        source = (old / poster).resolve()
        if source.is_file() and not (target.parent / poster).is_file():
            draft.film.poster = str(source)
            self.poster_moved.emit(draft.film.poster)

    def _explain_load_error(self, err: DraftError) -> None:
        from PySide6.QtWidgets import QMessageBox

        details = "\n".join(f"• {p}" for p in err.problems)
        box = QMessageBox(self.parent_widget)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("This draft cannot be opened")
        box.setText(f"{err.file} cannot be opened.")
        box.setInformativeText(details + "\n\nThe file was not changed.")
        box.exec()


def _file_stem(document: DraftDocument) -> str:
    if document.path:
        return document.path.stem
    return startup.slugify(document.draft.film.title or document.draft.post.title or "untitled")
