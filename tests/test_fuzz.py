"""Fuzzed inputs: 200 seeded mutants of corpus PDFs (byte flips, truncations, a deleted xref,
duplicated objects). Each must end as `ok`, `partial` or `failed` with a one-line error, within a
per-file time limit and a memory limit, with no traceback on stderr.

The mutants run through `process_document` in two plain worker processes (RLIMIT_AS set, an
alarm per file), so a hang or a blow-up is reported against its file instead of stalling the test.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

from conftest import CORPUS

SEED = 20261201
N_MUTANTS = 200
SOURCES = ["pk_kota_serang_2022.pdf", "rkt_kota_serang_2021.pdf", "lakip_kota_serang_2022.pdf",
           "rak_kab_serang_2023.pdf"]
FILE_LIMIT_S = 30  # far above the ~0.1-0.5 s a mutant takes: only a hang trips it
MEMORY_LIMIT = 3 << 30  # address space per worker

_WORKER = """
import json, resource, signal, sys, time
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
from kpu_extract.pipeline.process import file_digest, process_document

def alarm(*_):
    raise TimeoutError("per-file time limit")

signal.signal(signal.SIGALRM, alarm)
for path in sys.argv[1:]:
    started = time.monotonic()
    signal.alarm({limit})
    try:
        doc = process_document(path, file_digest(path)).document
        out = {{"status": doc.status, "error": doc.error}}
    except BaseException as exc:  # the time limit, or anything process_document let escape
        out = {{"status": "escaped", "error": f"{{type(exc).__name__}}: {{exc}}"}}
    signal.alarm(0)
    out.update(path=path, seconds=round(time.monotonic() - started, 2))
    print(json.dumps(out), flush=True)
"""

_OBJECT = re.compile(rb"\n(\d+) 0 obj\b.*?endobj\n", re.S)


def _flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(16, len(data))]


def _delete_xref(data: bytes, rng: random.Random) -> bytes:
    start = data.rfind(b"\nxref")
    end = data.find(b"trailer", start)
    cut = data[:start + 1] + data[end:] if start > 0 and end > 0 else data
    return cut if rng.random() < 0.5 else cut.replace(b"startxref", b"startxrefX")


def _duplicate_objects(data: bytes, rng: random.Random) -> bytes:
    objects = list(_OBJECT.finditer(data))
    out = data
    for _ in range(rng.randint(1, 3)):
        obj = rng.choice(objects).group(0)
        if rng.random() < 0.5:  # the copy says something else: a conflicting definition
            obj = obj.replace(b"/Type", b"/Tipe", 1)
        at = rng.choice(objects).end()
        out = out[:at] + obj + out[at:]
    return out


MUTATIONS = [_flip, _truncate, _delete_xref, _duplicate_objects]


def make_mutants(folder: Path) -> list[Path]:
    rng = random.Random(SEED)
    sources = {name: (CORPUS / name).read_bytes() for name in SOURCES}
    paths = []
    for i in range(N_MUTANTS):
        name = SOURCES[i % len(SOURCES)]
        mutate = MUTATIONS[(i // len(SOURCES)) % len(MUTATIONS)]
        path = folder / f"{i:03d}_{mutate.__name__[1:]}_{name}"
        path.write_bytes(mutate(sources[name], rng))
        paths.append(path)
    return paths


def test_mutants_end_cleanly(tmp_path):
    paths = make_mutants(tmp_path)
    halves = [paths[0::2], paths[1::2]]
    code = _WORKER.format(memory=MEMORY_LIMIT, limit=FILE_LIMIT_S)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    procs = [subprocess.Popen([sys.executable, "-c", code, *map(str, half)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env) for half in halves]
    outputs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err[-2000:] for _, err in outputs]
    results = [json.loads(line) for out, _ in outputs for line in out.splitlines()]
    assert len(results) == N_MUTANTS
    bad = [r for r in results if r["status"] not in ("ok", "partial", "failed")
           or (r["status"] != "ok" and (not r["error"] or "\n" in r["error"]))]
    assert bad == []
    for _, err in outputs:
        assert "Traceback" not in err
    statuses = {s: sum(r["status"] == s for r in results) for s in ("ok", "partial", "failed")}
    assert statuses["ok"] and statuses["failed"], statuses  # the mutations bite, and some survive
