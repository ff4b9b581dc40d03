"""The front page of an activity as a worksheet (the first sheets of the workbook).

The content is the :class:`~oi_rapport.voorpagina.Voorpagina` that the HTML lays out too;
this sheet shows its blocks in reading order (no frozen first table) and the map as a
picture on the right, without the data table a chart sheet puts under a figure (the
numbers are in the small match table beside it). Printed like every sheet of the report
(:func:`~oi_rapport.xlsx_weergave.page_setup`), but always portrait: A4, one page wide.
"""

from __future__ import annotations

from oi_rapport.document import Grafiek
from oi_rapport.xlsx_weergave import _Blad, page_setup

__all__ = ["VoorpaginaBlad"]


class VoorpaginaBlad(_Blad):
    """One activity's front page as a sheet."""

    def render(self) -> None:
        ws = self.ws
        ws.hide_gridlines(2)
        ws.set_column(0, 0, 22)
        ws.set_column(1, self.breedte - 1, 15)
        ws.write(0, 0, self.sectie.titel, self.s.titel)
        ws.set_row(0, 24)
        if self.sectie.ondertitel:
            ws.write(1, 0, self.sectie.ondertitel, self.s.ondertitel)
        self.rij = 3
        for blok in self.sectie.blokken:
            if isinstance(blok, Grafiek) and blok.figuur.soort == "kaart":
                self._image(blok)
            else:
                self._block(blok)
        page_setup(ws, max(self.rij, self.rechts_rij), self.rechts_kolom + 6, staand=True)
