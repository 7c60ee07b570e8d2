"""Benchmark of ``screen tm``: clean a generated TMX memory of 100,000 units, streaming, on both cores.

    .venv/bin/python benchmarks/bench_tm.py [--units 100000] [--workers 2] [--policy redact]

The memory (Bokmål -> English, fictitious people from Faker's no_NO provider, some units with health
data, identity numbers, phone numbers, e-mail addresses, bold codes around names, user logins in
creationid/changeid) is generated once under benchmarks/_generated/ (git-ignored) and reused. Prints
the wall time, units per second, and the peak resident memory of the main process and of the largest
worker process. Target (issue 7): under 3 minutes with both cores, under 500 MB per process.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
GENERATED = Path(__file__).resolve().parent / "_generated"
sys.path.insert(0, str(ROOT))

NEUTRAL = [
    ("Klikk på Neste for å fortsette.", "Click Next to continue."),
    ("Innstillingene er lagret.", "The settings have been saved."),
    ("Dokumentet er sendt til godkjenning.", "The document has been sent for approval."),
    ("Velg en mappe for eksporten.", "Choose a folder for the export."),
    ("Tilkoblingen til serveren ble brutt.", "The connection to the server was lost."),
    ("Bruk søkefeltet for å finne en sak.", "Use the search field to find a case."),
    ("Endringene trer i kraft fra neste måned.", "The changes take effect from next month."),
    ("Skjemaet må fylles ut på nytt.", "The form must be filled in again."),
    ("Prisene er oppgitt uten merverdiavgift.", "Prices are given without VAT."),
    ("Kurset varer i to dager, og deltakerne får et kursbevis etterpå.",
     "The course lasts two days, and participants receive a certificate afterwards."),
    ("Rapporten beskriver resultatene fra undersøkelsen i fjor.", "The report describes last year's survey results."),
    ("Trykk på Lagre før du lukker vinduet.", "Press Save before you close the window."),
]
PERSONAL = [
    ("Kontakt {b}{name}{/b} på telefon {phone}.", "Contact {b}{name}{/b} on phone {phone}."),
    ("{name} har godkjent søknaden.", "{name} has approved the application."),
    ("Send spørsmål til {email}.", "Send questions to {email}."),
    ("Møtet ledes av {name}.", "The meeting is chaired by {name}."),
]
HEALTH = [
    ("Pasienten {name} ble innlagt med lungebetennelse.", "The patient {name} was admitted with pneumonia."),
    ("{name} har diabetes og bruker insulin.", "{name} has diabetes and takes insulin."),
]
IDENTIFIER = [("Fødselsnummer: {fnr}", "National identity number: {fnr}")]
# Appended to neutral units so that, as in a real memory, few units repeat exactly.
CLAUSES = [
    (" Se avsnitt {n}.", " See section {n}."),
    (" Gjelder versjon {n}.", " Applies to version {n}."),
    (" Feilkode {n}.", " Error code {n}."),
    (" Maks {n} tegn.", " At most {n} characters."),
    (" Det tar omtrent {n} sekunder.", " It takes about {n} seconds."),
    ("", ""),
]


def _fodselsnummer(rng: random.Random) -> str:
    from stdnum.no import fodselsnummer

    while True:
        base = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(50, 99):02d}{rng.randint(0, 499):03d}"
        for check in range(100):
            candidate = base + f"{check:02d}"
            if fodselsnummer.is_valid(candidate):
                return candidate


def generate(path: Path, units: int, seed: int = 7) -> None:
    from faker import Faker

    rng = random.Random(seed)
    fake = Faker("no_NO")
    fake.seed_instance(seed)
    people = [f"{fake.first_name()} {fake.last_name()}" for _ in range(2000)]
    logins = [f"{fake.first_name().lower()}.{fake.last_name().lower()}" for _ in range(25)]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n'
                  '<header creationtool="bench_tm" creationtoolversion="1" segtype="sentence" o-tmf="TMX" '
                  'adminlang="en-GB" srclang="nb-NO" datatype="plaintext"/>\n<body>\n')
        for number in range(1, units + 1):
            draw = rng.random()
            pool = HEALTH if draw < 0.05 else IDENTIFIER if draw < 0.07 else PERSONAL if draw < 0.35 else NEUTRAL
            nb, en = rng.choice(pool)
            name = rng.choice(people)
            values = {
                "name": name,
                "phone": f"9{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(100, 999)}",
                "email": name.lower().replace(" ", ".").replace("æ", "ae").replace("ø", "o").replace("å", "a")
                + "@eksempel.no",
                "fnr": _fodselsnummer(rng) if pool is IDENTIFIER else "",
            }

            def render(template: str) -> str:
                text = escape(template.replace("{b}", "\x01").replace("{/b}", "\x02").format(**values))
                return text.replace("\x01", '<bpt i="1">&lt;b&gt;</bpt>').replace("\x02", '<ept i="1">&lt;/b&gt;</ept>')

            if pool is NEUTRAL:
                clause_nb, clause_en = rng.choice(CLAUSES)
                number_text = str(rng.randint(2, 999))
                nb, en = nb + clause_nb.replace("{n}", number_text), en + clause_en.replace("{n}", number_text)
            login = rng.choice(logins)
            out.write(f'<tu tuid="{number}" creationid="{login}" changeid="{login}">'
                      f'<tuv xml:lang="nb-NO"><seg>{render(nb)}</seg></tuv>'
                      f'<tuv xml:lang="en-GB"><seg>{render(en)}</seg></tuv></tu>\n')
        out.write("</body>\n</tmx>\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--policy", choices=("redact", "drop"), default="redact")
    parser.add_argument("--batch-units", type=int, default=None)
    args = parser.parse_args()

    from screening.pipeline import Job, Settings
    from screening.tm import BATCH_UNITS, clean_tm

    source = GENERATED / f"memory-{args.units}.tmx"
    if not source.exists():
        started = time.perf_counter()
        generate(source, args.units)
        print(f"generated {source} ({source.stat().st_size / 2**20:.1f} MiB) in {time.perf_counter() - started:.1f} s")
    out = GENERATED / f"memory-{args.units}.clean.tmx"
    started = time.perf_counter()
    job = Job(Settings(), analyzer=None) if args.workers == 1 else _job_without_engine()
    done = [0]

    def progress(units: int) -> None:
        if units - done[0] >= 10_000:
            done[0] = units
            print(f"  {units} units, {time.perf_counter() - started:.0f} s, {_cpu_seconds():.0f} CPU s in the main process", flush=True)

    report = clean_tm(source, out, job, policy=args.policy, workers=args.workers,
                      batch_units=args.batch_units or BATCH_UNITS, progress=progress)
    elapsed = time.perf_counter() - started
    main_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"units: {report.units}  kept: {report.kept}  redacted: {report.redacted}  dropped: {report.dropped}")
    print(f"time: {elapsed:.1f} s ({report.units / elapsed:.0f} units/s) with {args.workers} worker process(es)")
    print(f"peak memory: main process {main_peak:.0f} MB; largest worker process {worker_peak:.0f} MB")
    cpu = _cpu_seconds()
    print(f"CPU time, all processes: {cpu:.0f} s ({1000 * cpu / report.units:.1f} ms per unit); "
          f"on {args.workers} free cores that is about {cpu / args.workers:.0f} s of wall time")


def _cpu_seconds() -> float:
    """User and system time of this process and of its finished children (the workers, after the run)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _job_without_engine():
    """The main process of a multi-worker run plans and writes; its engine is only built if it is needed."""
    from screening.pipeline import Job, Settings
    from screening.tm import DeferredAnalyzer

    return Job(Settings(), analyzer=DeferredAnalyzer())


if __name__ == "__main__":
    main()
