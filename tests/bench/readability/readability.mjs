// The Readability.js peer of scripts/bench-extract: @mozilla/readability over linkedom's DOM.
//   node readability.mjs --out PRED.json [--headline] FILE...
// Writes {ID: {"articleBody": text}} (ID = file name without .html[.gz]); with --headline the
// article's title and a newline come first, as bench-extract scores its own output on the Dragnet
// pages. Files are read and inflated before the clock starts; the clock covers parsing and
// extraction, one thread. Prints "pages: N  extraction time: S s  pages/s: R".
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { gunzipSync } from "node:zlib";

const args = process.argv.slice(2);
let out = "";
let headline = false;
const files = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === "--out") out = args[++i];
  else if (args[i] === "--headline") headline = true;
  else files.push(args[i]);
}
if (!out || files.length === 0) {
  console.error("usage: node readability.mjs --out PRED.json [--headline] FILE...");
  process.exit(2);
}
const pages = files.map((f) => {
  let bytes = readFileSync(f);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  return { id: basename(f).replace(/\.gz$/, "").replace(/\.html?$/, ""), html: bytes.toString("utf8") };
});
const predictions = {};
const start = process.hrtime.bigint();
for (const page of pages) {
  let text = "";
  try {
    const { document } = parseHTML(page.html);
    const article = new Readability(document).parse();
    if (article) text = (headline && article.title ? article.title + "\n" : "") + (article.textContent || "");
  } catch {
    text = "";
  }
  predictions[page.id] = { articleBody: text };
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
writeFileSync(out, JSON.stringify(predictions));
console.log(`pages: ${pages.length}  extraction time: ${seconds.toFixed(3)} s  pages/s: ${Math.round(pages.length / seconds)}`);
