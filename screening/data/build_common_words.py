"""Builds ``common_words.txt.gz``: words that the treebanks write in lower case (python screening/data/build_common_words.py).

Source: the Norwegian Dependency Treebank (NorNE train split, Bokmål and Nynorsk; annotations CC0)
and the Danish UD-DDT train split (CC BY-SA 4.0), from ../shared/datasets; for English, the most
frequent lower-case words of spacy-lookups-data's ``en_lexeme_prob`` table, and for Danish the base
forms of its ``da_lemma_lookup`` table (both MIT). A word that stands in lower
case mid-sentence is a common word; the analysis uses the list to drop "names" the statistical model
makes of capitalised common words ("Arbeidsgiver", "Prøvetiden"). Only the word list is kept, no text.
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).with_name("common_words.txt.gz")
MIN_COUNT = 2


def _datasets() -> Path:
    for candidate in (ROOT.parent / "shared" / "datasets", Path("/work/shared/datasets")):
        if candidate.is_dir():
            return candidate
    sys.exit("../shared/datasets not found")


def _lowercase_tokens(tokens: list[str]) -> list[str]:
    # The first token of a sentence is capitalised whatever it is; only later tokens tell.
    return [t for t in tokens[1:] if t.isalpha() and t[0].islower() and len(t) > 1]


ENGLISH_MIN_LOG_PROB = -12.0


def _english() -> set[str]:
    import json

    import spacy_lookups_data

    table = Path(spacy_lookups_data.__file__).with_name("data") / "en_lexeme_prob.json.gz"
    probabilities = json.loads(gzip.decompress(table.read_bytes()))
    return {w for w, p in probabilities.items() if p >= ENGLISH_MIN_LOG_PROB and w.isalpha() and w.islower() and len(w) > 1}


def _danish_base_forms() -> set[str]:
    """The base forms (lemmas) of spacy-lookups-data's Danish lookup table (from DDT and Danish word lists)."""
    import json

    import spacy_lookups_data

    table = Path(spacy_lookups_data.__file__).with_name("data") / "da_lemma_lookup.json.gz"
    lemmas = json.loads(gzip.decompress(table.read_bytes())).values()
    return {w for w in lemmas if isinstance(w, str) and w.isalpha() and w.islower() and len(w) > 1}


def main() -> None:
    datasets = _datasets()
    counts: Counter[str] = Counter()
    for conll in sorted((datasets / "norne" / "ndt").glob("*/*.conll")):
        sentence: list[str] = []
        for line in conll.read_text(encoding="utf-8").splitlines() + [""]:
            if not line.strip():
                counts.update(_lowercase_tokens(sentence))
                sentence = []
                continue
            columns = line.split("\t")
            sentence.append(columns[1])
            lemma = columns[2]
            # The lemma of a common word is written in lower case ("merknad" for "Merknader").
            if lemma.isalpha() and lemma.islower() and len(lemma) > 1 and "prop" not in columns[5]:
                counts[lemma] += MIN_COUNT
    for iob in sorted((datasets / "uner_danish-ddt").glob("*train*.iob2")):
        sentence = []
        for line in iob.read_text(encoding="utf-8").splitlines() + [""]:
            if not line.strip():
                counts.update(_lowercase_tokens(sentence))
                sentence = []
                continue
            if not line.startswith("#"):
                sentence.append(line.split("\t")[1])
    words = {word.lower() for word, count in counts.items() if count >= MIN_COUNT}
    words |= _english()
    words |= _danish_base_forms()
    words = sorted(words)
    data = ("\n".join(words) + "\n").encode("utf-8")
    OUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))  # mtime 0: the same bytes every build
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
