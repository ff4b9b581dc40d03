"""Make the pictures of the front pages in this folder: ``oi rapport --pdf`` on the built-in
data, then every front page of the PDF as PNG (pypdfium2, a development dependency).

    python3 -m uv run python docs/rapport/maak_afbeeldingen.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from oi_rapport import RapportOpties, make_report

HIER = Path(__file__).parent


def main() -> None:
    with tempfile.TemporaryDirectory() as map_:
        uitkomst = make_report(RapportOpties(uitvoer=Path(map_), pdf=True))
        assert uitkomst.pdf is not None
        pdf = pdfium.PdfDocument(uitkomst.pdf.read_bytes())
        voorpaginas = [s for s in uitkomst.rapport.secties if s.voorpagina is not None]
        for i, sectie in enumerate(voorpaginas, start=1):  # page 1 is the contents
            beeld = pdf[i].render(scale=1.25).to_pil().convert("P", palette=1, colors=256)
            pad = HIER / f"voorpagina-{sectie.sleutel.removeprefix('voorpagina-')}.png"
            beeld.save(pad, optimize=True)
            print(pad)
        pdf[0].render(scale=1.25).to_pil().convert("P", palette=1, colors=256).save(
            HIER / "inhoud.png", optimize=True
        )


if __name__ == "__main__":
    main()
