"""The evidence view: the picked release with what was extracted marked in place (and the
searched words), every extracted field, its corrections, and the form to correct it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from sco_data.explore import correcting, evidence, wording
from sco_data.explore.markup import escape_markdown, visible
from sco_data.explore.wording import CAPTIONS
from sco_data.schema import CORRECTABLE_FIELDS
from sco_page.widgets import Shown, static_table

# The fields table: column -> heading (a dash in Doubt where the extractor would bet on the value).
FIELD_COLUMNS = {"field": "Field", "value": "Value", "doubt": "Doubt"}
TEXT_HEIGHT = 480  # pixels: the release text scrolls inside a box of this height
# Streamlit colour of each kind of evidence mark (the theme in .streamlit/config.toml sets
# their backgrounds dark enough to see).
KIND_COLOURS = {evidence.KIND_DATE: "blue", evidence.KIND_OFFICIAL: "violet", evidence.KIND_COUNTERPART: "orange",
                evidence.KIND_PLACE: "green", evidence.KIND_TOPIC: "red", evidence.KIND_OCCASION: "gray",
                evidence.KIND_SEARCH: "yellow"}
# The container the view is drawn in, and what brings it into view once a row is picked: a
# fixed script, in a frame of no height, that scrolls the page to that container. It carries
# nothing from any release.
VIEW_KEY = "release_view"
SCROLL_INTO_VIEW = ("<script>const view = window.parent.document.querySelector('.st-key-" + VIEW_KEY + "');"
                    "if (view) view.scrollIntoView({block: 'start'});</script>")


def marked(text: str, kind: str | None, tag: str | None = None) -> str:
    """Escaped text, on its evidence kind's background, followed by its tag as a badge."""
    escaped = escape_markdown(text)
    if kind is None:
        return escaped
    badge = f":{KIND_COLOURS[kind]}-badge[{escape_markdown(tag)}]" if tag else ""
    return f":{KIND_COLOURS[kind]}-background[{escaped}]{badge}"


def paragraphs_markdown(paragraphs: list[list[evidence.Segment]]) -> str:
    """Safe markdown of evidence paragraphs: literal text, extracted values marked and tagged."""
    return "\n\n".join("".join(marked(*piece) for piece in p) for p in paragraphs)


def show(shown: Shown, among: pd.DataFrame, picked: str | None = None) -> None:
    """The selected release (else the newest `among` those shown) with what was extracted
    marked in place, brought into view when a row was just picked; `picked` shows that release
    (the review view's) in place of the selected one."""
    data, search = shown.data, shown.filters.search
    with st.container(key=VIEW_KEY):
        if st.session_state.pop("scroll_to_release", False):
            st.iframe(SCROLL_INTO_VIEW, height=1)
        asked = picked if picked is not None else st.session_state.get("release")
        release, how = evidence.release_to_show(data.releases, among, asked)
        title = evidence.title_segments(release, data.taxonomy, search)
        st.subheader(paragraphs_markdown([title]) if title else "(release without a headline)", anchor=False)
        if how != evidence.SHOWN_PICKED:
            st.caption(CAPTIONS[how])
        st.markdown("Marked in the text and the headline: "
                    + " ".join(marked(name, kind) for kind, name in evidence.LEGEND if search or kind != evidence.KIND_SEARCH))
        with st.container(height=TEXT_HEIGHT, border=True):
            st.markdown(paragraphs_markdown(evidence.release_paragraphs(release, data.taxonomy, search)))
        lines, count = evidence.foreign_lines(release), int(release.get("foreign_line_count") or 0)
        if lines or count:
            st.caption(wording.foreign_lines_note(len(lines) or count, kept=bool(lines)))
        if lines:
            st.text(visible("\n".join(lines)))
        static_table(st, evidence.release_fields(release, data.taxonomy), FIELD_COLUMNS)
        show_corrections(shown, release["release_id"])


def show_corrections(shown: Shown, release_id: str) -> None:
    """The release's corrections beside what was extracted, and a box to add or take one back,
    the field's grammar under it and a word when a correction was saved or taken back."""
    data = shown.data
    uploaded = {upload.name for upload in st.session_state.get("uploads") or []}
    path, why_not = correcting.target_for(st.session_state["corrections_target"], release_id, data.report, uploaded)
    standing = correcting.side_by_side(data.corrections, release_id)
    if not standing.empty:
        st.caption(CAPTIONS["corrections"])
        static_table(st, standing, correcting.SIDE_BY_SIDE_COLUMNS)
    if done := st.session_state.pop("fix_done", None):
        st.success(escape_markdown(done), icon="✅")
        st.toast(escape_markdown(done), icon="✅")
    if path is None:
        return st.caption(escape_markdown(wording.no_editing(why_not)))
    with st.expander("Correct this release", expanded=bool(st.session_state.get("fix_error"))):
        field = st.selectbox("Field", CORRECTABLE_FIELDS, format_func=correcting.FIELD_LABELS.get, key="fix_field")
        st.text_input("Corrected value", key="fix_value", placeholder=correcting.VALUE_HINTS[field])
        st.caption(escape_markdown(f"How to write it: {correcting.VALUE_HINTS[field]}"))
        st.text_input("Note", key="fix_note", placeholder="why, or where the right value comes from")
        if error := st.session_state.get("fix_error"):
            st.error(escape_markdown(error))
        save, undo = st.columns(2)
        save.button("Save the correction", key="fix_save", on_click=correct,
                    args=(shown, path, release_id))
        if field in correcting.corrected_fields(data.corrections, release_id):
            undo.button(f"Undo the corrections of {correcting.FIELD_LABELS[field].lower()}", key="fix_undo",
                        on_click=correct, args=(shown, path, release_id, True))


def correct(shown: Shown, path: Path, release_id: str, undo: bool = False) -> None:
    """A correction button's callback: write the row (or the undo), then read the folder again;
    the next run says what was done."""
    error = correcting.save_from_form(path, release_id, st.session_state, shown.data.taxonomy, undo)
    st.session_state.update(fix_error=error or "", **({} if error else {"fix_value": "", "fix_note": ""}))
    if error is None:
        st.session_state["fix_done"] = correcting.done_message(st.session_state["fix_field"], undo)
        shown.reload()
