import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  bodyChecksum,
  planJson
} from "./chunk-CVIU2U5I.mjs";
import {
  OradminError
} from "./chunk-5QFJAZR6.mjs";
import {
  external_exports
} from "./chunk-543QZ3Z5.mjs";

// src/apply/planfile.ts
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
var PLANFILE_KIND = "oradmin-plan";
var PLANFILE_VERSION = 2;
var Planfile = external_exports.looseObject({
  kind: external_exports.literal(PLANFILE_KIND),
  format_version: external_exports.literal(PLANFILE_VERSION),
  created_at: external_exports.string(),
  file: external_exports.string(),
  desired_digest: external_exports.string(),
  live_digest: external_exports.string(),
  targets: external_exports.array(external_exports.string()),
  plan: external_exports.looseObject({ checksum: external_exports.string() }),
  mac: external_exports.string()
});
function macKey(managementKey) {
  return Buffer.from(hkdfSync("sha256", managementKey, "oradmin", "oradmin planfile mac v2", 32));
}
function macOf(doc, managementKey) {
  return `hmac-sha256:${createHmac("sha256", macKey(managementKey)).update(JSON.stringify(doc)).digest("hex")}`;
}
async function writePlanfile(file, data, managementKey) {
  const doc = {
    kind: PLANFILE_KIND,
    format_version: PLANFILE_VERSION,
    created_at: data.now.toISOString(),
    file: data.file,
    desired_digest: data.desiredDigest,
    live_digest: data.liveDigest,
    targets: [...data.targets],
    plan: planJson(data.plan)
  };
  doc.mac = macOf(doc, managementKey);
  await writeFile(file, `${JSON.stringify(doc, null, 2)}
`);
}
async function readPlanfile(file, managementKey, desiredFile) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new OradminError(`cannot read the plan file ${file}`);
  }
  const notOurs = `${file} is not a plan file saved by \`oradmin plan --out\``;
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new OradminError(`${notOurs} (not JSON)`);
  }
  if (raw && typeof raw === "object" && raw.kind === PLANFILE_KIND && raw.format_version !== PLANFILE_VERSION) {
    throw new OradminError(`${file} was saved by another version of oradmin; run \`oradmin plan --out ${file}\` again and review it`);
  }
  const result = Planfile.safeParse(raw);
  if (!result.success) throw new OradminError(`${notOurs} (format_version ${PLANFILE_VERSION})`);
  const { mac, ...unsigned } = raw;
  const expected = Buffer.from(macOf(unsigned, managementKey));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new OradminError(
      `${file} was not saved by \`oradmin plan --out\` with this organization's management key, or it was edited since; nothing was applied. Run \`oradmin plan --out ${file}\` again and review it.`
    );
  }
  const { checksum, ...body } = raw.plan;
  if (bodyChecksum(body) !== checksum) {
    throw new OradminError(`${file}: the saved plan does not match its checksum; nothing was applied. Run \`oradmin plan --out ${file}\` again and review it.`);
  }
  const saved = result.data;
  if (path.resolve(saved.file) !== path.resolve(desiredFile)) {
    throw new OradminError(
      `${file} is a plan of ${saved.file}, but apply reads ${desiredFile}; nothing was applied. Pass \`-f ${saved.file}\` to apply that plan (apply never takes the file from the plan file).`
    );
  }
  return saved;
}

export {
  writePlanfile,
  readPlanfile
};
