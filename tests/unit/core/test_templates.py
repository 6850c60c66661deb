import dataclasses
import os
from pathlib import Path

import pytest

from postdesk.core.drafts.files import load_draft
from postdesk.core.paths import UserDirs
from postdesk.core.render.rendering import RenderError, render
from postdesk.core.render.templates import TemplateLibrary, TemplateNotFoundError
from tests.conftest import SEED_DRAFT

HEADER = "{#- postdesk\nname: {title}\ndescription: {description}\n-#}\n"


def user_template(dirs: UserDirs, name: str, body: str, title: str = "Mine") -> Path:
    dirs.templates.mkdir(parents=True, exist_ok=True)
    path = dirs.templates / f"{name}.html"
    header = HEADER.replace("{title}", title).replace("{description}", f"{title} described.")
    path.write_text(header + body, encoding="utf-8")
    return path


def test_builtin_templates_declare_a_name_and_a_description() -> None:
    templates = {t.name: t for t in TemplateLibrary().templates()}
    assert set(templates) == {"trailer-tuesday", "release-announcement", "review"}
    assert templates["trailer-tuesday"].title == "Trailer Park Tuesday"
    for template in templates.values():
        assert template.builtin
        assert template.description.endswith(".") and "\n" not in template.description


def test_user_templates_add_to_and_override_the_builtin_ones(user_dirs: UserDirs) -> None:
    user_template(user_dirs, "weekend-picks", "<p>Pick: {{ film.title }}</p>", "Weekend picks")
    user_template(
        user_dirs,
        "review",
        '{% extends "builtin/review.html" %}',
        "My review",
    )
    user_template(user_dirs, "_partial", "<p>not offered</p>")
    library = TemplateLibrary.for_user(user_dirs)
    infos = {t.name: t for t in library.templates()}
    assert list(infos) == ["release-announcement", "review", "trailer-tuesday", "weekend-picks"]
    assert infos["weekend-picks"].title == "Weekend picks" and not infos["weekend-picks"].builtin
    assert infos["review"].overrides_builtin and infos["review"].title == "My review"
    draft = load_draft(SEED_DRAFT)
    out = render(draft, "html", library=library, template="weekend-picks")
    assert out == "<p>Pick: 1 Mile To You</p>\n"
    assert "<h2>The story</h2>" in render(draft, "html", library=library, template="review")


def test_a_template_without_a_header_still_gets_a_name(user_dirs: UserDirs) -> None:
    user_dirs.templates.mkdir(parents=True)
    (user_dirs.templates / "quick-note.html").write_text("<p>{{ post.title }}</p>")
    info = TemplateLibrary.for_user(user_dirs).info("quick-note")
    assert info.title == "Quick note"
    assert info.description == "Your own template (it has no description)."


def test_unknown_template_names_are_refused() -> None:
    with pytest.raises(TemplateNotFoundError, match="there is no template named “fancy”"):
        TemplateLibrary().info("fancy")


ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].listdir('/') }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ film.__class__.__init__.__globals__ }}",
    "{{ film.__dict__ }}",
    "{{ post._private }}",
    "{{ '{0.__class__}'.format(film) }}",
    "{{ self.__init__.__globals__ }}",
    "{{ range.__self__ }}",
    "{{ film.cast.append('x') }}",
    "{{ post.extra.update({'owned': 1}) }}",
    "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ namespace.__init__.__globals__ }}",
]


@pytest.mark.parametrize("attempt", ESCAPES)
def test_a_user_template_cannot_escape_the_sandbox(user_dirs: UserDirs, attempt: str) -> None:
    user_template(user_dirs, "sneaky", f"<p>{attempt}</p>")
    draft = load_draft(SEED_DRAFT)
    before = dataclasses.asdict(draft)
    with pytest.raises(RenderError) as caught:
        render(draft, "html", library=TemplateLibrary.for_user(user_dirs), template="sneaky")
    assert "template “sneaky”, line 5" in str(caught.value)
    assert dataclasses.asdict(draft) == before


@pytest.mark.parametrize(
    "include",
    ["/etc/passwd", "../../../../../../etc/passwd", "../secret.txt", "{secret}"],
)
def test_a_user_template_cannot_read_files(
    user_dirs: UserDirs, tmp_path: Path, include: str
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    user_template(user_dirs, "reader", f"{{% include '{include.format(secret=secret)}' %}}")
    with pytest.raises(RenderError, match="includes .*which does not exist") as caught:
        render(
            load_draft(SEED_DRAFT),
            "html",
            library=TemplateLibrary.for_user(user_dirs),
            template="reader",
        )
    assert "TOPSECRET" not in str(caught.value) and "root:" not in str(caught.value)


def test_template_mistakes_name_the_template_and_the_line(user_dirs: UserDirs) -> None:
    user_template(user_dirs, "typo", "<p>{{ film.title }}</p>\n<p>{{ film.titel }}</p>")
    user_template(user_dirs, "broken", "<p>\n{% if film.title %}\n<p>no endif</p>")
    library = TemplateLibrary.for_user(user_dirs)
    draft = load_draft(SEED_DRAFT)
    with pytest.raises(RenderError, match=r"template “typo”, line 6: .*has no attribute 'titel'"):
        render(draft, "html", library=library, template="typo")
    with pytest.raises(
        RenderError, match=r"template “broken”, line \d+: Unexpected end of template"
    ):
        render(draft, "html", library=library, template="broken")


def test_edited_user_templates_are_picked_up(user_dirs: UserDirs) -> None:
    path = user_template(user_dirs, "live", "<p>one</p>")
    library = TemplateLibrary.for_user(user_dirs)
    draft = load_draft(SEED_DRAFT)
    assert render(draft, "html", library=library, template="live") == "<p>one</p>\n"
    path.write_text(path.read_text().replace("one", "two"))

    stat = path.stat()
    os.utime(path, (stat.st_atime, stat.st_mtime + 5))
    assert render(draft, "html", library=library, template="live") == "<p>two</p>\n"


def test_user_template_output_is_still_autoescaped(user_dirs: UserDirs) -> None:
    user_template(user_dirs, "plain", "<p>{{ film.title }}</p>")
    draft = load_draft(SEED_DRAFT)
    draft.film.title = "<b>bold</b>"
    out = render(draft, "html", library=TemplateLibrary.for_user(user_dirs), template="plain")
    assert out == "<p>&lt;b&gt;bold&lt;/b&gt;</p>\n"
