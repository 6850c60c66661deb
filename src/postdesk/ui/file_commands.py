"""File menu commands: new, open, save, save as, export, and asking before losing work."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from postdesk.core.atomic import same_file, write_atomic
from postdesk.core.drafts.files import DraftChangedError, DraftReadOnlyError
from postdesk.core.drafts.model import DRAFT_SUFFIX, new_draft
from postdesk.core.drafts.problems import DraftError
from postdesk.core.render.errors import RenderError
from postdesk.ui import startup
from postdesk.ui.document import DraftDocument

if TYPE_CHECKING:
    from postdesk.ui.main_window import MainWindow

DRAFT_FILTER = f"postdesk drafts (*{DRAFT_SUFFIX})"


class FileCommands(QObject):
    """The File menu's behaviour, over the window's document."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    @property
    def document(self) -> DraftDocument:
        """The window's open draft."""
        return self.window.document

    # -- asking ----------------------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """Ask what to do with unsaved changes; ``False`` means the user cancelled."""
        self.window.sync_from_form()
        if not self.document.modified:
            return True
        answer = QMessageBox.question(
            self.window,
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
            self.window.autosaver.discard()
            return True
        return False

    # -- commands --------------------------------------------------------------------------------

    def new(self) -> None:
        """Start an empty draft."""
        if self.confirm_discard():
            self.window.show_document(new_draft(), None, None)

    def open(self) -> None:
        """Choose a draft and open it."""
        if not self.confirm_discard():
            return
        start = str(self.document.folder or Path.home())
        chosen, _ = QFileDialog.getOpenFileName(self.window, "Open a draft", start, DRAFT_FILTER)
        if chosen:
            self.open_path(Path(chosen), confirmed=True)

    def open_path(self, path: Path, confirmed: bool = False) -> bool:
        """Open ``path``; a bad file is explained and the current draft stays."""
        if not confirmed and not self.confirm_discard():
            return False
        try:
            self.document.open(path, self.window.library.names())
        except DraftError as err:
            self._explain_load_error(err)
            return False
        self.window.show_document(self.document.draft, self.document.path, None, loaded=True)
        self.window.recent.add(path)
        self.window.remember_last_file(path)
        return True

    def save(self) -> bool:
        """Save to the draft's file, or ask where when it has none."""
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        """Save under a new name."""
        self.window.sync_from_form()
        name = self.document.path or Path.home() / (_file_stem(self.document) + DRAFT_SUFFIX)
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, "Save the draft", str(name), DRAFT_FILTER
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
        self.window.sync_from_form()
        folder = self.document.folder or Path.home()
        suggested = folder / (_file_stem(self.document) + ".html")
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, "Export HTML", str(suggested), "Web pages (*.html)"
        )
        if not chosen:
            return
        if self.document.path is not None and same_file(Path(chosen), self.document.path):
            QMessageBox.warning(
                self.window,
                "Export failed",
                f"{chosen} is the draft itself; export the page under another name.",
            )
            return
        from postdesk.core.render.rendering import poster_left_out  # loaded on first use

        try:  # in the render worker, under its time limit: a runaway template cannot hang here
            page = self.window.scheduler.process().render_one(
                self.document.draft, "page", library=self.window.library, draft_file=self._anchor()
            )
            write_atomic(Path(chosen), page.encode("utf-8"))
        except (RenderError, OSError) as err:
            QMessageBox.warning(self.window, "Export failed", f"{chosen}: {err}")
            return
        left_out = poster_left_out(self.document.draft, self._anchor())
        warning = f" (warning: {left_out})" if left_out else ""
        self.window.statusBar().showMessage(f"Exported to {chosen}{warning}", 15000)

    # -- helpers ---------------------------------------------------------------------------------

    def _save_to(self, path: Path) -> bool:
        self.window.sync_from_form()
        blocking = [p for p in self.window.current_problems() if p.blocking]
        if blocking:
            QMessageBox.warning(
                self.window,
                "The draft cannot be saved yet",
                "Fix these first:\n\n" + "\n".join(f"• {p}" for p in blocking),
            )
            return False
        return self._write(path, overwrite_changes=False)

    def save_over_changes(self, path: Path) -> bool:
        """Save, replacing what another program wrote (the user chose "Keep Mine")."""
        return self._write(path, overwrite_changes=True)

    def _write(self, path: Path, overwrite_changes: bool) -> bool:
        try:
            self.document.save(path, overwrite_changes=overwrite_changes)
        except DraftChangedError:
            return self.window.disk_changes.resolve_on_save(path)
        except DraftReadOnlyError:
            return self.window.disk_changes.offer_save_as_for_read_only(path)
        except DraftError as err:
            QMessageBox.warning(self.window, "Save failed", str(err))
            return False
        self.window.recent.add(path)
        self.window.remember_last_file(path)
        self.window.statusBar().showMessage(f"Saved {path}", 5000)
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
            self.window.show_poster(draft.film.poster)

    def _anchor(self) -> Path | None:
        if self.document.path:
            return self.document.path
        return self.document.base_dir / "untitled.postdesk" if self.document.base_dir else None

    def _explain_load_error(self, err: DraftError) -> None:
        details = "\n".join(f"• {p}" for p in err.problems)
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("This draft cannot be opened")
        box.setText(f"{err.file} cannot be opened.")
        box.setInformativeText(details + "\n\nThe file was not changed.")
        box.exec()


def _file_stem(document: DraftDocument) -> str:
    if document.path:
        return document.path.stem
    return startup.slugify(document.draft.film.title or document.draft.post.title or "untitled")
