"""Files per second of `screen batch` on generated documents, with 1 and 2 workers.

    .venv/bin/python benchmarks/bench_batch.py [--files 200] [--workers 1 2] [--keep DIR]

Generates ``--files`` small documents (a third each DOCX, XLSX and text; Norwegian and Danish
letters, staff lists and notes about made-up people, with fødselsnumre/CPR numbers that have valid
check digits but belong to no one), then runs a fresh batch over them per worker count and prints:

- wall: files / seconds for the whole run, worker start-up (building the engine) included;
- steady: files / seconds from the first file finished to the last, i.e. once the engines are up.

The machine's other load counts in the figures: run it on a quiet machine to compare.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import docx
import openpyxl
from faker import Faker

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screening.batch import BatchOptions, run_batch  # noqa: E402
from screening.pipeline import Settings  # noqa: E402


def fodselsnummer(rng: random.Random) -> str:
    """A fictitious Norwegian fødselsnummer (born 1940-1999) with valid mod-11 check digits."""
    while True:
        digits = [int(c) for c in f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(40, 99):02d}"
                  f"{rng.randint(0, 499):03d}"]
        k1 = (11 - sum(w * d for w, d in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), digits)) % 11) % 11
        k2 = (11 - sum(w * d for w, d in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), digits + [k1])) % 11) % 11
        if k1 != 10 and k2 != 10:
            return "".join(map(str, digits + [k1, k2]))


def cpr(rng: random.Random) -> str:
    """A fictitious Danish CPR number (born 1940-1999, 7th digit 0-3): date plus four digits."""
    return f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(40, 99):02d}-{rng.randint(0, 3)}{rng.randint(0, 999):03d}"


def phone(rng: random.Random) -> str:
    return f"{rng.choice('49')}{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(100, 999)}"


def letter_lines(fake: Faker, rng: random.Random, danish: bool) -> list[str]:
    name, colleague = fake.name(), fake.name()
    number = cpr(rng) if danish else fodselsnummer(rng)
    if danish:
        return [f"Til {name}", f"{fake.street_address()}, {fake.postcode()} {fake.city()}",
                f"Vedrørende din ansøgning. CPR-nummer: {number}.",
                f"Kontakt venligst {colleague} på telefon {phone(rng)} eller {fake.free_email()}.",
                "Med venlig hilsen", colleague]
    return [f"Til {name}", f"{fake.street_address()}, {fake.postcode()} {fake.city()}",
            f"Vi viser til søknaden din. Fødselsnummer: {number}.",
            f"Ta kontakt med {colleague} på telefon {phone(rng)} eller {fake.free_email()} om du har spørsmål.",
            "Med vennlig hilsen", colleague]


def generate(folder: Path, count: int, seed: int = 2026) -> dict[str, int]:
    rng = random.Random(seed)
    fakers = {False: Faker("no_NO"), True: Faker("da_DK")}
    for fake in fakers.values():
        fake.seed_instance(seed)
    made = {"docx": 0, "xlsx": 0, "txt": 0}
    for index in range(count):
        danish = index % 4 == 3
        fake = fakers[danish]
        kind = ("docx", "xlsx", "txt")[index % 3]
        target = folder / f"kunde-{index % 7}" / f"dokument-{index:03d}.{kind}"
        target.parent.mkdir(parents=True, exist_ok=True)
        if kind == "docx":
            document = docx.Document()
            for line in letter_lines(fake, rng, danish):
                document.add_paragraph(line)
            document.core_properties.author = fake.name()
            document.save(target)
        elif kind == "xlsx":
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.title = "Ansatte"
            sheet.append(["Navn", "CPR-nummer" if danish else "Fødselsnummer", "Telefon", "E-post"])
            for _ in range(6):
                sheet.append([fake.name(), cpr(rng) if danish else fodselsnummer(rng), phone(rng), fake.free_email()])
            book.save(target)
        else:
            target.write_text("\n".join(letter_lines(fake, rng, danish)) + "\n", encoding="utf-8")
        made[kind] += 1
    return made


class _Clock:
    def __init__(self) -> None:
        self.done: list[float] = []

    def add_total(self, count: int) -> None:
        pass

    def file_done(self, relative: Path, result) -> None:
        self.done.append(time.monotonic())


def measure(inbox: Path, workers: int, scratch: Path) -> dict[str, float]:
    outbox = scratch / f"out-{workers}"
    shutil.rmtree(outbox, ignore_errors=True)
    clock = _Clock()
    started = time.monotonic()
    summary = run_batch(inbox, outbox, Settings(), BatchOptions(workers=workers, time_limit=600), reporter=clock)
    wall = time.monotonic() - started
    files = len(summary.results)
    failed = sum(1 for r in summary.results if r.status != "ok")
    steady = (len(clock.done) - 1) / (clock.done[-1] - clock.done[0]) if len(clock.done) > 1 else float("nan")
    return {"files": files, "failed": failed, "wall_s": wall, "wall_fps": files / wall, "steady_fps": steady}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args()
    scratch = args.keep or Path(tempfile.mkdtemp(prefix="bench-batch-"))
    inbox = scratch / "inbox"
    shutil.rmtree(inbox, ignore_errors=True)
    made = generate(inbox, args.files)
    print(f"{args.files} documents: " + ", ".join(f"{n} {kind}" for kind, n in made.items()), flush=True)
    for workers in args.workers:
        figures = measure(inbox, workers, scratch)
        print(f"workers={workers}: {figures['files']} files ({figures['failed']} not ok) in {figures['wall_s']:.1f} s; "
              f"wall {figures['wall_fps']:.2f} files/s (engine start-up included), "
              f"steady {figures['steady_fps']:.2f} files/s", flush=True)
    if not args.keep:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
