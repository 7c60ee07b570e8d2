"""The vault: what `screen restore` needs to put the originals back, encrypted and authenticated.

A vault file holds, for one job (one or more ``screen redact`` runs that share it): placeholder ->
original value, the pseudonyms of ``--mode pseudonym``, the state of the job's placeholder numbering (so
that the next run gives a known person the same placeholder), and per sanitized file how often each
placeholder was written (so that restore can tell a placeholder the translator deleted or duplicated).

File format, version 1: UTF-8 JSON ::

    {"format": "screen-vault", "version": 1, "cipher": "AES-256-GCM",
     "kdf": {"name": "argon2id", "salt": "<b64>", "iterations": 3, "memory_kib": 65536, "lanes": 4},
     "nonce": "<b64, 12 bytes>", "ciphertext": "<b64: encrypted JSON content + 16-byte GCM tag>"}

- Cipher: AES-256-GCM (``cryptography``), a fresh random 96-bit nonce on every save. The header (every
  field but nonce and ciphertext, canonical JSON) is the associated data, so a changed KDF name or
  parameter fails authentication like a changed ciphertext does.
- Key from a passphrase: Argon2id (RFC 9106, second recommended parameter set: t=3, 64 MiB, 4 lanes)
  where ``cryptography`` has it, else scrypt (n=2^15, r=8, p=1); 16-byte random salt per vault. A vault
  records its KDF, so a vault made with either opens anywhere ``cryptography`` supports that KDF.
- Key from a key file (``--key-file``, at least 32 bytes, e.g. ``head -c 32 /dev/urandom``): HKDF-SHA256
  over the file's bytes with the vault's salt.
- The passphrase comes from the environment variable ``SCREEN_VAULT_PASSPHRASE`` or a hidden prompt,
  never from a command-line argument (those show in ``ps`` and in shell history).
- The file is written to a temporary file created 0600 in the same folder, flushed to disk and renamed
  over the old vault, so a crash leaves the old vault or the new one, never half of one. Runs that share
  a vault take an exclusive lock on ``FILE.lock`` from loading to saving.

A wrong key and a tampered file are indistinguishable under GCM by design; both raise :class:`VaultError`
and nothing is decrypted.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import fcntl
import json
import logging
import os
import secrets
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from screening.placeholders import PlaceholderBook

logger = logging.getLogger(__name__)

FORMAT, VERSION, CIPHER = "screen-vault", 1, "AES-256-GCM"
PASSPHRASE_ENV = "SCREEN_VAULT_PASSPHRASE"
MIN_PASSPHRASE = 8
MIN_KEY_FILE_BYTES = 32
ARGON2 = {"name": "argon2id", "iterations": 3, "memory_kib": 64 * 1024, "lanes": 4}
SCRYPT = {"name": "scrypt", "n": 2**15, "r": 8, "p": 1}
KEY_FILE_KDF = "hkdf-sha256"
# Refuse parameters that would make opening a (hostile) vault take minutes or gigabytes.
_MAX_MEMORY_KIB = 1024 * 1024
_MAX_ITERATIONS = 64


class VaultError(Exception):
    """The vault cannot be opened or saved; one line for a person, never a value."""


try:  # cryptography >= 44
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
except ImportError:  # pragma: no cover - depends on the installed cryptography
    Argon2id = None


def default_kdf() -> str:
    return "argon2id" if Argon2id is not None else "scrypt"


# Key sources ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeySource:
    """Where the key comes from: a passphrase or the bytes of a key file (never both)."""

    passphrase: bytes | None = None
    key_file: bytes | None = None
    description: str = ""

    @classmethod
    def from_passphrase(cls, passphrase: str, description: str = "passphrase") -> KeySource:
        if len(passphrase) < MIN_PASSPHRASE:
            raise VaultError(f"the vault passphrase must have at least {MIN_PASSPHRASE} characters")
        return cls(passphrase=passphrase.encode("utf-8"), description=description)

    @classmethod
    def from_key_file(cls, path: Path) -> KeySource:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise VaultError(f"{path}: cannot read the key file ({error.strerror})") from None
        if _is_text(data):  # an editor may add or drop the final newline of a base64 or hex key
            data = data.rstrip(b"\r\n")
        if len(data) < MIN_KEY_FILE_BYTES:
            raise VaultError(f"{path}: a key file must hold at least {MIN_KEY_FILE_BYTES} bytes of random data")
        if path.stat().st_mode & 0o077:
            logger.warning("%s: the key file can be read by other users (chmod 600 it)", path)
        return cls(key_file=data, description=f"key file {path.name}")

    @classmethod
    def from_environment(cls, key_file: Path | None, environ: Mapping[str, str] = os.environ) -> KeySource | None:
        """The key file when given, else the passphrase in SCREEN_VAULT_PASSPHRASE, else None."""
        if key_file is not None:
            return cls.from_key_file(key_file)
        passphrase = environ.get(PASSPHRASE_ENV)
        if passphrase:
            return cls.from_passphrase(passphrase, f"${PASSPHRASE_ENV}")
        return None

    def derive(self, kdf: Mapping[str, Any]) -> bytes:
        salt = _b64decode(kdf.get("salt", ""), "salt")
        name = kdf.get("name")
        if self.key_file is not None:
            if name != KEY_FILE_KDF:
                raise VaultError("this vault is protected by a passphrase, not a key file")
            return HKDF(hashes.SHA256(), 32, salt, b"screen-vault v1 key file").derive(self.key_file)
        if self.passphrase is None:
            raise VaultError("no vault key")
        if name == KEY_FILE_KDF:
            raise VaultError("this vault is protected by a key file (--key-file), not a passphrase")
        if name == "argon2id":
            if Argon2id is None:
                raise VaultError("this vault uses Argon2id, which the installed cryptography lacks")
            memory, iterations, lanes = int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"])
            if memory > _MAX_MEMORY_KIB or iterations > _MAX_ITERATIONS or not 1 <= lanes <= 16:
                raise VaultError("the vault's key-derivation parameters are out of range")
            return Argon2id(salt=salt, length=32, iterations=iterations, lanes=lanes,
                            memory_cost=memory).derive(self.passphrase)
        if name == "scrypt":
            n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
            if n * r * 128 > _MAX_MEMORY_KIB * 1024 or p > 16:
                raise VaultError("the vault's key-derivation parameters are out of range")
            return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(self.passphrase)
        raise VaultError(f"unknown key derivation {name!r} in the vault")

    def new_kdf(self, name: str | None = None) -> dict[str, Any]:
        salt = _b64encode(secrets.token_bytes(16))
        if self.key_file is not None:
            return {"name": KEY_FILE_KDF, "salt": salt}
        parameters = ARGON2 if (name or default_kdf()) == "argon2id" else SCRYPT
        return {**parameters, "salt": salt}


def _is_text(data: bytes) -> bool:
    try:
        return data.decode("ascii").strip().isprintable()
    except UnicodeDecodeError:
        return False


def _b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64decode(value: Any, what: str) -> bytes:
    try:
        return base64.b64decode(str(value), validate=True)
    except (ValueError, TypeError):
        raise VaultError(f"the vault is damaged ({what} is not base64)") from None


# The content ---------------------------------------------------------------------------------------


@dataclass
class Entry:
    """One placeholder of the job: its entity type, its original, and (pseudonym mode) its stand-ins.

    ``variants`` maps each pseudonym written into a copy to the original spelling it stood for
    ("Hansen" -> "Nordmann" when the document named the person by surname only).
    """

    entity_type: str
    original: str
    pseudonym: str | None = None
    variants: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.entity_type, "original": self.original, "pseudonym": self.pseudonym,
                "variants": dict(self.variants)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Entry:
        return cls(str(data["type"]), str(data["original"]), data.get("pseudonym"), dict(data.get("variants") or {}))


@dataclass
class FileRecord:
    """What was written into one sanitized file: placeholder counts, and the spellings in text order.

    ``spellings`` lists, per placeholder, the original text at each of its places in the file
    ("Kari Nordmann", "Karis" -> "Kari"...); ``source_spellings`` the same for the source segments of a
    bilingual file only. ``unnumbered`` counts the placeholders of special-category terms ("[HEALTH]"),
    which have no number and so cannot be put back; their values are not kept.
    """

    placeholders: dict[str, int] = field(default_factory=dict)
    spellings: dict[str, list[str]] = field(default_factory=dict)
    source_spellings: dict[str, list[str]] = field(default_factory=dict)
    unnumbered: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"placeholders": self.placeholders, "spellings": self.spellings,
                "source_spellings": self.source_spellings, "unnumbered": self.unnumbered}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FileRecord:
        return cls({p: int(n) for p, n in data.get("placeholders", {}).items()},
                   {p: list(v) for p, v in data.get("spellings", {}).items()},
                   {p: list(v) for p, v in data.get("source_spellings", {}).items()},
                   {p: int(n) for p, n in data.get("unnumbered", {}).items()})

    @classmethod
    def from_written(cls, written: Iterable[tuple[str, str, str]], known: set[str]) -> FileRecord:
        record = cls()
        for placeholder, original, kind in written:
            if kind == "attachment":
                continue  # a PDF's attachments are removed from its sanitized copy, their placeholders with them
            if placeholder not in known:
                record.unnumbered[placeholder] = record.unnumbered.get(placeholder, 0) + 1
                continue
            record.placeholders[placeholder] = record.placeholders.get(placeholder, 0) + 1
            record.spellings.setdefault(placeholder, []).append(original)
            if kind == "source":
                record.source_spellings.setdefault(placeholder, []).append(original)
        return record


def entity_type_of(placeholder: str) -> str:
    """"[NO_FODSELSNUMMER_3]" -> "NO_FODSELSNUMMER"."""
    return placeholder.strip("[]").rsplit("_", 1)[0]


def book_state(book: PlaceholderBook) -> dict[str, Any]:
    """The numbering state of a placeholder book as JSON-ready data (see :func:`book_from_state`)."""
    return {
        "numbers": [[entity_type, key, number] for (entity_type, key), number in book._numbers.items()],
        "counters": dict(book._counters),
        "originals": dict(book._originals),
        "name_tokens": {token: sorted(labels) for token, labels in book._name_tokens.items()},
    }


def book_from_state(state: Mapping[str, Any]) -> PlaceholderBook:
    """A placeholder book that continues the numbering of an earlier run exactly.

    Replaying the originals through ``label`` would renumber a job whose spellings were unified across
    files ("Nordmann" before "Kari Nordmann"), so the full state is kept instead.
    """
    return PlaceholderBook(
        _numbers={(entity_type, key): int(number) for entity_type, key, number in state.get("numbers", [])},
        _counters={k: int(v) for k, v in state.get("counters", {}).items()},
        _originals=dict(state.get("originals", {})),
        _name_tokens={token: set(labels) for token, labels in state.get("name_tokens", {}).items()},
    )


@dataclass
class VaultContent:
    """The decrypted content of a vault."""

    entries: dict[str, Entry] = field(default_factory=dict)
    book: dict[str, Any] = field(default_factory=dict)
    files: dict[str, FileRecord] = field(default_factory=dict)  # sanitized file (relative path) -> record
    pseudonym_secret: str = field(default_factory=lambda: secrets.token_hex(32))
    runs: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "entries": {placeholder: entry.to_dict() for placeholder, entry in self.entries.items()},
            "book": self.book,
            "files": {name: record.to_dict() for name, record in self.files.items()},
            "pseudonym_secret": self.pseudonym_secret,
            "runs": self.runs,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> VaultContent:
        return cls(
            entries={placeholder: Entry.from_dict(entry) for placeholder, entry in data.get("entries", {}).items()},
            book=dict(data.get("book", {})),
            files={name: FileRecord.from_dict(record) for name, record in data.get("files", {}).items()},
            pseudonym_secret=str(data.get("pseudonym_secret") or secrets.token_hex(32)),
            runs=list(data.get("runs", [])),
        )

    def placeholder_book(self) -> PlaceholderBook:
        return book_from_state(self.book) if self.book else PlaceholderBook()

    def record_job(
        self,
        book: PlaceholderBook,
        pseudonyms: Mapping[str, tuple[str, Mapping[str, str]]] | None,
        files: Mapping[str, FileRecord],
        mode: str,
        final: bool = True,
    ) -> None:
        """Take in what a redact run produced: its numbering, originals, pseudonyms and files.

        ``pseudonyms`` maps placeholder -> (pseudonym, {pseudonym variant: original spelling}).
        """
        for placeholder, original in book.originals().items():
            entry = self.entries.get(placeholder)
            if entry is None:
                entry = self.entries[placeholder] = Entry(entity_type_of(placeholder), original)
            if pseudonyms and placeholder in pseudonyms:
                pseudonym, variants = pseudonyms[placeholder]
                entry.pseudonym = entry.pseudonym or pseudonym
                entry.variants.update(variants)
        self.book = book_state(book)
        self.files.update(files)
        if final:
            self.runs.append({"at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                              "mode": mode, "files": len(files)})


# The file ------------------------------------------------------------------------------------------


def _associated_data(header: Mapping[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


class Vault:
    """An open vault: its file, its key, and its decrypted content.

    Open with :meth:`open` (creates the vault when the file does not exist) or :meth:`load`; change
    ``content``; :meth:`save` writes it back atomically with a fresh nonce.
    """

    def __init__(self, path: Path, header: dict[str, Any], key: bytes, content: VaultContent, is_new: bool) -> None:
        self.path = path
        self._header = header
        self._key = key
        self.content = content
        self.is_new = is_new

    @classmethod
    def create(cls, path: Path, source: KeySource, kdf: str | None = None) -> Vault:
        header = {"format": FORMAT, "version": VERSION, "cipher": CIPHER, "kdf": source.new_kdf(kdf)}
        return cls(path, header, source.derive(header["kdf"]), VaultContent(), is_new=True)

    @classmethod
    def load(cls, path: Path, source: KeySource) -> Vault:
        name = path.name
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise VaultError(f"{name}: no such vault") from None
        except OSError as error:
            raise VaultError(f"{name}: cannot read the vault ({error.strerror})") from None
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError
        except ValueError:
            raise VaultError(f"{name}: not a screen vault (damaged or another kind of file)") from None
        if data.get("format") != FORMAT:
            raise VaultError(f"{name}: not a screen vault")
        if data.get("version") != VERSION or data.get("cipher") != CIPHER:
            raise VaultError(f"{name}: vault version {data.get('version')} is not supported by this version of screen")
        header = {k: v for k, v in data.items() if k not in ("nonce", "ciphertext")}
        if not isinstance(header.get("kdf"), dict):
            raise VaultError(f"{name}: the vault is damaged (no key derivation)")
        nonce = _b64decode(data.get("nonce", ""), "nonce")
        ciphertext = _b64decode(data.get("ciphertext", ""), "ciphertext")
        try:
            key = source.derive(header["kdf"])
        except (KeyError, ValueError, TypeError):
            raise VaultError(f"{name}: the vault is damaged (bad key-derivation parameters)") from None
        except VaultError as error:
            raise VaultError(f"{name}: {error}") from None
        try:
            plaintext = AESGCM(key).decrypt(nonce, ciphertext, _associated_data(header))
        except (InvalidTag, ValueError):
            raise VaultError(
                f"{name}: wrong key, or the vault has been changed since it was written "
                "(authentication failed)"
            ) from None
        content = VaultContent.from_dict(json.loads(plaintext))
        return cls(path, header, key, content, is_new=False)

    @classmethod
    def open(cls, path: Path, source: KeySource, kdf: str | None = None) -> Vault:
        """The vault at ``path``, or a new empty one when there is no file yet."""
        if path.exists():
            return cls.load(path, source)
        return cls.create(path, source, kdf)

    @property
    def kdf_name(self) -> str:
        return str(self._header["kdf"]["name"])

    def save(self) -> None:
        """Encrypt the content with a fresh nonce and replace the vault file atomically (mode 0600)."""
        nonce = secrets.token_bytes(12)
        plaintext = json.dumps(self.content.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8")
        ciphertext = AESGCM(self._key).encrypt(nonce, plaintext, _associated_data(self._header))
        data = {**self._header, "nonce": _b64encode(nonce), "ciphertext": _b64encode(ciphertext)}
        folder = self.path.parent if str(self.path.parent) else Path(".")
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{self.path.name}.", suffix=".tmp")  # 0600
        try:
            with os.fdopen(handle, "w", encoding="ascii") as out:
                json.dump(data, out, indent=1, sort_keys=True)
                out.write("\n")
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, 0o600)
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
        with contextlib.suppress(OSError):  # make the rename itself durable
            directory = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)
        self.is_new = False


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``FILE.lock`` so that runs sharing a vault do not lose each other's work."""
    lock_path = path.with_name(path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            logger.warning("%s: another run is using the vault, waiting", path.name)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        os.close(descriptor)


# A redact run with --vault ----------------------------------------------------------------------


def pseudonymizer_for(vault: Vault):
    """The job's stand-in maker, continuing the stand-ins already in the vault."""
    from screening.pseudonyms import Pseudonymizer

    known = {p: (e.pseudonym, e.variants) for p, e in vault.content.entries.items() if e.pseudonym}
    return Pseudonymizer(vault.content.pseudonym_secret, known)


def record_run(vault: Vault, job: Any, results: Iterable[Any], out_dir: Path, mode: str, final: bool = True) -> None:
    """Put what a redact run wrote into the vault: numbering, originals, stand-ins, placeholder counts.

    ``job`` is the :class:`screening.pipeline.Job` of the run; only files with a delivered copy count.
    Called after each file with ``final`` False (so an interrupted run leaves a vault that restores
    every copy already written) and once at the end.
    """
    known = set(job.book.originals())
    files: dict[str, FileRecord] = {}
    for result in results:
        if not getattr(result, "output", None):
            continue
        output = Path(result.output)
        try:
            name = output.relative_to(out_dir).as_posix()
        except ValueError:
            name = output.name
        files[name] = FileRecord.from_written(job.written.get(result.path, ()), known)
    pseudonymizer = getattr(job, "pseudonymizer", None)
    records = pseudonymizer.records() if pseudonymizer is not None and mode == "pseudonym" else None
    vault.content.record_job(job.book, records, files, mode, final)


def open_for_run(
    stack: contextlib.ExitStack,
    path: Path,
    key_file: Path | None,
    ask: Callable[[bool], str] | None = None,
    environ: Mapping[str, str] = os.environ,
) -> Vault:
    """The vault of a run, locked until ``stack`` closes.

    The key comes from ``key_file``, else SCREEN_VAULT_PASSPHRASE, else ``ask(confirm)`` (a hidden
    prompt; ``confirm`` is True for a new vault), else a :class:`VaultError`.
    """
    source = KeySource.from_environment(key_file, environ)
    if source is None:
        if ask is None:
            raise VaultError(f"no vault key: use --key-file FILE or set {PASSPHRASE_ENV}")
        source = KeySource.from_passphrase(ask(not path.exists()))
    stack.enter_context(locked(path))
    return Vault.open(path, source)
