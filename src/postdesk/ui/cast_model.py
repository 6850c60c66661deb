"""The cast as a Qt table model: rows of plain Python data, never Python objects in item roles."""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from postdesk.core.drafts.model import CastMember, JsonDict

COLUMNS = ("Name", "Character", "Known for")
#: The drag format of a row: its texts and its unknown keys, so a drop needs nothing else.
ROWS_MIME = "application/x-postdesk-cast-rows"

Index = QModelIndex | QPersistentModelIndex


@dataclass
class CastRow:
    """One editable row. ``extra`` carries the draft's keys postdesk does not know."""

    texts: list[str] = field(default_factory=lambda: ["", "", ""])
    extra: JsonDict = field(default_factory=dict)

    @classmethod
    def of(cls, member: CastMember) -> CastRow:
        texts = [member.name, member.character or "", member.known_for or ""]
        return cls(texts, copy.deepcopy(member.extra))

    def member(self) -> CastMember | None:
        """The cast member of this row; ``None`` while the name is empty."""
        name, character, known_for = (text.strip() for text in self.texts)
        if not name:
            return None
        return CastMember(name, character or None, known_for or None, copy.deepcopy(self.extra))


class CastModel(QAbstractTableModel):
    """The cast in billing order; a dragged row drops between rows, never onto one.

    The rows live in a Python list beside Qt: item roles hold only the texts Qt shows.
    ``renamed(old, new)`` comes before ``dataChanged`` when a named row gets another name, so
    the mentions of the old name can be renamed in the same undo step.
    """

    renamed = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[CastRow] = []

    # -- reading ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
        ):
            return None
        return self._rows[index.row()].texts[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    def cast(self) -> list[CastMember]:
        """The named rows, in billing order."""
        return [member for row in self._rows if (member := row.member()) is not None]

    # -- writing ---------------------------------------------------------------------------------

    def set_cast(self, cast: list[CastMember]) -> None:
        """Replace every row (a reset: views keep no stale rows, and no edit is signalled)."""
        self.beginResetModel()
        self._rows = [CastRow.of(member) for member in cast]
        self.endResetModel()

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        text = "" if value is None else str(value)
        row = self._rows[index.row()]
        old = row.texts[index.column()]
        if old == text:
            return False
        row.texts[index.column()] = text
        if index.column() == 0 and old.strip() and text.strip():
            self.renamed.emit(old.strip(), text.strip())
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        return True

    def insertRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.insert_rows(row, [CastRow() for _ in range(count)], parent)

    def insert_rows(self, row: int, rows: list[CastRow], parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """Insert ``rows`` before ``row`` (at the end when ``row`` is out of range)."""
        if parent.isValid() or not rows:
            return False
        row = len(self._rows) if not 0 <= row <= len(self._rows) else row
        self.beginInsertRows(QModelIndex(), row, row + len(rows) - 1)
        self._rows[row:row] = rows
        self.endInsertRows()
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count <= 0 or row < 0 or row + count > len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._rows[row : row + count]
        self.endRemoveRows()
        return True

    def move_row(self, row: int, target: int) -> bool:
        """Move ``row`` so that it ends up at ``target``."""
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)) or row == target:
            return False
        # Qt counts the destination before the move: one further when moving down.
        destination = target + 1 if target > row else target
        if not self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination):
            return False
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        return True

    # -- drag and drop ---------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROWS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        payload = [{"texts": self._rows[r].texts, "extra": self._rows[r].extra} for r in rows]
        mime = QMimeData()
        mime.setData(ROWS_MIME, QByteArray(json.dumps(payload).encode()))
        return mime

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Insert the dragged rows; the view then removes the originals, as for any move."""
        if action != Qt.DropAction.MoveAction or not data.hasFormat(ROWS_MIME):
            return False
        try:
            payload = json.loads(bytes(data.data(ROWS_MIME).data()).decode())
            rows = [CastRow(_three(item["texts"]), dict(item["extra"])) for item in payload]
        except (ValueError, KeyError, TypeError):
            return False
        if parent.isValid():  # dropped onto a row: goes before it
            row = parent.row()
        return self.insert_rows(row, rows)


def _three(texts: list[object]) -> list[str]:
    """Exactly one text per column, whatever a drag carried."""
    return ([str(text) for text in texts] + ["", "", ""])[: len(COLUMNS)]
