"""Long-running LibreOffice converters (unoserver), one per core, shared by every command.

Starting LibreOffice costs seconds; converting a contract costs a fifth of one. So each
converter is a LibreOffice that stays up: ``office_host.py`` run by LibreOffice's own Python
(the one with ``uno``), serving unoserver's XML-RPC on its own port of 127.0.0.1, with its
own profile. Converter ``n`` lives in ``<home>/converter-n/``: ``state.json`` says its
process and port, ``lock`` is held (``flock``) by whoever converts with it or starts it,
so two commands at once never start the same converter twice, and ``used`` is touched at
each conversion — a converter nobody used for ``idle`` seconds stops itself.

The next command (``docgen batch --pdf``, ``render --pdf``, the service) finds the
converters running and converts at once. A converter that does not answer in ``timeout``
seconds is killed (its whole process group) and started again; a dead one is started again.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import xmlrpc.client
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

START_SECONDS = 60.0
"""How long LibreOffice may take to start and answer before the start is given up."""
IDLE_SECONDS = 900.0
"""A converter nobody used for this long stops itself (15 minutes)."""
DOCUMENT_SECONDS = 60.0
"""How long one document may take before its converter counts as hung."""
HOST_SCRIPT = Path(__file__).with_name("office_host.py")


class ConverterError(Exception):
    """A converter hung or died, or LibreOffice refused the document."""


class OfficeUnavailable(ConverterError):
    """Converters cannot run here (no unoserver, no ``uno``) or LibreOffice will not start."""


@dataclass(frozen=True)
class OfficeSetup:
    """How to run a converter: LibreOffice, its Python with ``uno``, and unoserver."""

    soffice: str
    python: str
    """A Python that can ``import uno``."""
    library: Path
    """A folder holding unoserver and the host script alone, put on that Python's path."""


def find_setup(soffice: str, home: Path, candidates: tuple[str, ...] = ()) -> OfficeSetup:
    """Return how to run converters here, or raise OfficeUnavailable saying what is missing.

    The answer is remembered in ``<home>/setup.json``: asking a Python whether it has
    ``uno`` costs a process start, which a warm conversion should not pay.
    """
    library = _unoserver_library(home)
    remembered = home / "setup.json"
    try:
        known = json.loads(remembered.read_text(encoding="utf-8"))
        if known["soffice"] == soffice and Path(known["python"]).is_file() and not candidates:
            return OfficeSetup(soffice, str(known["python"]), library)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    for python in candidates or _python_candidates(soffice):
        if _has_uno(python):
            remembered.write_text(json.dumps({"soffice": soffice, "python": python}), "utf-8")
            return OfficeSetup(soffice, python, library)
    raise OfficeUnavailable(
        "не найден Python с модулем uno из LibreOffice (Debian, Ubuntu: "
        "sudo apt-get install python3-uno)"
    )


def _python_candidates(soffice: str) -> tuple[str, ...]:
    program = Path(soffice).resolve().parent  # LibreOffice's own python on Windows, macOS
    found = [str(program / name) for name in ("python", "python.exe", "python3")]
    found += [path for path in ("/usr/bin/python3", shutil.which("python3")) if path]
    return tuple(dict.fromkeys(path for path in found if Path(path).is_file()))


def _has_uno(python: str) -> bool:
    try:
        result = subprocess.run(
            [python, "-I", "-c", "import uno"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def _unoserver_library(home: Path) -> Path:
    """Return a folder with only unoserver in it (linked from this Python's packages)."""
    try:
        distribution = metadata.distribution("unoserver")
    except metadata.PackageNotFoundError as exc:
        raise OfficeUnavailable("не установлен пакет unoserver (pip install unoserver)") from exc
    files = distribution.files or []
    package = next(
        (
            Path(str(distribution.locate_file(f))).parent
            for f in files
            if f.name == "server.py" and f.parent.name == "unoserver"
        ),
        None,
    )
    info = next(
        (Path(str(distribution.locate_file(f))).parent for f in files if f.name == "METADATA"), None
    )
    if package is None or info is None:
        raise OfficeUnavailable("пакет unoserver установлен не полностью; переустановите его")
    library = home / f"python-unoserver-{distribution.version}"
    library.mkdir(parents=True, exist_ok=True)
    for source in (package, info):
        link = library / source.name
        if not link.exists():
            with contextlib.suppress(FileExistsError):  # another command linked it just now
                link.symlink_to(source, target_is_directory=True)
    # The host runs from here, not from docgen/workers/: a script's folder comes first on
    # its path, and docgen's own modules must not shadow the standard library's (queue).
    host = library / HOST_SCRIPT.name
    script = HOST_SCRIPT.read_bytes()
    if not host.is_file() or host.read_bytes() != script:
        draft = library / f".{HOST_SCRIPT.name}.{os.getpid()}"
        draft.write_bytes(script)
        os.replace(draft, host)
    return library


def default_home() -> Path:
    """Return where this user's converters keep their profiles and state."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = Path(runtime) if runtime and Path(runtime).is_dir() else Path(tempfile.gettempdir())
    user = os.getuid() if hasattr(os, "getuid") else os.getlogin()
    return base / f"docgen-office-{user}"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _TimeoutTransport(xmlrpc.client.Transport):
    def __init__(self, timeout: float) -> None:
        super().__init__()
        self.timeout = timeout

    def make_connection(self, host: object) -> object:  # type: ignore[override]
        connection = super().make_connection(host)  # type: ignore[arg-type]
        connection.timeout = self.timeout
        return connection


class Converter:
    """One long-running LibreOffice converter: started when needed, restarted when stuck."""

    def __init__(
        self,
        folder: Path,
        setup: OfficeSetup | None = None,
        idle: float = IDLE_SECONDS,
        timeout: float = DOCUMENT_SECONDS,
    ) -> None:
        self.folder = folder
        self.setup = setup
        self.idle = idle
        self.timeout = timeout

    @property
    def state_file(self) -> Path:
        """Return the file that says which process and port the converter has."""
        return self.folder / "state.json"

    def convert(self, document: Path, target: Path) -> None:
        """Convert ``document`` into the PDF ``target``; raise ConverterError if it fails."""
        with self._locked():
            port = self._running_port() or self._start()
            (self.folder / "used").touch()
            # unoserver's convert(inpath, indata, outpath, convert_to, filtername,
            # filter_options, update_index, infiltername, password); indexes are left as
            # ``soffice --convert-to`` leaves them (updating them costs a third more time).
            arguments = (str(document.resolve()), None, str(target.resolve()), "pdf")
            try:
                self._call(port, self.timeout).convert(*arguments, None, [], False, None, None)
            except xmlrpc.client.Fault as exc:
                self.stop()  # its LibreOffice may be gone or broken: the retry starts anew
                raise ConverterError(_fault_reason(exc)) from exc
            except (TimeoutError, OSError, xmlrpc.client.ProtocolError) as exc:
                self.stop()
                hung = isinstance(exc, TimeoutError)
                reason = f"завис дольше {self.timeout:.0f} с" if hung else "аварийно завершился"
                raise ConverterError(f"LibreOffice {reason}") from exc

    def stop(self) -> None:
        """Kill the converter and its LibreOffice, if they run."""
        pid = self._alive_pid()
        if pid is not None:
            _kill_group(pid)
        self.state_file.unlink(missing_ok=True)

    def busy(self) -> bool:
        """Tell whether someone converts with (or starts) this converter right now."""
        import fcntl

        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / "lock", "a+b") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(lock, fcntl.LOCK_UN)
        return False

    @contextmanager
    def _locked(self) -> Iterator[None]:
        import fcntl

        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / "lock", "a+b") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _read_state(self) -> dict[str, int] | None:
        try:
            state = json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return state if isinstance(state, dict) else None

    def _alive_pid(self) -> int | None:
        state = self._read_state()
        if state is None:
            return None
        pid = int(state["pid"])
        try:
            os.kill(pid, 0)
        except OSError:
            return None
        if _is_zombie(pid) or not self._is_host(pid):
            return None
        return pid

    def _is_host(self, pid: int) -> bool:
        """Tell whether ``pid`` is this converter's host, not a process that reused its id."""
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            return True  # no /proc (macOS): the state file's word is all there is
        return HOST_SCRIPT.name.encode() in command and str(self.folder).encode() in command

    def _running_port(self) -> int | None:
        if self._alive_pid() is None:
            return None
        state = self._read_state()
        return int(state["port"]) if state else None

    def _start(self) -> int:
        """Start the converter and wait until it answers; return its XML-RPC port."""
        self.stop()
        if self.setup is None:
            raise OfficeUnavailable("не настроен запуск LibreOffice")
        port, uno_port = _free_port(), _free_port()
        profile = self.folder / "profile"
        command = [
            self.setup.python,
            str(self.setup.library / HOST_SCRIPT.name),
            "--port",
            str(port),
            "--uno-port",
            str(uno_port),
            "--profile",
            str(profile),
            "--idle",
            str(self.idle),
            "--soffice",
            self.setup.soffice,
        ]
        environment = {**os.environ, "PYTHONPATH": str(self.setup.library)}
        with open(self.folder / "converter.log", "ab") as log:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                env=environment,
                start_new_session=True,
            )
        state = {"pid": process.pid, "port": port, "uno_port": uno_port}
        self.state_file.write_text(json.dumps(state), encoding="utf-8")
        self._wait_ready(process, port)
        return port

    def _wait_ready(self, process: subprocess.Popen[bytes], port: int) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if process.poll() is not None:
                self.stop()
                raise OfficeUnavailable(
                    f"LibreOffice не запустился (код {process.returncode}); "
                    f"подробности — в {self.folder / 'converter.log'}"
                )
            try:
                self._call(port, 5).system.listMethods()
                return
            except (OSError, xmlrpc.client.Error):
                time.sleep(0.1)
        self.stop()
        raise OfficeUnavailable(f"LibreOffice не запустился за {START_SECONDS:.0f} с")

    @staticmethod
    def _call(port: int, timeout: float) -> xmlrpc.client.ServerProxy:
        return xmlrpc.client.ServerProxy(
            f"http://127.0.0.1:{port}", transport=_TimeoutTransport(timeout), allow_none=True
        )


def _fault_reason(fault: xmlrpc.client.Fault) -> str:
    """Return, in Russian, why the converter refused a document."""
    text = str(fault.faultString)
    if "Could not load document" in text:
        return "LibreOffice не смог открыть документ (файл повреждён или это не документ Word)"
    lines = text.strip().splitlines()
    last = lines[-1].rpartition(">:")[2] if lines else str(fault.faultCode)
    return f"LibreOffice не смог преобразовать документ ({last.strip()})"


def _is_zombie(pid: int) -> bool:
    """Tell whether ``pid`` has exited but not been reaped (it is our own dead child)."""
    try:
        waited, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return False  # not our child: alive, as os.kill said
    return waited == pid


def _kill_group(pid: int) -> None:
    """Kill a converter's process group: its host, LibreOffice and LibreOffice's children."""
    if sys.platform == "win32":  # pragma: no cover - converters need flock, so POSIX only
        return
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        return
    for _ in range(50):  # reap it if it was our child, so it leaves no zombie
        if _is_zombie(pid) or not _exists(pid):
            return
        time.sleep(0.02)


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True
