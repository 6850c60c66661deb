"""What a thin draft needs next, named as the form labels it, for the preview to suggest."""

from __future__ import annotations

from postdesk.core.drafts.model import Draft

#: Shown while at most this many of the post's main parts are filled in.
THIN = 2


def to_fill_next(draft: Draft) -> list[str]:
    """The main parts still empty, in the order of the form, each as “Label (tab)”.

    Empty for a draft with enough in it: the hint is for starting, not a checklist forever.
    """
    film, post = draft.film, draft.post
    parts = [
        (film.title.strip(), "Title (Film tab)"),
        ((film.synopsis or "").strip(), "Synopsis (Film tab)"),
        (any(m.name.strip() for m in film.cast), "Cast (Cast & credits tab)"),
        (any(r.where.strip() for r in film.releases), "Releases (Cast & credits tab)"),
        ((film.trailer_url or "").strip(), "Trailer (Film tab)"),
        ((post.note or "").strip(), "Your note (Post tab)"),
    ]
    filled = sum(1 for value, _ in parts if value)
    if filled > THIN:
        return []
    return [label for value, label in parts if not value]
