"""The recognizers never touch the network: tldextract must use its bundled suffix list."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import tldextract.tldextract

import recognizers

ROOT = Path(__file__).resolve().parent.parent


def test_import_installs_offline_extractor():
    extractor = tldextract.tldextract.TLD_EXTRACTOR
    assert extractor is recognizers.use_offline_suffix_list()
    assert extractor.suffix_list_urls == ()
    assert extractor._cache.enabled is False


def test_email_and_url_recognition_without_network(tmp_path):
    # A fresh interpreter with an empty home (no tldextract cache) and sockets that refuse
    # to connect: e-mail and URL recognition must still work.
    script = textwrap.dedent(
        """
        import socket

        attempts = []

        def refuse(*args, **kwargs):
            attempts.append(args[:2])
            raise OSError("network disabled in test")

        # Name lookup comes first: without the fix tldextract calls getaddrinfo, not connect.
        socket.getaddrinfo = refuse
        socket.socket.connect = refuse
        socket.create_connection = refuse

        from recognizers.evaluate import build_analyzer

        engine = build_analyzer(["nb"])
        text = "Send til kari.fjell@example.no eller se https://www.example.no/skjema."
        types = sorted(r.entity_type for r in engine.analyze(text, language="nb"))
        assert types == ["EMAIL_ADDRESS", "URL"], types
        assert not attempts, attempts
        print("ok")
        """
    )
    env = dict(os.environ, HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("ok")
    assert not (tmp_path / "cache" / "python-tldextract").exists()


def test_readme_example_runs_and_prints_what_it_says():
    readme = (ROOT / "recognizers" / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Usage with a plain Presidio AnalyzerEngine", 1)[1]
    blocks = section.split("```")
    code, printed = blocks[1].removeprefix("python\n"), blocks[3].strip()
    done = subprocess.run(
        [sys.executable, "-c", code], env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == printed
