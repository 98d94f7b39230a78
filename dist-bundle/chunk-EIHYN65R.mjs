import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  require_dist
} from "./chunk-QJXVBNKU.mjs";
import {
  __toESM
} from "./chunk-IVK2YKFB.mjs";

// src/config/source.ts
var import_yaml = __toESM(require_dist(), 1);
import { constants } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";

// src/config/yaml-hints.ts
var INDENTATION_CODES = /* @__PURE__ */ new Set(["BLOCK_AS_IMPLICIT_KEY", "MULTILINE_IMPLICIT_KEY", "BAD_INDENT", "MISSING_CHAR", "UNEXPECTED_TOKEN"]);
function infoOf(line) {
  const indent = line.length - line.trimStart().length;
  const body = line.trim();
  const content = body !== "" && !body.startsWith("#");
  const code = body.replace(/\s+#.*$/, "");
  const item = /^-(\s+|$)/.exec(code);
  const keyColumn = item ? indent + item[0].length : indent;
  const opens = /:$|^-$|[:-]\s*[|>][-+0-9]*$/.test(code) || /^-\s+[^:]+:$/.test(code);
  return { indent, keyColumn, opens, content };
}
function indentationHint(text, code, errorLine) {
  if (!INDENTATION_CODES.has(code)) return void 0;
  const lines = text.split("\n");
  const infos = lines.map(infoOf);
  for (let l = Math.max(1, errorLine - 1); l <= Math.min(lines.length - 1, errorLine + 1); l++) {
    const cur = infos[l];
    if (!cur.content) continue;
    let p = l - 1;
    while (p >= 0 && !infos[p].content) p--;
    if (p < 0) continue;
    const prev = infos[p];
    const n = l + 1;
    if (cur.indent > prev.keyColumn && !prev.opens) {
      return {
        line: n,
        col: cur.indent + 1,
        message: `line ${n} is indented ${cur.indent} spaces, deeper than line ${p + 1} (${prev.keyColumn}), whose value is on that line, so nothing can nest under it: indent line ${n} by ${prev.keyColumn} spaces to put it beside it`
      };
    }
    if (cur.indent < prev.keyColumn) {
      const isItem = /^\s*-(\s|$)/.test(lines[l]);
      const fits = /* @__PURE__ */ new Set([0, prev.keyColumn]);
      if (isItem && prev.keyColumn !== prev.indent) fits.add(prev.indent);
      let min = prev.indent;
      for (let q = p - 1; q >= 0; q--) {
        const info = infos[q];
        if (!info.content || info.indent >= min) continue;
        min = info.indent;
        fits.add(info.keyColumn);
        if (isItem && info.keyColumn !== info.indent) fits.add(info.indent);
      }
      if (!fits.has(cur.indent)) {
        const sorted = [...fits].sort((a, b) => a - b);
        const nearest2 = [...fits].sort((a, b) => Math.abs(a - cur.indent) - Math.abs(b - cur.indent) || b - a)[0];
        return {
          line: n,
          col: cur.indent + 1,
          message: `line ${n} is indented ${cur.indent} spaces, which lines up with nothing above it (${isItem ? "lists and keys" : "keys"} there start at ${sorted.join(", ")}): indent it by ${nearest2} spaces`
        };
      }
    }
  }
  return void 0;
}
function codeFrame(text, line, col) {
  const lines = text.split("\n");
  const first = Math.max(1, line - 2);
  const width = String(line).length;
  const out = [];
  for (let n = first; n <= Math.min(line, lines.length); n++) {
    out.push(`${n === line ? ">" : " "} ${String(n).padStart(width)} | ${lines[n - 1] ?? ""}`);
  }
  out.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.max(0, col - 1))}^`);
  return out;
}

// src/config/source.ts
var MAX_FILE_BYTES = 8 * 1024 * 1024;
var MAX_ALIAS_COUNT = 100;
async function readSources(target) {
  const diagnostics = [];
  let info;
  try {
    info = await stat(target);
  } catch {
    diagnostics.push(at(target, 1, 1, `cannot read ${target}: no such file or directory (use -f <file or directory>)`));
    return { docs: [], diagnostics };
  }
  let files;
  if (info.isDirectory()) {
    files = (await readdir(target)).filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => path.join(target, n));
    if (files.length === 0) {
      diagnostics.push(at(target, 1, 1, `directory ${target} holds no *.yaml files`));
    }
  } else {
    files = [target];
  }
  const docs = [];
  for (const file of files) {
    const read = await readRegularFile(file);
    if (typeof read === "string") diagnostics.push(at(file, 1, 1, read));
    else docs.push(parseSource(file, read.text, diagnostics));
  }
  return { docs, diagnostics };
}
async function readRegularFile(file) {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err2) {
    return `cannot read ${file}: ${err2.code ?? err2.message}`;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      return `${file} is ${fileKind(info)}, not a regular file; only regular files are read as desired state`;
    }
    if (info.size > MAX_FILE_BYTES) return tooLarge(info.size);
    const chunks = [];
    let total = 0;
    for (; ; ) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, MAX_FILE_BYTES + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > MAX_FILE_BYTES) return tooLarge(total, true);
    }
    return { text: Buffer.concat(chunks, total).toString("utf8") };
  } catch (err2) {
    return `cannot read ${file}: ${err2.code ?? err2.message}`;
  } finally {
    await handle.close();
  }
}
function tooLarge(size, grew = false) {
  const mb = (n) => (n / 1024 / 1024).toFixed(1);
  return grew ? `file grew past ${MAX_FILE_BYTES / 1024 / 1024} MB while it was read; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB` : `file is ${mb(size)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB`;
}
function fileKind(info) {
  if (info.isDirectory()) return "a directory";
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  return "a special file";
}
function parseSource(file, text, diagnostics) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false });
  const source = { file, text, doc, lineCounter, data: void 0 };
  const seen = /* @__PURE__ */ new Set();
  for (const err2 of doc.errors) {
    const pos = lineCounter.linePos(err2.pos[0]);
    const hint = indentationHint(text, err2.code, pos.line);
    const d = hint ? at(file, hint.line, hint.col, `YAML indentation error: ${hint.message}`) : at(file, pos.line, pos.col, yamlMessage(err2.code, err2.message));
    const key = `${d.line}:${d.col}:${hint ? "indent" : d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    d.frame = codeFrame(text, d.line, d.col);
    diagnostics.push(d);
  }
  if (doc.errors.length > 0) return source;
  try {
    source.data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err2) {
    const firstAlias = findFirstAlias(doc.contents);
    const pos = firstAlias?.range ? lineCounter.linePos(firstAlias.range[0]) : { line: 1, col: 1 };
    const why = err2 instanceof ReferenceError && /alias/i.test(err2.message) ? `too many YAML alias expansions (more than ${MAX_ALIAS_COUNT}); this looks like an alias bomb \u2014 write the values out instead` : `cannot read YAML: ${err2.message}`;
    diagnostics.push(at(file, pos.line, pos.col, why));
  }
  return source;
}
function yamlMessage(code, message) {
  const first = message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  if (/Maximum call stack size exceeded/.test(first)) {
    return "YAML nested too deeply to read (a desired-state file needs only a few levels of nesting)";
  }
  switch (code) {
    case "DUPLICATE_KEY":
      return "duplicate key in this mapping; each key may appear only once";
    case "TAB_AS_INDENT":
      return "tab used for indentation; YAML needs spaces";
    default:
      return `YAML syntax error: ${first}`;
  }
}
function findFirstAlias(node) {
  if ((0, import_yaml.isAlias)(node)) return node;
  if ((0, import_yaml.isMap)(node) || (0, import_yaml.isSeq)(node)) {
    for (const item of node.items) {
      const found = (0, import_yaml.isPair)(item) ? findFirstAlias(item.key) ?? findFirstAlias(item.value) : findFirstAlias(item);
      if (found) return found;
    }
  }
  return void 0;
}
function at(file, line, col, message) {
  return { severity: "error", file, line, col, message };
}
function positionOf(source, dataPath, opts = {}) {
  let node = source.doc.contents;
  let best = isNodeWithRange(node) ? node : void 0;
  for (let i = 0; i < dataPath.length; i++) {
    const seg = dataPath[i];
    if ((0, import_yaml.isAlias)(node)) node = node.resolve(source.doc);
    if ((0, import_yaml.isMap)(node)) {
      const pair = node.items.find((p) => (0, import_yaml.isScalar)(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const last = i === dataPath.length - 1;
      if (last && opts.key && isNodeWithRange(pair.key)) {
        best = pair.key;
        break;
      }
      node = pair.value;
      if (isNodeWithRange(node)) best = node;
      else if (isNodeWithRange(pair.key)) best = pair.key;
    } else if ((0, import_yaml.isSeq)(node) && typeof seg === "number") {
      node = node.items[seg];
      if (isNodeWithRange(node)) best = node;
      else break;
    } else {
      break;
    }
  }
  const offset = best?.range ? best.range[0] : 0;
  const pos = source.lineCounter.linePos(offset);
  return { file: source.file, line: pos.line, col: pos.col };
}
function isNodeWithRange(n) {
  return typeof n === "object" && n !== null && "range" in n && Array.isArray(n.range);
}

// src/config/merge.ts
function mergeSources(docs, diagnostics) {
  const data = {};
  const listOrigins = /* @__PURE__ */ new Map();
  const mapOrigins = /* @__PURE__ */ new Map();
  const scalarOrigins = /* @__PURE__ */ new Map();
  for (const source of docs) {
    const doc = source.data;
    if (doc === void 0 || doc === null) continue;
    if (typeof doc !== "object" || Array.isArray(doc)) {
      if (docs.length === 1) return { data: doc, locate: single(source) };
      diagnostics.push(err(positionOf(source, []), "the file must be a YAML mapping (version, workspaces, keys, \u2026)"));
      continue;
    }
    for (const [section, value] of Object.entries(doc)) {
      const existing = data[section];
      if (existing === void 0) {
        if (Array.isArray(value)) {
          data[section] = [...value];
          listOrigins.set(section, value.map((_, i) => ({ source, path: [section, i] })));
        } else if (isPlainObject(value)) {
          data[section] = { ...value };
          mapOrigins.set(section, new Map(Object.keys(value).map((k) => [k, source])));
        } else {
          data[section] = value;
          scalarOrigins.set(section, source);
        }
        continue;
      }
      if (Array.isArray(existing) && Array.isArray(value)) {
        const origins = listOrigins.get(section);
        value.forEach((item, i) => {
          existing.push(item);
          origins.push({ source, path: [section, i] });
        });
      } else if (isPlainObject(existing) && isPlainObject(value)) {
        const owners = mapOrigins.get(section);
        for (const [k, v] of Object.entries(value)) {
          const owner = owners.get(k);
          if (owner) {
            const first = positionOf(owner, [section, k], { key: true });
            diagnostics.push(
              err(
                positionOf(source, [section, k], { key: true }),
                `${section}.${k} is already declared at ${first.file}:${first.line}:${first.col}; declare it in one file only`
              )
            );
            continue;
          }
          existing[k] = v;
          owners.set(k, source);
        }
      } else if (section === "$schema") {
        continue;
      } else if (!Array.isArray(existing) && !isPlainObject(existing) && existing === value) {
        continue;
      } else {
        const firstSource = scalarOrigins.get(section) ?? mapOrigins.get(section)?.values().next().value ?? docs[0];
        const first = positionOf(firstSource, [section], { key: true });
        diagnostics.push(
          err(
            positionOf(source, [section], { key: true }),
            `${section} differs from the one at ${first.file}:${first.line}:${first.col}; files of one directory must agree`
          )
        );
      }
    }
  }
  const fallback = docs[0];
  const locate = (dataPath, opts) => {
    if (!fallback) return { file: "<none>", line: 1, col: 1 };
    const [section, second, ...rest] = dataPath;
    if (typeof section === "string") {
      const list = listOrigins.get(section);
      if (list && typeof second === "number" && list[second]) {
        const o = list[second];
        return positionOf(o.source, [...o.path, ...rest], opts);
      }
      const owners = mapOrigins.get(section);
      if (owners && second !== void 0 && owners.has(String(second))) {
        return positionOf(owners.get(String(second)), dataPath, opts);
      }
      const owner = scalarOrigins.get(section) ?? owners?.values().next().value ?? list?.[0]?.source;
      if (owner) return positionOf(owner, [section], opts);
    }
    return positionOf(fallback, dataPath, opts);
  };
  return { data, locate };
}
function single(source) {
  return (dataPath, opts) => positionOf(source, dataPath, opts);
}
function isPlainObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function err(pos, message) {
  return { severity: "error", ...pos, message };
}

// src/config/suggest.ts
function editDistance(a, b) {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
function closest(input, candidates) {
  const lower = input.toLowerCase();
  let best;
  let bestScore = Infinity;
  for (const c of candidates) {
    const score = editDistance(lower, c.toLowerCase());
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  if (best === void 0) return void 0;
  const allowed = Math.max(1, Math.floor(Math.max(input.length, best.length) / 3));
  return bestScore <= allowed ? best : void 0;
}
function nearest(input, candidates, limit = 3) {
  const lower = input.toLowerCase();
  return candidates.map((c, i) => ({ c, i, d: editDistance(lower, c.toLowerCase()) })).sort((a, b) => a.d - b.d || a.i - b.i).slice(0, limit).map((x) => x.c);
}

// src/reserved-prefixes.ts
var LEASE_PREFIX = "oradmin-lease:";
var PENDING_PREFIX = "oradmin-pending";

export {
  readSources,
  parseSource,
  mergeSources,
  closest,
  nearest,
  LEASE_PREFIX,
  PENDING_PREFIX
};
