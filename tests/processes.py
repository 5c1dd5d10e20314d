"""coopwatch as its own process: what cron, a second terminal or `kill -9` see."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class Finished:
    code: int
    out: str
    err: str
    peak_rss_mib: float


def command(*args: str, db: Path, config: Path | None = None) -> list[str]:
    extra = ["--config", str(config)] if config else []
    return [sys.executable, "-m", "coopwatch", "--db", str(db), *extra, *args]


def start(args: list[str], cwd: Path, prefix: list[str] | None = None) -> subprocess.Popen[str]:
    """Start a command away from the checkout, so it runs the installed package."""
    return subprocess.Popen([*(prefix or []), *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)


def finish(process: subprocess.Popen[str], timeout: float = 120) -> Finished:
    """Wait for a started command; its output and its own peak memory (wait4, not communicate)."""
    streams: dict[str, str] = {}

    def drain(name: str) -> None:
        stream = getattr(process, name)
        streams[name] = stream.read()

    readers = [threading.Thread(target=drain, args=(name,)) for name in ("stdout", "stderr")]
    for reader in readers:
        reader.start()
    killer = threading.Timer(timeout, process.kill)
    killer.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        killer.cancel()
    for reader in readers:
        reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    return Finished(process.returncode, streams["stdout"], streams["stderr"],
                    usage.ru_maxrss / 1024)


# Linux keeps a process's high-water mark of memory across exec, so a command forked from a test
# session that has grown to hundreds of MB reports the session's size as its own peak. This small
# launcher forks the command instead and writes the command's own peak (with its workers') to a
# file; the command dies with the launcher.
_LAUNCHER = """
import ctypes, os, signal, sys
report, argv = sys.argv[1], sys.argv[2:]
pid = os.fork()
if pid == 0:
    ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    os.execvp(argv[0], argv)
_, status, usage = os.wait4(pid, 0)
with open(report, "w") as handle:
    handle.write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
if code < 0:
    signal.signal(-code, signal.SIG_DFL)
    os.kill(os.getpid(), -code)
sys.exit(code)
"""


def run(args: list[str], cwd: Path, prefix: list[str] | None = None,
        timeout: float = 120) -> Finished:
    """A command to its end; peak_rss_mib is its own peak, as if cron had started it."""
    report = cwd / f".peak-{os.getpid()}-{threading.get_ident()}"
    launched = [sys.executable, "-c", _LAUNCHER, str(report), *(prefix or []), *args]
    done = finish(start(launched, cwd), timeout)
    if report.exists():
        done.peak_rss_mib = int(report.read_text()) / 1024
        report.unlink()
    return done


def without_root_powers() -> list[str]:
    """A command prefix under which file permissions hold, also for root (as CI runs).

    Root reads a mode-000 file and writes a read-only one; without the capabilities that
    override file permissions it cannot, like any user.
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file permissions cannot be tested")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def die(*args: object) -> None:
    """A worker's task that ends its process, as the kernel's out-of-memory killer would."""
    os._exit(1)


def collector_state(raws: object, fingerprints: bool) -> list[tuple[int, int]]:
    """A worker's task that answers how its garbage collector is set: (objects frozen, young
    threshold)."""
    import gc

    return [(gc.get_freeze_count(), gc.get_threshold()[0])]
