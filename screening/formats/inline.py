"""Text with inline codes (XLIFF, TMX): a flat string for the analysis, mapped back to the XML nodes.

A translation segment is mixed content: text interleaved with inline elements. Some inline elements
wrap text that belongs to the sentence (XLIFF ``g``/``mrk``, TMX ``hi``, XLIFF 2 ``pc``/``mrk``); others
stand for native codes of the original file (``bpt``/``ept``/``ph``/``it``/``x``/``sc``/``ec``...), whose
content is markup, not sentence text. :func:`flows` walks a segment element once and gives

- the *natural* flow: the sentence as a reader sees it. Paired codes count as nothing (they mark
  formatting, often inside a word); standalone codes (a line break, a field, an image) count as one space
  so that the words on both sides stay apart;
- the *code* flow: the text inside native codes (a ``mailto:`` address in a hyperlink code), one space
  between codes;
- the *sub* flows: ``<sub>`` elements inside codes hold translatable text of their own (alt text,
  tooltips).

Each flow keeps a list of :class:`Piece` objects mapping offsets of its text to a text slot of the tree
(``element.text`` or ``element.tail``). :func:`apply` writes replacements through that mapping, so the
inline codes around and inside a value stay where they were; in the natural flow of a bilingual format
a placeholder becomes an inline ``<ph>`` element made by the format's tag factory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from lxml import etree

from screening.document import Replacement

TEXT, TAIL = "text", "tail"


@dataclass(frozen=True)
class Piece:
    """``flow.text[start:end]`` is stored in ``getattr(node, slot)``; ``node`` None is a separator."""

    start: int
    end: int
    node: etree._Element | None
    slot: str = TEXT


@dataclass
class Flow:
    text: str = ""
    pieces: list[Piece] = field(default_factory=list)

    def add(self, value: str | None, node: etree._Element | None, slot: str = TEXT) -> None:
        if not value:
            return
        start = len(self.text)
        self.text += value
        self.pieces.append(Piece(start, len(self.text), node, slot))

    def separate(self) -> None:
        """A space that is not in the XML, unless the text already ends with whitespace."""
        if self.text and not self.text[-1].isspace():
            self.add(" ", None)


@dataclass(frozen=True)
class InlineModel:
    """Which inline elements (by local name) wrap sentence text and which stand for native codes."""

    containers: frozenset[str]
    paired_codes: frozenset[str]
    standalone_codes: frozenset[str]
    sub: str | None = "sub"
    # Called on an element before it is walked: True leaves it (and its content) out of every flow.
    skip: Callable[[etree._Element], bool] = lambda element: False

    @property
    def codes(self) -> frozenset[str]:
        return self.paired_codes | self.standalone_codes


@dataclass
class Flows:
    natural: Flow
    codes: Flow
    subs: list[Flow]


def local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def flows(element: etree._Element, model: InlineModel) -> Flows:
    """The natural, code and sub flows of a segment element."""
    result = Flows(Flow(), Flow(), [])
    _walk_content(element, model, result, result.natural)
    return result


def _walk_content(element: etree._Element, model: InlineModel, result: Flows, flow: Flow) -> None:
    flow.add(element.text, element, TEXT)
    for child in element:
        if isinstance(child.tag, str) and not model.skip(child):
            name = local(child)
            if name in model.codes:
                if name in model.standalone_codes:
                    flow.separate()
                _walk_code(child, model, result)
            else:  # a container, or an unknown element: its text is sentence text
                _walk_content(child, model, result, flow)
        flow.add(child.tail, child, TAIL)


def _walk_code(element: etree._Element, model: InlineModel, result: Flows) -> None:
    codes = result.codes
    codes.separate()
    codes.add(element.text, element, TEXT)
    for child in element:
        if isinstance(child.tag, str) and not model.skip(child):
            if model.sub and local(child) == model.sub:
                sub = Flow()
                _walk_content(child, model, result, sub)
                if sub.text.strip():
                    result.subs.append(sub)
            else:
                _walk_code(child, model, result)
        codes.add(child.tail, child, TAIL)


TagFactory = Callable[[Replacement], etree._Element]


def apply(flow: Flow, replacements: Iterable[Replacement], make_tag: TagFactory | None = None) -> None:
    """Rewrite the tree under a flow so that the flow's text has the replacements applied.

    With ``make_tag`` a replacement whose new text is its placeholder is written as the inline element
    the factory returns (its tail set here); otherwise as text. The replacement goes where the value
    starts; the rest of the value is cut out of the following text slots, so every inline code met on
    the way stays in place, in order.
    """
    slots = [piece for piece in flow.pieces if piece.node is not None]
    ordered = sorted(replacements, key=lambda r: r.start)
    # Tags are made in text order, so that ids counted per unit follow the order of the values.
    tags = [
        make_tag(r) if make_tag is not None and r.new_text and r.new_text == r.placeholder else None
        for r in ordered
    ]
    for replacement, tag in reversed(list(zip(ordered, tags))):
        if flow.text[replacement.start:replacement.end] != replacement.original:
            raise ValueError("replacement does not match the segment text")
        touched = [p for p in slots if p.start < replacement.end and p.end > replacement.start]
        if not touched:
            raise ValueError("replacement covers no text in the XML")
        for index, piece in enumerate(touched):
            old = getattr(piece.node, piece.slot) or ""
            cut_from = max(replacement.start, piece.start) - piece.start
            cut_to = min(replacement.end, piece.end) - piece.start
            if index == 0 and tag is not None:
                tag.tail = old[cut_to:] or None
                _set(piece, old[:cut_from])
                if piece.slot == TEXT:
                    piece.node.insert(0, tag)
                else:
                    piece.node.addnext(tag)
            else:
                inserted = replacement.new_text if index == 0 else ""
                _set(piece, old[:cut_from] + inserted + old[cut_to:])


def _set(piece: Piece, value: str) -> None:
    setattr(piece.node, piece.slot, value or None)


def remove_keeping_tail(element: etree._Element) -> None:
    """Remove an element with its content; the text after it stays where it was."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def placeholder_label(placeholder: str) -> str:
    """"[PERSON_1]" -> "PERSON-1": the placeholder without brackets, the number set off by a hyphen."""
    inner = placeholder.strip().strip("[]{}<>").strip() or "PII"
    head, _, number = inner.rpartition("_")
    if head and number.isdigit():
        inner = f"{head}-{number}"
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in inner)


def tag_id(placeholder: str) -> str:
    """The inline-tag id of a placeholder, the same wherever the value is: "[PERSON_1]" -> "pii-PERSON-1"."""
    return f"pii-{placeholder_label(placeholder)}"


def tag_type(entity_type: str) -> str:
    """The extension type name of an entity type: "NO_FODSELSNUMMER" -> "x-pii-no-fodselsnummer"."""
    slug = "".join(c if c.isalnum() else "-" for c in entity_type.lower()).strip("-") or "data"
    return f"x-pii-{slug}"


class TagIds:
    """Inline-tag ids, unique per unit and side, equal in source and target for the same placeholder.

    The first occurrence of a placeholder in a side of a unit gets :func:`tag_id`; a second occurrence in
    the same side gets the suffix "-2", and so on, because XLIFF wants inline ids unique within a unit
    side. Source and target count alike, so their n-th occurrences of one value share an id.
    """

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str, str], int] = {}

    def next(self, unit: str, side: str, placeholder: str) -> str:
        key = (unit, side, placeholder)
        count = self._seen.get(key, 0) + 1
        self._seen[key] = count
        base = tag_id(placeholder)
        return base if count == 1 else f"{base}-{count}"
