"""Two .xls test files saved by LibreOffice as "Excel 97-2003" (filter "MS Excel 97"):

- beveiligd.xls: match.xls with the password "geheim" (RC4 encryption, a FILEPASS record);
- ver.xls: match.xls with one more cell, 1 at IV65536, the last row and column of the format.

Run with the Python that has LibreOffice's UNO bindings (Debian: ``apt-get install
python3-uno``), from tests/bestanden:

    soffice --headless --invisible --accept="socket,host=localhost,port=2002;urp;" &
    /usr/bin/python3 maken/xls.py
"""

import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _eigenschap(naam: str, waarde: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = naam, waarde
    return p


def _desktop() -> object:
    lokaal = uno.getComponentContext()
    oplosser = lokaal.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", lokaal
    )
    for _ in range(60):
        try:
            ctx = oplosser.resolve(
                "uno:socket,host=localhost,port=2002;urp;StarOffice.ComponentContext"
            )
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            time.sleep(1)
    raise SystemExit("LibreOffice luistert niet op poort 2002")


def main() -> None:
    bron = uno.systemPathToFileUrl(str(Path("match.xls").resolve()))
    desktop = _desktop()
    doc = desktop.loadComponentFromURL(bron, "_blank", 0, (_eigenschap("Hidden", True),))
    filter_ = _eigenschap("FilterName", "MS Excel 97")
    doc.storeToURL(_url("beveiligd.xls"), (filter_, _eigenschap("Password", "geheim")))
    doc.getSheets().getByIndex(0).getCellByPosition(255, 65535).setValue(1)
    doc.storeToURL(_url("ver.xls"), (filter_,))
    doc.close(True)


def _url(naam: str) -> str:
    return str(uno.systemPathToFileUrl(str(Path(naam).resolve())))


if __name__ == "__main__":
    main()
