"""The “Post” tab: the blogger's own words and the choices for the post."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from postdesk.core.dates import USUAL_TIME, USUAL_WEEKDAY, WEEKDAY_NAMES, next_slot
from postdesk.core.drafts.model import Post
from postdesk.core.render.templates import TemplateInfo
from postdesk.ui.fields import Field, ListEdit
from postdesk.ui.markdown_editor import MarkdownEdit
from postdesk.ui.qt_dates import local_qdatetime
from postdesk.ui.spell_line_edit import SpellLineEdit
from postdesk.ui.style import style_hint

STATUSES = [
    ("draft", "Draft on the blog"),
    ("pending", "Pending review"),
    ("publish", "Published right away"),
    ("future", "Scheduled for the publish date"),
]
NO_RATING = -0.5
NO_DATE = local_qdatetime(dt.datetime(2000, 1, 1, 0, 0))
DESCRIPTION_ROLE = Qt.ItemDataRole.ToolTipRole


class PostForm(QWidget):
    """Post title, template, note, question, rating, categories, tags, status and date."""

    edited = Signal()
    template_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = SpellLineEdit()
        self.title.setPlaceholderText("Trailer Park Tuesday, 1 Mile To You")
        self.template = QComboBox()
        self.template_description = QLabel()
        self.template_description.setWordWrap(True)
        style_hint(self.template_description)
        self.note = MarkdownEdit("Your own paragraphs: why this film, what you expect.", lines=6)
        self.question = SpellLineEdit()
        self.question.setPlaceholderText("How about you? Will you be seeing it?")
        self.rating = QDoubleSpinBox()
        self.rating.setRange(NO_RATING, 5)
        self.rating.setSingleStep(0.5)
        self.rating.setDecimals(1)
        self.rating.setSpecialValueText("No rating")
        self.rating.setSuffix(" / 5")
        self.categories = ListEdit("Movies, Trailer Park Tuesday")
        self.tags = ListEdit("trailer, drama")
        self.status = QComboBox()
        for value, label in STATUSES:
            self.status.addItem(label, value)
        self.publish_at = QDateTimeEdit()
        self.publish_at.setCalendarPopup(True)
        self.publish_at.setMinimumDateTime(NO_DATE)
        self.publish_at.setSpecialValueText("Not set")
        self.publish_at.setDisplayFormat("MMMM d, yyyy  HH:mm")
        self._calendar_at_today = CalendarAtToday(self.publish_at)
        self.rating.setMaximumWidth(160)
        self.publish_at.setMaximumWidth(260)
        self.next_slot = QPushButton(f"Next {WEEKDAY_NAMES[USUAL_WEEKDAY]}")
        self.fields = {"post.title": Field(self.title), "post.publish_at": Field(self.publish_at)}
        self._build_layout()
        self._connect()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Post &title:", self.fields["post.title"])
        form.addRow("Te&mplate:", self.template)
        form.addRow("", self.template_description)
        form.addRow("&Question:", self.question)
        form.addRow("Your ra&ting:", self.rating)
        form.addRow("&Categories:", self.categories)
        form.addRow("Ta&gs:", self.tags)
        form.addRow("&Status:", self.status)
        date_row = QHBoxLayout()
        date_row.addWidget(self.fields["post.publish_at"], 1)
        date_row.addWidget(self.next_slot, 0, Qt.AlignmentFlag.AlignTop)
        date_label = QLabel("Publish &date:")
        date_label.setBuddy(self.publish_at)
        form.addRow(date_label, date_row)
        names = {
            self.title: "Post title",
            self.template: "Template",
            self.question: "Question for your readers",
            self.rating: "Your rating out of 5",
            self.categories: "Categories, separated by commas",
            self.tags: "Tags, separated by commas",
            self.status: "Post status",
            self.publish_at: "Publish date",
            self.next_slot: "Schedule for the usual publishing day and time",
            self.note: "Your note",
        }
        for widget, name in names.items():
            widget.setAccessibleName(name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(6)
        note_label = QLabel("Your &note (Markdown):")
        note_label.setBuddy(self.note)
        layout.addWidget(note_label)
        layout.addWidget(self.note, 1)

    def _connect(self) -> None:
        for line in (self.title, self.question, self.categories, self.tags):
            line.textEdited.connect(self.edited)
        self.note.text_edited.connect(self.edited)
        self.rating.valueChanged.connect(self.edited)
        self.publish_at.dateTimeChanged.connect(self.edited)
        self.next_slot.clicked.connect(self._on_next_slot)
        self.status.currentIndexChanged.connect(self._on_status_changed)
        self.template.currentIndexChanged.connect(self._on_template_changed)

    def set_templates(self, templates: list[TemplateInfo]) -> None:
        """Offer ``templates`` in the chooser, keeping the current choice."""
        current = self.template.currentData()
        blocked = self.template.blockSignals(True)
        self.template.clear()
        self._template_titles = {info.name: info.title for info in templates}
        for info in templates:
            label = info.title if info.builtin else f"{info.title} (yours)"
            self.template.addItem(label, info.name)
            self.template.setItemData(self.template.count() - 1, info.description, DESCRIPTION_ROLE)
        self._select_template(current)
        self.template.blockSignals(blocked)
        self._describe_template()

    def _select_template(self, name: str | None) -> None:
        index = self.template.findData(name)
        if index < 0 and name:  # the draft names a template this user does not have
            self.template.addItem(f"{name} (missing)", name)
            index = self.template.count() - 1
        self.template.setCurrentIndex(max(index, 0))

    def _describe_template(self) -> None:
        self.template_description.setText(self.template.currentData(DESCRIPTION_ROLE) or "")

    def template_title(self) -> str:
        """What the chosen template calls itself: "Trailer Park Tuesday", "Review"."""
        titles: dict[str, str] = getattr(self, "_template_titles", {})
        return titles.get(self.template.currentData() or "", "")

    def _on_template_changed(self) -> None:
        self._describe_template()
        self.template_changed.emit(self.template.currentData() or "")
        self.edited.emit()

    def _on_status_changed(self) -> None:
        self.publish_at.setEnabled(self.status.currentData() == "future")
        self.edited.emit()

    def _usual_slot(self) -> tuple[int, dt.time]:
        """The blogger's usual day and time, from the settings the window keeps."""
        settings = getattr(self.window(), "settings", None)
        if not isinstance(settings, QSettings):
            return USUAL_WEEKDAY, USUAL_TIME
        from postdesk.ui.settings_dialog import usual_slot

        return usual_slot(settings)

    def show_usual_slot(self) -> None:
        """Name the usual day on the button ("Next Friday") and say the time in its tip."""
        weekday, at = self._usual_slot()
        self.next_slot.setText(f"Next {WEEKDAY_NAMES[weekday]}")
        self.next_slot.setToolTip(
            f"Schedule the post for next {WEEKDAY_NAMES[weekday]} at {at:%H:%M}, "
            "your usual publishing time (Edit ▸ Settings…)"
        )

    def _on_next_slot(self) -> None:
        """Schedule for the coming usual day and time: one click for a weekly series."""
        weekday, at = self._usual_slot()
        slot = next_slot(dt.datetime.now(), weekday, at)
        blocked = [w.blockSignals(True) for w in (self.status, self.publish_at)]
        self.status.setCurrentIndex(self.status.findData("future"))
        self.publish_at.setEnabled(True)
        self.publish_at.setDateTime(local_qdatetime(slot))
        self.status.blockSignals(blocked[0])
        self.publish_at.blockSignals(blocked[1])
        self.edited.emit()  # status and date together: one edit, one Undo

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Follow a day or time changed in the settings since the tab was last shown."""
        self.show_usual_slot()
        super().showEvent(event)

    def show_post(self, post: Post) -> None:
        """Fill the tab from ``post`` without signalling edits."""
        widgets = (self.title, self.question, self.categories, self.tags, self.rating,
                   self.status, self.publish_at, self.template)  # fmt: skip
        blocked = [w.blockSignals(True) for w in widgets]
        self.title.setText(post.title)
        self.question.setText(post.question or "")
        self.categories.set_items(post.categories)
        self.tags.set_items(post.tags)
        self.rating.setValue(NO_RATING if post.review_rating is None else post.review_rating)
        self.status.setCurrentIndex(max(self.status.findData(post.status), 0))
        self.publish_at.setEnabled(post.status == "future")
        when = local_qdatetime(post.publish_at) if post.publish_at else NO_DATE
        self.publish_at.setDateTime(when)
        self._select_template(post.template)
        for widget, was in zip(widgets, blocked, strict=True):
            widget.blockSignals(was)
        self._describe_template()
        self.note.set_markdown(post.note)

    def collect(self, post: Post) -> Post:
        """``post`` with this tab's values."""
        rating = self.rating.value()
        return dataclasses.replace(
            post,
            title=self.title.text(),
            template=self.template.currentData() or post.template,
            note=self.note.markdown(),
            question=self.question.text().strip() or None,
            review_rating=None if rating <= NO_RATING else rating,
            categories=self.categories.items(),
            tags=self.tags.items(),
            status=self.status.currentData(),
            publish_at=self._publish_at(post.publish_at),
        )

    def _publish_at(self, before: dt.datetime | None) -> dt.datetime | None:
        when = self.publish_at.dateTime()
        if when == NO_DATE:
            return None
        if before is not None and when == local_qdatetime(before):
            return before  # unchanged: keep the time zone the draft was written with
        local = when.toPython()
        assert isinstance(local, dt.datetime)
        return local.replace(tzinfo=None).astimezone()


class CalendarAtToday(QObject):
    """Opens the publish-date calendar at today while no date is set, not at the year 2000.

    The calendar is Qt's and made only when asked for, so the watch on it starts at the first
    press on the field (before the popup shows), keeping its parts out of the form until used.
    """

    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self._calendar: QObject | None = None
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        pressed = (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress)
        if watched is self._edit and self._calendar is None and event.type() in pressed:
            self._calendar = self._edit.calendarWidget()
            self._calendar.installEventFilter(self)
        elif (
            watched is self._calendar
            and event.type() == QEvent.Type.Show
            and self._edit.dateTime() == NO_DATE
        ):
            today = QDate.currentDate()
            self._edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return False
