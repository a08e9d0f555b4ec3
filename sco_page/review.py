"""The review view: among the releases the filters keep, those the extractor doubts, the most
doubtful first, one at a time. Each is shown with its doubts beside the marked text, the fields
and the correction form (sco_page.release), under the buttons that work through the queue
without scrolling: "Mark as checked" (a check saved like any correction, the folder read again,
on to the next), "Next" and "Undo the check". The release shown is `review` in the link; the
queue and the figures come from sco_data.explore.review."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from sco_data.explore import correcting, review, wording
from sco_data.explore.filtering import LABEL
from sco_data.explore.markup import escape_markdown
from sco_data.explore.wording import CAPTIONS
from sco_page import release
from sco_page.widgets import Shown, static_table


def show(shown: Shown) -> None:
    """The progress line, the buttons, and the release under review with its doubts."""
    data = shown.data
    queue = shown.cached(("review_queue",), lambda: review.review_queue(shown.kept))
    figures = shown.cached(("review_progress",), lambda: review.progress(shown.kept))
    st.markdown(f"**{escape_markdown(figures.line)}**")
    st.caption(CAPTIONS["review"])
    if done := st.session_state.pop("review_done", None):
        st.success(escape_markdown(done), icon="✅")
    if error := st.session_state.pop("review_error", None):
        st.error(escape_markdown(error))
    current, standing = review.current_release(queue, st.session_state.get("review"), data.releases)
    # The check to withdraw: the release shown when checked, else the one just checked (until Next).
    last = st.session_state.get("review_last")
    undone = current if standing == review.STANDING_CHECKED else last if review.is_checked(data.releases, last) else None
    buttons = st.columns([3, 2, 3, 6], vertical_alignment="center")
    if current is not None:
        path, why_not = checking_target(shown, current)
        following = review.next_in_queue(queue, current)
        if path is not None and standing != review.STANDING_CHECKED:
            buttons[0].button("Mark as checked", key="review_check", type="primary", on_click=mark_checked,
                              args=(shown, path, current, following))
        buttons[1].button("Next", key="review_next", on_click=go_to, args=(following,), disabled=following is None)
        buttons[3].caption(escape_markdown(review.position_line(queue, current, standing)))
        if why_not:
            st.caption(escape_markdown(wording.no_editing(why_not)))
    if undone is not None and (path := checking_target(shown, undone)[0]) is not None:
        buttons[2].button("Undo the check", key="review_undo", on_click=undo_check, args=(shown, path, undone))
        if undone != current:
            st.caption(CAPTIONS["review_undo_last"])
    if current is None:
        return st.info(CAPTIONS["review_empty"])
    show_release(shown, current)


def checking_target(shown: Shown, release_id: str) -> tuple[Path | None, str | None]:
    """The corrections file a check of this release goes to, or None and why none may be
    written (read only, the bundled sample, a release of an uploaded file...)."""
    uploaded = {upload.name for upload in st.session_state.get("uploads") or []}
    return correcting.target_for(st.session_state["corrections_target"], release_id, shown.data.report, uploaded)


def show_release(shown: Shown, release_id: str) -> None:
    """The release's doubts beside the evidence view: the marked text, the fields (their doubts
    in a column of their own) and the correction form."""
    row = review.find_release(shown.data.releases, release_id)
    doubts, view = st.columns([1, 2], gap="large")
    doubts.subheader("Doubts", anchor=False)
    listed = review.doubts_table(row["doubts"].iloc[0])
    if listed.empty:
        doubts.caption("None: the extractor would bet on every field, or an analyst settled its doubts.")
    else:
        static_table(doubts, listed, review.DOUBT_COLUMNS)
    with view:
        release.show(shown, shown.data.releases, release_id)


def label_of(shown: Shown, release_id: str) -> str:
    """The release as a table names it: its headline, else its first words."""
    return str(review.find_release(shown.data.releases, release_id)[LABEL].iloc[0])


def go_to(release_id: str | None) -> None:
    """The Next button's callback: show that release; the check just made is no longer offered
    for undoing."""
    st.session_state.update(review=release_id or "", review_last=None)


def mark_checked(shown: Shown, path: Path, release_id: str, following: str | None) -> None:
    """The button's callback: save the check, move on to the next release, read the folder again."""
    if error := review.save_check(path, release_id):
        st.session_state["review_error"] = error
        return
    st.session_state.update(review=following or "", review_last=release_id,
                            review_done=review.check_done_message(label_of(shown, release_id), undo=False))
    shown.reload()


def undo_check(shown: Shown, path: Path, release_id: str) -> None:
    """The button's callback: withdraw the check, show that release again, read the folder again."""
    if error := review.save_check(path, release_id, undo=True):
        st.session_state["review_error"] = error
        return
    st.session_state.update(review=release_id, review_last=None,
                            review_done=review.check_done_message(label_of(shown, release_id), undo=True))
    shown.reload()
