// The package through a bundler, as a front-end project would use it: esbuild (pinned in tools/)
// bundles a small program that imports kaltura-embed, kaltura-embed/session and
// kaltura-embed/doctor BY NAME from node_modules (so resolution goes through package.json
// `exports`), and the bundle runs in Node with each wasm copied beside it (esbuild keeps
// `new URL("…_bg.wasm", import.meta.url)` as it is). Also: a bundle of "." alone carries none of
// the other entries. Called by test.mjs, which owns `check`.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const STEMS = ["kaltura-embed", "kaltura-embed-session", "kaltura-embed-doctor"];

/** The program a developer would write; it prints what each entry gave, as JSON. */
const PROGRAM = `
import { readFileSync } from "node:fs";
import { initSync, embedCode } from "kaltura-embed";
import { initSync as initSession, inspectKs } from "kaltura-embed/session";
import { initSync as initDoctor, checkEmbed } from "kaltura-embed/doctor";

const wasm = (stem) => readFileSync(new URL(\`./\${stem}_bg.wasm\`, import.meta.url));
initSync({ module: wasm("kaltura-embed") });
initSession({ module: wasm("kaltura-embed-session") });
initDoctor({ module: wasm("kaltura-embed-doctor") });

const { code } = embedCode({ partnerId: "2506752", uiConfId: "48460943", entryId: "1_abcd1234" });
const { partnerId } = inspectKs("djJ8MjUwNjc1Mnx0ZXN0LWtz");
const { players } = checkEmbed(code);
console.log(JSON.stringify({ code, partnerId, players: players.length }));
`;

/** A bundle of `source` (a file in `project`), as its text. */
async function bundle(esbuild, project, source, outfile) {
  writeFileSync(join(project, "src.mjs"), source);
  await esbuild.build({
    absWorkingDir: project,
    entryPoints: ["src.mjs"],
    bundle: true,
    format: "esm",
    platform: "node",
    outfile,
    logLevel: "silent",
  });
  return readFileSync(outfile, "utf8");
}

export async function checkBundles({ root, dist, check, expected }) {
  const esbuild = createRequire(join(root, "tools", "package.json"))("esbuild");
  const project = mkdtempSync(join(tmpdir(), "kaltura-embed-bundle-"));
  try {
    mkdirSync(join(project, "node_modules"));
    symlinkSync(dist, join(project, "node_modules", "kaltura-embed"), "dir");
    const out = join(project, "out");
    const text = await bundle(esbuild, project, PROGRAM, join(out, "app.mjs"));
    check("bundle: every entry is inside the bundle, none imported at run time", /from\s*["']kaltura-embed/.test(text), false);
    for (const stem of STEMS) copyFileSync(join(dist, `${stem}_bg.wasm`), join(out, `${stem}_bg.wasm`));
    const printed = execFileSync(process.execPath, [join(out, "app.mjs")], { encoding: "utf8" });
    check("bundle: runs in Node and gives what the package gives", JSON.parse(printed), expected);

    const alone = await bundle(esbuild, project, 'export { embedCode } from "kaltura-embed";\n', join(out, "embed.mjs"));
    check("bundle of \".\" alone: none of the other entries' code or wasm", ["inspectKs", "checkEmbed", "session_bg", "doctor_bg"].filter((s) => alone.includes(s)), []);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}
