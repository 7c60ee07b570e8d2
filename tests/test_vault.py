"""The vault on its own: encryption, authentication, keys, permissions, atomic saves, shared numbering."""

from __future__ import annotations

import base64
import contextlib
import json
import stat
from pathlib import Path

import pytest

from screening.placeholders import PlaceholderBook
from screening.vault import (
    PASSPHRASE_ENV,
    FileRecord,
    KeySource,
    Vault,
    VaultError,
    book_from_state,
    book_state,
    open_for_run,
)

PASSPHRASE = "lang og hemmelig frase 7"


@pytest.fixture(params=["argon2id", "scrypt"])
def kdf(request) -> str:
    return request.param


def _vault_with_data(path: Path, source: KeySource, kdf: str = "scrypt") -> Vault:
    vault = Vault.create(path, source, kdf)
    book = PlaceholderBook()
    book.label("PERSON", "Kari Nordmann")
    book.label("NO_FODSELSNUMMER", "150765 00565")
    written = [("[PERSON_1]", "Kari Nordmann", "body"), ("[NO_FODSELSNUMMER_1]", "150765 00565", "body"),
               ("[PERSON_1]", "Kari", "body"), ("[HEALTH]", "diabetes", "body")]
    vault.content.record_job(book, None, {"brev.txt": FileRecord.from_written(written, set(book.originals()))},
                             "placeholder")
    vault.save()
    return vault


def test_round_trip_with_passphrase(tmp_path: Path, kdf: str) -> None:
    path = tmp_path / "job.vault"
    _vault_with_data(path, KeySource.from_passphrase(PASSPHRASE), kdf)
    loaded = Vault.load(path, KeySource.from_passphrase(PASSPHRASE))
    assert loaded.kdf_name == kdf
    assert loaded.content.entries["[PERSON_1]"].original == "Kari Nordmann"
    assert loaded.content.entries["[NO_FODSELSNUMMER_1]"].entity_type == "NO_FODSELSNUMMER"
    record = loaded.content.files["brev.txt"]
    assert record.placeholders == {"[PERSON_1]": 2, "[NO_FODSELSNUMMER_1]": 1}
    assert record.spellings["[PERSON_1]"] == ["Kari Nordmann", "Kari"]


def test_file_holds_no_value_and_is_private(tmp_path: Path) -> None:
    path = tmp_path / "job.vault"
    _vault_with_data(path, KeySource.from_passphrase(PASSPHRASE))
    raw = path.read_text(encoding="ascii")
    assert "Nordmann" not in raw and "00565" not in raw and "PERSON" not in raw
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = json.loads(raw)
    assert data["cipher"] == "AES-256-GCM" and len(base64.b64decode(data["nonce"])) == 12


def test_every_save_uses_a_new_nonce(tmp_path: Path) -> None:
    path = tmp_path / "job.vault"
    vault = _vault_with_data(path, KeySource.from_passphrase(PASSPHRASE))
    first = json.loads(path.read_text())["nonce"]
    vault.save()
    assert json.loads(path.read_text())["nonce"] != first


def test_wrong_passphrase_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "job.vault"
    _vault_with_data(path, KeySource.from_passphrase(PASSPHRASE))
    with pytest.raises(VaultError, match="wrong key, or the vault has been changed"):
        Vault.load(path, KeySource.from_passphrase("en annen frase 7"))


@pytest.mark.parametrize("field", ["ciphertext", "nonce", "kdf"])
def test_tampered_vault_is_refused(tmp_path: Path, field: str) -> None:
    path = tmp_path / "job.vault"
    _vault_with_data(path, KeySource.from_passphrase(PASSPHRASE))
    data = json.loads(path.read_text())
    if field == "kdf":  # the header is authenticated too: weaker parameters are not accepted silently
        data["kdf"]["n"] = data["kdf"]["n"] // 2
    else:
        raw = bytearray(base64.b64decode(data[field]))
        raw[len(raw) // 2] ^= 0x01
        data[field] = base64.b64encode(bytes(raw)).decode()
    path.write_text(json.dumps(data))
    with pytest.raises(VaultError, match="authentication failed"):
        Vault.load(path, KeySource.from_passphrase(PASSPHRASE))


def test_damaged_and_foreign_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "job.vault"
    path.write_text("{not json")
    with pytest.raises(VaultError, match="not a screen vault"):
        Vault.load(path, KeySource.from_passphrase(PASSPHRASE))
    path.write_text(json.dumps({"format": "something-else"}))
    with pytest.raises(VaultError, match="not a screen vault"):
        Vault.load(path, KeySource.from_passphrase(PASSPHRASE))


def test_key_file(tmp_path: Path) -> None:
    key = tmp_path / "job.key"
    key.write_bytes(bytes(range(40)))
    key.chmod(0o600)
    path = tmp_path / "job.vault"
    _vault_with_data(path, KeySource.from_key_file(key))
    assert json.loads(path.read_text())["kdf"]["name"] == "hkdf-sha256"
    assert Vault.load(path, KeySource.from_key_file(key)).content.entries["[PERSON_1]"].original == "Kari Nordmann"
    other = tmp_path / "other.key"
    other.write_bytes(bytes(range(1, 41)))
    with pytest.raises(VaultError, match="wrong key"):
        Vault.load(path, KeySource.from_key_file(other))
    with pytest.raises(VaultError, match="protected by a key file"):
        Vault.load(path, KeySource.from_passphrase(PASSPHRASE))


def test_text_key_file_ignores_final_newline(tmp_path: Path) -> None:
    key = tmp_path / "job.key"
    key.write_text(base64.b64encode(bytes(range(32))).decode() + "\n")
    path = tmp_path / "job.vault"
    _vault_with_data(path, KeySource.from_key_file(key))
    key.write_text(base64.b64encode(bytes(range(32))).decode())
    assert Vault.load(path, KeySource.from_key_file(key)).content.entries


def test_weak_keys_are_refused(tmp_path: Path) -> None:
    with pytest.raises(VaultError, match="at least 8 characters"):
        KeySource.from_passphrase("kort")
    key = tmp_path / "short.key"
    key.write_bytes(b"0123456789")
    with pytest.raises(VaultError, match="at least 32 bytes"):
        KeySource.from_key_file(key)


def test_key_comes_from_key_file_or_environment_only(tmp_path: Path) -> None:
    assert KeySource.from_environment(None, {}) is None
    source = KeySource.from_environment(None, {PASSPHRASE_ENV: PASSPHRASE})
    assert source.passphrase == PASSPHRASE.encode()
    with contextlib.ExitStack() as stack, pytest.raises(VaultError, match="--key-file FILE or set SCREEN_VAULT_PASSPHRASE"):
        open_for_run(stack, tmp_path / "job.vault", None, ask=None, environ={})


def test_saving_leaves_no_temporary_file_and_replaces_atomically(tmp_path: Path) -> None:
    path = tmp_path / "job.vault"
    vault = _vault_with_data(path, KeySource.from_passphrase(PASSPHRASE))
    vault.content.entries["[PERSON_1]"].original = "Kari Nordmann"
    vault.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["job.vault"]


def test_book_state_continues_numbering_exactly() -> None:
    book = PlaceholderBook()
    book.label("PERSON", "Nordmann")  # a surname seen before the full name, in an earlier file
    book.label("PERSON", "Kari Nordmann")
    book.label("PERSON", "Ola Hansen")
    book.label("PHONE_NUMBER", "+47 412 55 983")
    again = book_from_state(json.loads(json.dumps(book_state(book))))
    assert again.originals() == book.originals()
    assert again.label("PERSON", "Kari Nordmann") == book.label("PERSON", "Kari Nordmann")
    assert again.label("PERSON", "O. Hansen") == "[PERSON_3]"
    assert again.label("PHONE_NUMBER", "41255983") == "[PHONE_NUMBER_1]"
    assert again.label("PERSON", "Per Olsen") == "[PERSON_4]"


def test_several_runs_share_a_vault(tmp_path: Path) -> None:
    path = tmp_path / "job.vault"
    source = KeySource.from_passphrase(PASSPHRASE)
    first = Vault.open(path, source)
    book = first.content.placeholder_book()
    book.label("PERSON", "Kari Nordmann")
    first.content.record_job(book, None, {"a.txt": FileRecord({"[PERSON_1]": 1})}, "placeholder")
    first.save()

    second = Vault.open(path, source)
    assert not second.is_new
    book = second.content.placeholder_book()
    assert book.label("PERSON", "Ola Hansen") == "[PERSON_2]"
    assert book.label("PERSON", "Kari Nordmann") == "[PERSON_1]"
    second.content.record_job(book, None, {"b.txt": FileRecord({"[PERSON_1]": 1, "[PERSON_2]": 1})}, "placeholder")
    second.save()

    final = Vault.load(path, source).content
    assert {p: e.original for p, e in final.entries.items()} == {"[PERSON_1]": "Kari Nordmann", "[PERSON_2]": "Ola Hansen"}
    assert set(final.files) == {"a.txt", "b.txt"} and len(final.runs) == 2


def test_runs_sharing_a_vault_wait_for_each_other(tmp_path: Path) -> None:
    import threading
    import time

    from screening.vault import locked

    path = tmp_path / "job.vault"
    order: list[str] = []
    first_holds = threading.Event()

    def first() -> None:
        with locked(path):
            first_holds.set()
            time.sleep(0.3)
            order.append("first done")

    def second() -> None:
        first_holds.wait()
        with locked(path):
            order.append("second in")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert order == ["first done", "second in"]
    assert stat.S_IMODE((tmp_path / "job.vault.lock").stat().st_mode) == 0o600
