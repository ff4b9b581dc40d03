// The .xlsb test files, made with SheetJS (npm package "xlsx" 0.18.5), the only free writer of
// .xlsb: LibreOffice reads the format but cannot write it. Run from tests/bestanden, with the
// package installed in a folder outside the repository:
//   npm install --prefix /tmp/sheetjs xlsx@0.18.5
//   NODE_PATH=/tmp/sheetjs/node_modules node maken/xlsb.js
//
// match-sheetjs.xlsb: match.xlsx as SheetJS writes it. After the first cell of a row SheetJS
//   writes the "short" cell records of [MS-XLSB] (BrtShort*, no column number).
// match.xlsb: the same table with every cell a full cell record (with its column), as Excel
//   writes it; made by SheetJS with the one line that chooses the short form changed.
const fs = require("fs");
const path = require("path");
const XLSX = require("xlsx");

const wb = XLSX.readFile("match.xlsx");
XLSX.writeFile(wb, "match-sheetjs.xlsb", { bookType: "xlsb", compression: true });

const bron = fs.readFileSync(require.resolve("xlsx"), "utf8");
const regel = "last_seen = write_ws_bin_cell(ba, cell, R, C, opts, ws, last_seen);";
if (!bron.includes(regel)) throw new Error("SheetJS-versie onbekend: regel niet gevonden");
// next to the original (it loads its codepage tables from there), outside the repository
const kopie = path.join(path.dirname(require.resolve("xlsx")), "xlsx-volledig.js");
fs.writeFileSync(kopie, bron.replace(regel, "write_ws_bin_cell(ba, cell, R, C, opts, ws, false);"));
const Volledig = require(kopie);
Volledig.writeFile(Volledig.readFile("match.xlsx"), "match.xlsb", {
  bookType: "xlsb",
  compression: true,
});
