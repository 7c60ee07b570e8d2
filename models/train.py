"""Build the shipped NER pipelines: ``python -m models.train``.

Steps (each can be run alone, see ``--help``):

1. ``convert``: read NorNE (nob, nno) and UNER Danish from the shared datasets folder, add the
   synthetic form/letter/contract sentences of ``augment.py``, and write ``models/corpus/*.spacy``.
2. ``train``: one joint nb+nn+da run of ``models/config.cfg`` (CNN tok2vec, NER, and an edit-tree
   lemmatizer learnt from NorNE's gold lemmas) into ``models/training/``.
3. ``package``: write ``models/nb``, ``models/nn`` and ``models/da`` from ``model-best``. The NER
   weights are shared; nb and nn keep the trained lemmatizer, da gets spaCy's lookup lemmatizer
   with the spacy-lookups-data ``da`` table (NorNE has no Danish lemmas).

Corpora and checkpoints stay in ``models/corpus`` and ``models/training`` (git-ignored); only the
three packaged pipelines are meant to be committed.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.util import load_language_data, registry
from spacy.tokens import Doc, DocBin

from models.augment import synthetic_docs
from models.datasets import find_datasets_dir, norne_docs, uner_danish_docs

MODELS_DIR = Path(__file__).resolve().parent
REPO_ROOT = MODELS_DIR.parent
CORPUS_DIR = MODELS_DIR / "corpus"
TRAINING_DIR = MODELS_DIR / "training"
CONFIG = MODELS_DIR / "config.cfg"
VERSION = "1.0.0"

# Danish has a fifth of the Norwegian data; repeating it keeps the joint model from treating
# Danish as an afterthought.
DANISH_REPEAT = 2
# Synthetic sentences per language: about 3 % of the training tokens.
SYNTHETIC_PER_LANGUAGE = 600
DEFAULT_MAX_STEPS = 11000  # the shipped run; dev F1 had plateaued

LICENCE_NOTE = {
    "nb": "CC BY-SA 4.0 (weights trained jointly with UNER Danish, CC BY-SA 4.0; NorNE CC0)",
    "nn": "CC BY-SA 4.0 (weights trained jointly with UNER Danish, CC BY-SA 4.0; NorNE CC0)",
    "da": "CC BY-SA 4.0 (UNER Danish / DaN+ annotations, CC BY-SA 4.0; NorNE CC0)",
}


def _save(docs: list[Doc], path: Path) -> None:
    bin_ = DocBin(attrs=["ORTH", "LEMMA", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    for doc in docs:
        bin_.add(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    bin_.to_disk(path)


def convert(datasets: Path) -> None:
    nb = spacy.blank("nb")
    da = spacy.blank("da")
    train: list[Doc] = []
    dev: list[Doc] = []
    for variant in ("nob", "nno"):
        train += norne_docs(datasets, variant, "train", nb.vocab)
        dev += norne_docs(datasets, variant, "dev", nb.vocab)
    train += uner_danish_docs(datasets, "train", nb.vocab, with_misc=True) * DANISH_REPEAT
    dev += uner_danish_docs(datasets, "dev", nb.vocab, with_misc=True)
    for seed, lang in enumerate(("nb", "nn", "da")):
        tokenizer = da if lang == "da" else nb
        train += synthetic_docs(tokenizer, lang, SYNTHETIC_PER_LANGUAGE, seed=seed)
    random.Random(0).shuffle(train)
    _save(train, CORPUS_DIR / "train.spacy")
    _save(dev, CORPUS_DIR / "dev.spacy")
    tokens = sum(len(doc) for doc in train)
    print(f"train: {len(train)} docs, {tokens} tokens; dev: {len(dev)} docs", flush=True)


def train(max_steps: int) -> None:
    command = [
        sys.executable, "-m", "spacy", "train", str(CONFIG),
        "--output", str(TRAINING_DIR),
        "--paths.train", str(CORPUS_DIR / "train.spacy"),
        "--paths.dev", str(CORPUS_DIR / "dev.spacy"),
        "--training.max_steps", str(max_steps),
    ]
    started = time.monotonic()
    subprocess.run(command, check=True)
    print(f"training took {(time.monotonic() - started) / 60:.1f} min", flush=True)


def _set_meta(nlp: Language, lang: str) -> None:
    nlp.meta.update({
        "name": f"screen_{lang}_ner",
        "version": VERSION,
        "description": f"NER (PER, ORG, LOC, MISC) and lemmas for '{lang}', trained for the "
                       "screen GDPR tool; see models/README.md",
        "license": LICENCE_NOTE[lang],
        "sources": [
            {"name": "NorNE", "url": "https://github.com/ltgoslo/norne", "license": "CC0 (annotations)"},
            {"name": "UNER Danish-DDT", "url": "https://github.com/UniversalNER/UNER_Danish-DDT",
             "license": "CC BY-SA 4.0"},
            {"name": "Faker no_NO / da_DK names (synthetic sentences)",
             "url": "https://github.com/joke2k/faker", "license": "MIT"},
        ],
    })


def danish_lemma_lookups() -> Lookups:
    """spacy-lookups-data's ``da`` lemma table without its identity entries.

    The lookup lemmatizer falls back to the word itself, so entries that map a word to itself
    only cost space in the shipped pipeline.
    """
    table = load_language_data(registry.lookups.get("da")["lemma_lookup"])
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {form: lemma for form, lemma in table.items() if form != lemma})
    return lookups


def package(best: Path) -> None:
    for lang in ("nb", "nn"):
        nlp = spacy.load(best)
        _set_meta(nlp, lang)
        nlp.to_disk(MODELS_DIR / lang)
    trained = spacy.load(best, exclude=["trainable_lemmatizer"])
    da = spacy.blank("da")
    da.add_pipe("tok2vec", source=trained)
    da.add_pipe("ner", source=trained)
    lemmatizer = da.add_pipe("lemmatizer", config={"mode": "lookup"})
    lemmatizer.initialize(lookups=danish_lemma_lookups())
    _set_meta(da, "da")
    da.to_disk(MODELS_DIR / "da")
    for lang in ("nb", "nn", "da"):
        size = sum(f.stat().st_size for f in (MODELS_DIR / lang).rglob("*") if f.is_file())
        print(f"models/{lang}: {size / 1e6:.1f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("steps", nargs="*", default=["convert", "train", "package"],
                        choices=["convert", "train", "package"])
    parser.add_argument("--datasets", type=Path, default=None,
                        help="shared datasets folder (default /work/shared/datasets or ../shared/datasets)")
    parser.add_argument("--max-steps", type=int, default=DEFAULT_MAX_STEPS)
    args = parser.parse_args()
    if "convert" in args.steps:
        convert(args.datasets or find_datasets_dir(REPO_ROOT))
    if "train" in args.steps:
        train(args.max_steps)
    if "package" in args.steps:
        package(TRAINING_DIR / "model-best")


if __name__ == "__main__":
    main()
