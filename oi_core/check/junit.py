"""A :class:`Controleverslag` as JUnit XML, which every CI system can show.

One ``testsuite`` per plugin, one ``testcase`` per performed check (classname
``oi.<plugin>.<controle>``, name the activity, function or plugin). A ``fout`` is a
``failure``; a ``waarschuwing`` is printed in ``system-out`` and is a ``failure`` only in
strict mode, exactly as the exit code of ``oi check``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from oi_core.check.bevinding import Controle, Controleverslag

__all__ = ["to_junit"]


def to_junit(verslag: Controleverslag, strikt: bool = False) -> str:
    """The report as a JUnit XML document (UTF-8 text)."""
    wortel = ET.Element("testsuites", name="oi check")
    for plugin in verslag.plugins():
        controles = [c for c in verslag if c.plugin == plugin]
        suite = ET.SubElement(wortel, "testsuite", name=plugin)
        for controle in controles:
            _testcase(suite, controle, strikt)
        _count(suite, controles, strikt)
    _count(wortel, list(verslag), strikt)
    ET.indent(wortel)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(wortel, encoding="unicode")


def _count(element: ET.Element, controles: list[Controle], strikt: bool) -> None:
    element.set("tests", str(len(controles)))
    element.set("failures", str(sum(not c.geslaagd(strikt) for c in controles)))
    element.set("errors", "0")


def _testcase(suite: ET.Element, controle: Controle, strikt: bool) -> None:
    geval = ET.SubElement(
        suite,
        "testcase",
        classname=f"oi.{controle.plugin}.{controle.naam}",
        name=controle.onderwerp or controle.plugin,
    )
    tellend = [b for b in controle.bevindingen if b.telt(strikt)]
    if tellend:
        eerste = tellend[0]
        fout = ET.SubElement(
            geval, "failure", message=f"{eerste.waar}: {eerste.melding}", type=eerste.ernst.value
        )
        fout.text = "\n".join(str(b) for b in tellend)
    overig = [b for b in controle.bevindingen if not b.telt(strikt)]
    if overig:
        ET.SubElement(geval, "system-out").text = "\n".join(str(b) for b in overig)
