"""Speed and memory of the analysis and of `screen redact`, side by side with plain Presidio.

Run: ``.venv/bin/python benchmarks/bench_analysis.py`` (or ``bash benchmarks/run.sh`` for all benchmarks);
on a shared machine pin it to one core (``taskset -c 1``), the condition of the figures in
docs/measurements.md. Prints figures, with the load average next to them; asserts nothing. Everything
is generated here, on this machine, in this run.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import subprocess
from collections import Counter
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SENTENCES = [
    "Pasienten {name} (fødselsnummer {fnr}) ble innlagt på Haukeland universitetssjukehus 3. mars.",
    "Ta kontakt med saksbehandler {name} på telefon {phone} eller e-post {email}.",
    "Kontrakten mellom Nordlys Eiendom AS og {name} gjelder leilighet i {street} {number}, {postcode} Oslo.",
    "Møtet i styret ble flyttet til torsdag fordi flere av medlemmene var på reise.",
    "Fakturanummer 2024-118734 forfaller til betaling 30. april, beløp kr 12 450,00.",
    "Etter avtale med {name} sendes dokumentene til kunden innen utgangen av uken.",
    "Prosjektet skal levere en ny versjon av nettsiden før sommeren, og budsjettet er godkjent.",
    "Beløpet utbetales til konto {account} så snart søknaden er behandlet.",
    "I henhold til arbeidsmiljøloven § 14-9 kan midlertidig ansettelse avtales i visse tilfeller.",
    "Kjære {first},\n\ntakk for søknaden din. Vi kommer tilbake til deg innen to uker.",
]


def _fodselsnummer(rng: random.Random) -> str:
    from stdnum.no import fodselsnummer

    while True:
        candidate = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(50, 99):02d}{rng.randint(0, 499):03d}"
        for check in range(100):
            number = candidate + f"{check:02d}"
            if fodselsnummer.is_valid(number):
                return number


def _account(rng: random.Random) -> str:
    from stdnum.no import kontonr

    while True:
        number = f"{rng.randint(1000, 9999)}{rng.randint(10, 99)}{rng.randint(10000, 99999)}"
        if kontonr.is_valid(number):
            return f"{number[:4]}.{number[4:6]}.{number[6:]}"


def make_records(count: int, seed: int = 7) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """Realistic paragraphs of Bokmål business text, about one in two with personal data.

    Each paragraph comes with the personal data planted in it: (kind, start, end).
    """
    from faker import Faker

    fake = Faker("no_NO")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    records = []
    for _ in range(count):
        text, planted = "", []
        for template in rng.sample(SENTENCES, 4):
            first, last = fake.first_name(), fake.last_name()
            # In this order the random draws give the texts of the earlier measurements.
            values = {
                "name": f"{first} {last}", "first": first, "fnr": _fodselsnummer(rng),
                "phone": f"{rng.randint(400, 999)} {rng.randint(10, 99)} {rng.randint(100, 999)}",
                "email": f"{first}.{last}@eksempel.no".lower(), "street": fake.street_name(),
                "number": rng.randint(1, 120), "postcode": f"{rng.randint(150, 1299):04d}", "account": _account(rng),
            }
            street, number, postcode = values["street"], values["number"], values["postcode"]
            if text:
                text += " "
            sentence_start = len(text)
            text += template.format(**values)
            values["address"] = f"{street} {number}, {postcode} Oslo"
            kinds = [k for k in ("name", "first", "fnr", "phone", "email", "account") if "{" + k + "}" in template]
            kinds += ["address"] if "{street}" in template else []
            for kind in kinds:
                start = text.index(str(values[kind]), sentence_start)
                planted.append((kind, start, start + len(str(values[kind]))))
        records.append((text, planted))
    return records


def make_texts(count: int, seed: int = 7) -> list[str]:
    return [text for text, _ in make_records(count, seed)]


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _time(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


Spans = list[list[tuple[str, int, int]]]  # per text: (entity type, start, end)


def _forget_words() -> None:
    """Empty the special-category look-up cache of words: each timed run starts as a new file would,
    not with the words of the run before (the same texts)."""
    from recognizers.special.lexicon import term_index

    getattr(term_index("nb"), "_cache", {}).clear()


def ours(texts: list[str]) -> tuple[float, Spans]:
    from screening.analysis import shared_analyzer

    analyzer = shared_analyzer()
    _forget_words()
    found = []
    started = time.perf_counter()
    for text in texts:
        found.append([(f.entity_type, f.start, f.end) for f in analyzer.analyze_text(text, "nb")])
    return time.perf_counter() - started, found


def ours_as_document(texts: list[str]) -> tuple[float, Spans]:
    """The path `screen` takes for a file: all segments of a document analysed together (packed into
    Presidio batches, their pieces through spaCy in one call)."""
    from screening.analysis import shared_analyzer
    from screening.document import Location, Segment

    analyzer = shared_analyzer()
    _forget_words()
    segments = [Segment(str(i), text, Location("bench")) for i, text in enumerate(texts)]
    started = time.perf_counter()
    findings = analyzer.analyze_segments(segments, {s.id: "nb" for s in segments})
    seconds = time.perf_counter() - started
    found: Spans = [[] for _ in texts]
    for f in findings:
        found[int(f.segment_id)].append((f.entity_type, f.start, f.end))
    return seconds, found


def plain_presidio(texts: list[str], same_backend: bool) -> tuple[float, Spans]:
    """What a user would otherwise run: Presidio's default recognizers with a spaCy pipeline of the same kind.

    ``same_backend`` gives it the matrix library `screen` uses (numpy's OpenBLAS); without it, spaCy's
    default (BLIS), as a user would have it out of the box.
    """
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from thinc.api import use_ops

    import spacy

    from screening.analysis import MODELS_DIR

    # Presidio's predefined recognizers exist for English only, so the pipeline is registered as "en":
    # the same trained Norwegian pipeline, whole (with its lemmatizer, which Presidio's context
    # enhancer uses), Presidio's own recognizers and context enhancer.
    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": str(MODELS_DIR / "nb")}])
    with use_ops("numpy", use_blis=not same_backend):
        engine.nlp = {"en": spacy.load(MODELS_DIR / "nb")}
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    for text in texts[:5]:  # first calls compile Presidio's patterns: outside the timing, as for ours
        analyzer.analyze(text=text, language="en", score_threshold=0.5)
    found = []
    started = time.perf_counter()
    for text in texts:
        found.append([(r.entity_type, r.start, r.end) for r in analyzer.analyze(text=text, language="en", score_threshold=0.5)])
    return time.perf_counter() - started, found


def planted_found(records, found: Spans) -> dict[str, tuple[int, int]]:
    """Per kind of planted value: (found by any finding that overlaps it, planted)."""
    counts: dict[str, list[int]] = {}
    for (_, planted), spans in zip(records, found):
        for kind, start, end in planted:
            entry = counts.setdefault(kind, [0, 0])
            entry[1] += 1
            entry[0] += any(s < end and e > start for _, s, e in spans)
    return {kind: (hit, total) for kind, (hit, total) in sorted(counts.items())}


def by_type(found: Spans) -> str:
    counts = Counter(entity for spans in found for entity, _, _ in spans)
    return ", ".join(f"{entity} {n}" for entity, n in counts.most_common())


def load() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


def end_to_end(folder: Path, count: int) -> dict[str, float]:
    import docx

    from screening.pipeline import Settings, run

    texts = make_texts(count * 3, seed=11)
    inputs = folder / "in"
    (inputs / "text").mkdir(parents=True)
    (inputs / "docx").mkdir(parents=True)
    for index in range(count):
        (inputs / "text" / f"doc{index}.txt").write_text("\n\n".join(texts[index * 3:index * 3 + 3]), encoding="utf-8")
        document = docx.Document()
        for paragraph in texts[index * 3:index * 3 + 3]:
            document.add_paragraph(paragraph)
        document.save(inputs / "docx" / f"doc{index}.docx")
    rates = {}
    for kind in ("text", "docx"):
        seconds = _time(run, [inputs / kind], Settings(), folder / f"out-{kind}")
        rates[kind] = count / seconds
    return rates


def twenty_page_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    texts = make_texts(120, seed=3)  # about 20 pages of A4 at ~450 words a page
    for index, text in enumerate(texts):
        if index % 12 == 0:
            document.add_heading(f"Kapittel {index // 12 + 1}", level=1)
        document.add_paragraph(text)
    table = document.add_table(rows=20, cols=3)
    for row, text in zip(table.rows, texts):
        row.cells[0].text, row.cells[1].text, row.cells[2].text = text[:40], text[40:80], text[80:120]
    document.save(path)


def command_times(arguments: list[str], repeat: int = 3) -> list[float]:
    screen = str(Path(sys.executable).with_name("screen"))
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([screen, *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return times


def command_seconds(arguments: list[str], repeat: int = 3) -> float:
    return statistics.median(command_times(arguments, repeat))


def main() -> None:
    # One BLAS thread, as `screen` runs (see screening/cli.py); read when numpy loads, below.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}, {load()} (1-minute average)")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        small = folder / "small.txt"
        small.write_text("Kjære Kari Nordmann, ring meg på 412 55 983.\n", encoding="utf-8")
        print(f"start-up: `screen --help` {command_seconds(['--help']):.2f} s, "
              f"`screen scan` of a one-line file {command_seconds(['scan', str(small)]):.2f} s ({load()})")
        big = folder / "report20.docx"
        twenty_page_docx(big)
        times = command_times(['redact', str(big), '--out', str(folder / 'o20'), '-q'], repeat=3)
        print(f"`screen redact` of a 20-page DOCX, start-up included: median {statistics.median(times):.2f} s "
              f"(runs {', '.join(f'{t:.2f}' for t in times)}; {load()})")

        records = make_records(200)
        texts = [text for text, _ in records]
        characters = sum(len(t) for t in texts)
        ours(texts[:5])  # build the engine outside the timing
        our_seconds, our_found = ours(texts)
        document_seconds, document_found = ours_as_document(texts)
        stock_seconds, stock_found = plain_presidio(texts, same_backend=False)
        plain_seconds, plain_found = plain_presidio(texts, same_backend=True)
        print(f"analysis, {len(texts)} texts, {characters:,} characters, one process ({load()}):")
        rows = (
            ("screen, one call per text", our_seconds, our_found),
            ("screen, as one document (the path `screen` takes for a file)", document_seconds, document_found),
            ("plain Presidio, spaCy's default BLAS (BLIS)", stock_seconds, stock_found),
            ("plain Presidio, the same BLAS as screen (OpenBLAS)", plain_seconds, plain_found),
        )
        for label, seconds, found in rows:
            planted = planted_found(records, found)
            hit, total = sum(h for h, _ in planted.values()), sum(t for _, t in planted.values())
            print(f"  {label:<62} {characters / seconds:>8,.0f} chars/s  {sum(map(len, found))} findings, "
                  f"{hit}/{total} planted values overlapped")
            print(f"      by type: {by_type(found)}")
            print(f"      planted found: {', '.join(f'{k} {h}/{t}' for k, (h, t) in planted.items())}")
        print(f"  ratio (screen / plain Presidio, same BLAS): {plain_seconds / our_seconds:.2f}x per text, "
              f"{plain_seconds / document_seconds:.2f}x as a document")
        print(f"  ratio (screen / plain Presidio, default BLAS): {stock_seconds / our_seconds:.2f}x per text, "
              f"{stock_seconds / document_seconds:.2f}x as a document")

        print("scaling (same texts repeated):")
        base = None
        for factor in (1, 4, 16):
            seconds, _ = ours(texts[:25] * factor)
            base = base or seconds
            print(f"  {factor:>2}x  {seconds:7.2f} s  ({seconds / base:5.2f} x the 1x time)")

        rates = end_to_end(folder, 40)
        print(f"end to end (`Job.process` with verification): text {rates['text']:.1f} docs/s, "
              f"DOCX {rates['docx']:.1f} docs/s ({load()})")
    print(f"peak memory of this process: {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
