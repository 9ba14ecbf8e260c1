"""Run one unoserver converter under LibreOffice's own Python, until it stays idle too long.

This file is executed by the Python that has LibreOffice's ``uno`` module (on Debian the
system ``python3`` with ``python3-uno``), never imported by docgen itself: it must need
nothing but the standard library, ``uno`` and ``unoserver``. docgen starts it with

    python3 office_host.py --port P --uno-port U --profile DIR --idle S --soffice PATH

and talks to it over XML-RPC on 127.0.0.1:P. Every conversion a client makes touches the
file ``<profile>/../used``; when nobody has touched it for ``--idle`` seconds the converter
stops itself and its LibreOffice, so a converter started by one command does not outlive
its use by long.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from unoserver import converter as unoconverter  # type: ignore[import-untyped]
from unoserver import server as unoserver

CHECK_EVERY = 5.0


def _property(name: str, value: object) -> object:
    return PropertyValue(Name=name, Value=value)


class QuickConverter(unoconverter.UnoConverter):  # type: ignore[misc]
    """A UnoConverter that turns a text document into PDF with the fewest calls.

    unoserver's own path detects types and filters on every call and loads the document
    into a visible frame; a Writer document loaded hidden and exported with Writer's PDF
    filter converts about a quarter faster. Anything else takes unoserver's own path.
    """

    def convert(  # unoserver's signature: XML-RPC calls it positionally
        self,
        inpath: str | None = None,
        indata: object = None,
        outpath: str | None = None,
        convert_to: str | None = None,
        filtername: str | None = None,
        filter_options: list[str] | None = None,
        update_index: bool = True,
        infiltername: str | None = None,
        password: str | None = None,
    ) -> object:
        """Convert ``inpath`` to the PDF ``outpath`` directly, or as unoserver would."""
        plain = inpath and outpath and convert_to == "pdf" and indata is None
        options = (filtername, filter_options, update_index, infiltername, password)
        if not plain or any(options):
            return super().convert(inpath, indata, outpath, convert_to, *options)
        document = self.desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(str(inpath))),
            "_blank",
            0,
            (_property("ReadOnly", True), _property("Hidden", True)),
        )
        if document is None:
            raise RuntimeError(f"Could not load document {inpath}")
        try:
            if not document.supportsService("com.sun.star.text.TextDocument"):
                return super().convert(inpath, indata, outpath, convert_to, *options)
            target = uno.systemPathToFileUrl(os.path.abspath(str(outpath)))
            document.storeToURL(target, (_property("FilterName", "writer_pdf_Export"),))
        finally:
            document.close(True)
        return None


class QuickServer(unoserver.UnoServer):  # type: ignore[misc]
    """A UnoServer that serves as soon as LibreOffice answers, not after a fixed sleep."""

    def start(self, executable: str = "soffice") -> subprocess.Popen[bytes]:
        """Start LibreOffice and the XML-RPC thread; return the LibreOffice process."""
        connection = f"socket,host={self.uno_interface},port={self.uno_port},tcpNoDelay=1;urp;"
        command = [
            executable,
            "--headless",
            "--invisible",
            "--nocrashreport",
            "--nodefault",
            "--nologo",
            "--nofirststartwizard",
            "--norestore",
            "--nolockcheck",
            f"-env:UserInstallation={self.user_installation}",
            f"--accept={connection}StarOffice.ComponentContext",
        ]
        self.libreoffice_process = subprocess.Popen(command, stdin=subprocess.DEVNULL)
        self.xmlrcp_thread = threading.Thread(target=self.serve, daemon=True)
        self.xmlrcp_thread.start()
        return self.libreoffice_process


def _watch_idle(used: Path, idle: float, office: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice once ``used`` has not been touched for ``idle`` seconds."""
    while office.poll() is None:
        time.sleep(CHECK_EVERY)
        try:
            last = used.stat().st_mtime
        except OSError:
            last = 0.0
        if time.time() - last > idle:
            office.terminate()
            return


def main(argv: list[str]) -> int:
    """Serve conversions until LibreOffice exits (idle, killed or crashed)."""
    parser = argparse.ArgumentParser("office_host")
    parser.add_argument("--port", required=True)
    parser.add_argument("--uno-port", required=True)
    parser.add_argument("--profile", required=True, type=Path)
    parser.add_argument("--idle", type=float, default=900.0)
    parser.add_argument("--soffice", required=True)
    args = parser.parse_args(argv)
    used = args.profile.parent / "used"
    used.touch()
    unoconverter.UnoConverter = QuickConverter  # the server makes its converter from this name
    host = QuickServer(
        "127.0.0.1", args.port, "127.0.0.1", args.uno_port, args.profile.resolve().as_uri()
    )
    office = host.start(executable=args.soffice)

    def stop(signum: int, frame: object) -> None:
        office.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    threading.Thread(target=_watch_idle, args=(used, args.idle, office), daemon=True).start()
    office.wait()
    os._exit(0)  # the XML-RPC thread blocks in serve_forever; nothing left to clean


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
