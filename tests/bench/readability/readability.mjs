// The Readability.js peer of scripts/bench-extract: @mozilla/readability over linkedom's DOM.
//   node readability.mjs --out PRED.json [--headline] FILE...
// Writes {ID: {"articleBody": text}} (ID = file name without .html[.gz]); with --headline the
// article's title and a newline come first, as bench-extract scores its own output on the Dragnet
// pages. Files are read and inflated before the clock starts; the clock (the process's CPU time,
// as dateline-extract-bench counts its thread's, so that other load on the machine does not
// count) covers parsing and extraction. Prints "pages: N  extraction time: S s CPU  pages/s: R".
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
const start = process.cpuUsage();
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
const used = process.cpuUsage(start);
const seconds = (used.user + used.system) / 1e6;
writeFileSync(out, JSON.stringify(predictions));
console.log(`pages: ${pages.length}  extraction time: ${seconds.toFixed(3)} s CPU  pages/s: ${Math.round(pages.length / seconds)}`);
