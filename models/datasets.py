"""Readers that turn the shared NER corpora into spaCy ``Doc`` objects.

Sources (see ``models/README.md`` for licences):

* NorNE, Bokmål and Nynorsk: train from the NDT CoNLL files listed as ``train`` in
  ``norne/SPLITS.tsv`` (the UD train files are not in the shared copy), dev and test from the
  UD CoNLL-U files. NER tags are ``name=B-XXX`` in column 10, gold lemmas in column 3.
* UNER Danish (DDT with DaN+ annotations): ``.iob2`` files, PER/ORG/LOC in column 3.

Label mapping to the four classes the pipelines predict (PER, ORG, LOC, MISC):

========================  =======  ==========================================================
source label              target   why
========================  =======  ==========================================================
NorNE PER                 PER
NorNE ORG, GPE_ORG        ORG      a country or town acting as an organisation is still an org
NorNE LOC, GPE_LOC        LOC
NorNE PROD, EVT, MISC     MISC     names, but not of people, places or organisations
NorNE DRV                 MISC     "Oslo-mannen" is derived from a name; it is not a person
UNER da PER/ORG/LOC       same     column 3 (DaN+ ``-part`` forms are already folded in there)
DaN+ MISC, XXXderiv       MISC     column 4, level 1, only where column 3 is O (train only)
========================  =======  ==========================================================

Evaluation on UNER Danish uses column 3 alone, so MISC never counts there.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

NORNE_LABELS: dict[str, str] = {
    "PER": "PER",
    "ORG": "ORG",
    "GPE_ORG": "ORG",
    "LOC": "LOC",
    "GPE_LOC": "LOC",
    "PROD": "MISC",
    "EVT": "MISC",
    "MISC": "MISC",
    "DRV": "MISC",
}
CORE_LABELS: tuple[str, ...] = ("PER", "ORG", "LOC")
NORNE_VARIANTS: dict[str, str] = {"nob": "no_bokmaal", "nno": "no_nynorsk"}

# NDT marks headlines with a final "|" token that UD (and running text) does not have.
NDT_HEADLINE_TOKEN = "|"


def find_datasets_dir(repo_root: Path) -> Path:
    """Return the shared datasets folder: /work/shared/datasets or ../shared/datasets."""
    for candidate in (Path("/work/shared/datasets"), repo_root.parent / "shared" / "datasets"):
        if (candidate / "norne").is_dir():
            return candidate
    raise FileNotFoundError("shared datasets not found (expected ../shared/datasets)")


def _norne_tag(misc: str) -> str:
    for item in misc.split("|"):
        if item.startswith("name="):
            tag = item[len("name="):]
            if tag == "O":
                return "O"
            prefix, label = tag.split("-", 1)
            return f"{prefix}-{NORNE_LABELS[label]}"
    return "O"


def repair_iob(tags: list[str]) -> list[str]:
    """Turn an ``I-X`` that does not continue an ``X`` entity into ``B-X``."""
    fixed: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        previous = tag
    return fixed


def _make_doc(vocab: Vocab, words: list[str], spaces: list[bool], tags: list[str],
              lemmas: list[str] | None = None) -> Doc:
    return Doc(vocab, words=words, spaces=spaces, ents=repair_iob(tags), lemmas=lemmas)


def read_ndt(path: Path, vocab: Vocab) -> Iterator[Doc]:
    """Read an NDT CoNLL file (no comments, no SpaceAfter): one Doc per sentence."""
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            rows.append(line.split("\t"))
            continue
        rows = [row for row in rows if row[1] != NDT_HEADLINE_TOKEN]
        if rows:
            words = [row[1] for row in rows]
            spaces = [True] * (len(words) - 1) + [False]
            yield _make_doc(vocab, words, spaces, [_norne_tag(row[9]) for row in rows],
                            [row[2] for row in rows])
        rows = []


def read_conllu(path: Path, vocab: Vocab) -> Iterator[Doc]:
    """Read a UD CoNLL-U file with NorNE tags in MISC; multiword ranges are skipped."""
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("#"):
            continue
        if line.strip():
            row = line.split("\t")
            if row[0].isdigit():
                rows.append(row)
            continue
        if rows:
            words = [row[1] for row in rows]
            spaces = ["SpaceAfter=No" not in row[9].split("|") for row in rows]
            spaces[-1] = False
            yield _make_doc(vocab, words, spaces, [_norne_tag(row[9]) for row in rows],
                            [row[2] for row in rows])
        rows = []


def norne_docs(datasets: Path, variant: str, split: str, vocab: Vocab) -> list[Doc]:
    """NorNE docs for variant ``nob``/``nno`` and split ``train``/``dev``/``test``."""
    norne = datasets / "norne"
    if split == "train":
        with (norne / "SPLITS.tsv").open(encoding="utf-8") as handle:
            files = [row["ndt_file"] for row in csv.DictReader(handle, delimiter="\t")
                     if row["variant"] == variant and row["ud_split"] == "train"]
        return [doc for name in files for doc in read_ndt(norne / name, vocab)]
    path = norne / "ud" / variant / f"{NORNE_VARIANTS[variant]}-ud-{split}.conllu"
    return list(read_conllu(path, vocab))


def _danplus_misc(tag: str) -> str:
    """Level 1 of a DaN+ nested tag, kept only when it is MISC or a ``-deriv`` form."""
    level1 = tag.split("#", 1)[0]
    if level1 == "O":
        return "O"
    prefix, label = level1.split("-", 1)
    if label.startswith("MISC") or label.endswith("deriv"):
        return f"{prefix}-MISC"
    return "O"


def spaces_from_text(words: list[str], text: str | None) -> list[bool]:
    """Whitespace after each token, recovered from the sentence's ``# text`` comment.

    Falls back to a space after every token when the words cannot be found in order.
    """
    fallback = [True] * (len(words) - 1) + [False]
    if not text:
        return fallback
    spaces: list[bool] = []
    cursor = 0
    for word in words:
        start = text.find(word, cursor)
        if start < 0 or text[cursor:start].strip():
            return fallback
        cursor = start + len(word)
        spaces.append(text[cursor:cursor + 1].isspace())
    spaces[-1] = False
    return spaces


def read_uner(path: Path, vocab: Vocab, with_misc: bool) -> Iterator[Doc]:
    """Read a UNER ``.iob2`` file; ``with_misc`` adds DaN+ MISC/deriv where column 3 is O."""
    rows: list[list[str]] = []
    text: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("# text = "):
            text = line[len("# text = "):]
            continue
        if line.startswith("#"):
            continue
        if line.strip():
            rows.append(line.split("\t"))
            continue
        if rows:
            tags = []
            for row in rows:
                tag = row[2]
                if tag == "O" and with_misc and len(row) > 3:
                    tag = _danplus_misc(row[3])
                tags.append(tag)
            words = [row[1] for row in rows]
            yield _make_doc(vocab, words, spaces_from_text(words, text), tags)
        rows = []
        text = None


def uner_danish_docs(datasets: Path, split: str, vocab: Vocab, with_misc: bool = False) -> list[Doc]:
    path = datasets / "uner_danish-ddt" / f"da_ddt-ud-{split}.iob2"
    return list(read_uner(path, vocab, with_misc))
