"""The cast: a table of name, character and best-known credit, reordered by drag or buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from postdesk.core.drafts.model import CastMember
from postdesk.ui.cast_model import CastModel


class CastEditor(QWidget):
    """The cast list, in billing order."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CastModel()
        self.table = self._build_table()
        self._build_buttons()
        self.model.dataChanged.connect(self._on_changed)
        self.model.rowsMoved.connect(self._on_changed)
        self.model.rowsRemoved.connect(self._on_changed)

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setAccessibleName("Cast")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        table.setDragDropOverwriteMode(False)
        table.setDefaultDropAction(Qt.DropAction.MoveAction)
        table.setAlternatingRowColors(True)
        table.setTabKeyNavigation(False)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setMinimumHeight(180)
        return table

    def _build_buttons(self) -> None:
        self.add_button = QPushButton("Add", self)
        self.remove_button = QPushButton("Remove", self)
        self.up_button = QPushButton("Move up", self)
        self.down_button = QPushButton("Move down", self)
        for button, tip in (
            (self.add_button, "Add a cast member (Ctrl+Shift+A)"),
            (self.remove_button, "Remove the selected cast member"),
            (self.up_button, "Bill the selected cast member earlier"),
            (self.down_button, "Bill the selected cast member later"),
        ):
            button.setToolTip(tip)
            button.setAccessibleName(button.text() + " cast member")
        self.add_button.setShortcut("Ctrl+Shift+A")
        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)
        self.up_button.clicked.connect(lambda: self._move_selected(-1))
        self.down_button.clicked.connect(lambda: self._move_selected(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    # -- values ----------------------------------------------------------------------------------

    def set_cast(self, cast: list[CastMember]) -> None:
        """Show ``cast`` without signalling an edit."""
        self.model.set_cast(cast)

    def cast(self) -> list[CastMember]:
        """The cast in table order; rows without a name are left out."""
        return self.model.cast()

    def names(self) -> list[str]:
        """The names in the table, for the mention menu."""
        return [m.name for m in self.cast()]

    # -- slots -----------------------------------------------------------------------------------

    def _on_changed(self, *args: object) -> None:
        self.edited.emit()

    def _on_add(self) -> None:
        self.model.insertRows(self.model.rowCount(), 1)
        index = self.model.index(self.model.rowCount() - 1, 0)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def _on_remove(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.model.removeRow(index.row())

    def _move_selected(self, step: int) -> None:
        row = self.table.currentIndex().row()
        target = row + step
        if row < 0 or not 0 <= target < self.model.rowCount():
            return
        if self.model.move_row(row, target):
            self.table.setCurrentIndex(self.model.index(target, 0))
