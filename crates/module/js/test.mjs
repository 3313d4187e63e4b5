// Node tests of the built package in dist/module/: `node crates/module/js/test.mjs` (after
// `cargo xtask build` or `cargo xtask module`). Calls every function of its three entry points
// (".", "./session", "./doctor"): the core's snapshot cases (the module writes exactly what the
// page shows), the bad-input table of crates/module/tests/cases.json, hostile values, a fuzz loop
// and trap recovery for each wasm, the README's Node example verbatim, a bundle made by esbuild
// from the package's name (bundle.mjs), and a strict `tsc --noEmit` of crates/module/js/typecheck
// against each entry's .d.ts.
// Ends with `N passed, M failed`.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { checkBundles } from "./bundle.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const dist = join(root, "dist", "module");
/** One entry point, imported from its file and initialised with its own wasm. */
async function load(stem) {
  const entry = await import(pathToFileURL(join(dist, `${stem}.js`)).href);
  entry.initSync({ module: readFileSync(join(dist, `${stem}_bg.wasm`)) });
  return entry;
}
const m = await load("kaltura-embed");
const session = await load("kaltura-embed-session");
const doctor = await load("kaltura-embed-doctor");

let passed = 0;
let failed = 0;
function check(name, actual, expected) {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a === e) {
    passed++;
  } else {
    failed++;
    console.log(`FAIL ${name}\n  expected ${e}\n  got      ${a}`);
  }
}
/** The issues a call throws, or `null` when it returns. */
function issuesOf(call) {
  try {
    call();
    return null;
  } catch (error) {
    return error.issues ?? `not an issues error: ${error}`;
  }
}

// 1. The core's snapshots (crates/kaltura/tests/it/snapshots), rebuilt with the same inputs as
// the core's tests, compared section by section.
const snapshots = join(root, "crates", "kaltura", "tests", "it", "snapshots");
function sections(file) {
  const text = readFileSync(join(snapshots, file), "utf8");
  return text.split(/^=== (.*) ===\n/m).slice(1).reduce((out, part, i, all) => {
    if (i % 2 === 0) out.push([part, all[i + 1]]);
    return out;
  }, []);
}
const ids = {
  Entry: { entryId: "1_abcd1234" },
  Playlist: { playlistId: "0_plst5678" },
};
const base = { partnerId: "2506752", uiConfId: "48460943" };
const allOptions = {
  width: "640", height: "360", autoplay: true, muted: true, mutedAutoplayFallback: true, loop: true,
  startAt: "0:30", clipTo: "1:45", ignoreSavedSettings: true, targetId: "promo-player", includeKs: true,
  ks: "djJ8MjUwNjc1Mnx0ZXN0LWtz",
};
// The snapshot's labels as options ("start at" alone keeps the timeline: no clipTo).
const labelled = { "options off": {}, "start at": { muted: true, startAt: "0:30" }, "all options": allOptions };
const noteField = { KsInUrl: "ks", KsInPage: "ks", AutoplayMayBeBlocked: "autoplay" };
for (const playerVersion of ["v7", "v2"]) {
  for (const embedType of ["dynamic", "auto", "iframe", "thumbnail"]) {
    for (const [title, body] of sections(`${playerVersion}_${embedType}.txt`)) {
      const [kind, label] = title.split(", ");
      const options = { ...base, ...ids[kind], playerVersion, embedType, ...labelled[label] };
      if (body.startsWith("not offered: ")) {
        // A combination the page does not offer (a thumbnail of a playlist): thrown, in the page's
        // words (the snapshot also lists the form's warnings, which are not thrown).
        const issues = issuesOf(() => m.embedCode(options)) ?? [];
        check(`snapshot ${playerVersion} ${embedType} ${title}`, [issues.length > 0, issues.every((i) => body.includes(i.message))], [true, true]);
        continue;
      }
      const notes = [...body.matchAll(/^note: (\w+)$/gm)].map((n) => noteField[n[1]]);
      const code = body.replace(/(\nnote: \w+)*\n$/, "");
      const got = m.embedCode(options);
      // The snapshot lists the snippet's notes; the form's own warnings (a playlist's start time) are at other keys.
      const noted = got.warnings.map((w) => w.field).filter((f) => f === "ks" || f === "autoplay");
      check(`snapshot ${playerVersion} ${embedType} ${title}`, [got.code, noted], [code, notes]);
    }
  }
}
for (const [output, file] of [["react", "react"], ["vue", "vue"], ["esm", "es_module"], ["second-player", "second_player"]]) {
  for (const [kind, body] of sections(`framework_${file}.txt`)) {
    const options = { ...base, ...ids[kind], autoplay: true, muted: true, startAt: "30" };
    check(`framework ${output} ${kind}`, m.frameworkCode(options, output), body.replace(/\n$/, ""));
  }
}

check("a playlist's start time is a warning at startAt", m.embedCode({ ...base, ...ids.Playlist, startAt: "0:30" }).warnings.map((w) => w.field), ["startAt"]);

// 2. Bad input for every field: the page's messages at the option keys (table from the core).
const cases = JSON.parse(readFileSync(join(root, "crates", "module", "tests", "it", "cases.json"), "utf8"));
for (const c of cases) check(`bad input: ${c.name}`, issuesOf(() => m.embedCode(c.options)), c.issues);
const entry = { ...base, entryId: "1_abcd1234" };
const shapes = [
  [{ ...entry, autoplay: "yes" }, [{ field: "autoplay", message: "Give true or false here, not text or a number." }]],
  [{ ...entry, width: [640] }, [{ field: "width", message: "Give text here, not a list." }]],
  [{ ...entry, embedType: "popup" }, [{ field: "embedType", message: 'Choose one of "dynamic", "auto", "iframe", "thumbnail".' }]],
  [{ ...entry, playlistId: "0_plst5678" }, [{ field: "playlistId", message: "Give either entryId or playlistId, not both: a player plays one of them." }]],
];
for (const [options, issues] of shapes) check(`shape ${JSON.stringify(options)}`, issuesOf(() => m.embedCode(options)), issues);
check("unknown key is an issue at that key", issuesOf(() => m.embedCode({ ...entry, entryID: "x" }))?.map((i) => i.field), ["entryID"]);
check("not an object", issuesOf(() => m.embedCode("2506752")), [{ field: "options", message: "Give the options as an object." }]);
check("framework code is v7 only", issuesOf(() => m.frameworkCode({ ...entry, playerVersion: "v2" }, "react"))?.map((i) => i.field), ["playerVersion"]);
check("framework output is checked", issuesOf(() => m.frameworkCode(entry, "svelte"))?.map((i) => i.field), ["output"]);
check("seo date", issuesOf(() => m.seoMetadata(entry, { name: "Demo", uploadDate: "2026-13-01" }))?.map((i) => i.field), ["uploadDate"]);
check("seo playlist", issuesOf(() => m.seoMetadata({ ...base, playlistId: "0_plst5678" }, { name: "Demo" }))?.map((i) => i.field), ["playlistId"]);

// 3. Every other function.
const v7 = '<script src="https://cdnapisec.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943"></script><script>KalturaPlayer.setup({targetId:"p",provider:{partnerId:2506752,uiConfId:48460943}}).loadMedia({entryId:"1_abcd1234"})</script>';
const read = doctor.readEmbed(v7);
check("readEmbed reads the IDs", [read.options.partnerId, read.options.uiConfId, read.options.entryId, read.options.playerVersion], ["2506752", "48460943", "1_abcd1234", "v7"]);
check("readEmbed's options make the same code", m.embedCode(read.options).code.includes("kaltura_player_1_abcd1234") || m.embedCode(read.options).code.includes('"p"'), true);
check("readEmbed: nothing recognisable", issuesOf(() => doctor.readEmbed("hello"))?.map((i) => i.field), ["text"]);
const v2 = '<script src="https://cdnapisec.kaltura.com/p/2506752/sp/250675200/embedIframeJs/uiconf_id/1234/partner_id/2506752"></script><script>kWidget.embed({targetId:"k",wid:"_2506752",uiconf_id:1234,entry_id:"1_abcd1234",flashvars:{autoPlay:true,"myPlugin.plugin":true}})</script>';
const migrated = doctor.migrateEmbed(v2);
check("migrateEmbed: v7 without the v2 player", [migrated.options.playerVersion, migrated.options.uiConfId, migrated.options.entryId], ["v7", undefined, "1_abcd1234"]);
check("migrateEmbed says what did not carry over", migrated.notRead.some((n) => n.includes("myPlugin")), true);
check("migrateEmbed refuses a v7 embed", issuesOf(() => doctor.migrateEmbed(v7))?.map((i) => i.field), ["text"]);
const v2Ks = session.inspectKs("djJ8MjUwNjc1Mnx0ZXN0LWtz");
check("inspectKs v2", [v2Ks.version, v2Ks.partnerId, v2Ks.isUserSession, typeof v2Ks.note], [2, "2506752", null, "string"]);
const v1Text = `${"a".repeat(40)}|2506752;2506752;1900000000;0;123;alice;sview:1_abcd1234;;`;
const v1 = session.inspectKs(Buffer.from(v1Text).toString("base64"));
check("inspectKs v1", [v1.version, v1.sessionType, v1.userId, v1.privileges, v1.validUntil, v1.isUserSession], [1, "USER (0)", "alice", ["sview:1_abcd1234"], 1900000000, true]);
check("inspectKs bad", issuesOf(() => session.inspectKs("not a ks!"))?.map((i) => i.field), ["ks"]);

const secret = { method: "secret", partnerId: "123", secret: "0123456789abcdef0123456789abcdef", userId: "alice", entryId: "1_abcd1234" };
const request = session.userSessionRequest(secret);
const body = new URLSearchParams(request.body);
check("session request: POST form to the multirequest", [request.method, request.headers["Content-Type"], request.url.endsWith("/api_v3/service/multirequest")], ["POST", "application/x-www-form-urlencoded", true]);
check("session request: USER type only", [body.getAll("1:type"), body.get("1:userId"), body.get("2:filter:idEqual")], [["0"], "alice", "1_abcd1234"]);
check("session request: missing secret", issuesOf(() => session.userSessionRequest({ ...secret, secret: "" }))?.map((i) => i.field), ["secret"]);
check("app token: step 1 first", session.userSessionRequest({ method: "appToken", partnerId: "123", appTokenId: "1_abcdefgh", appToken: "0123456789abcdef0123456789abcdef" }).step, "widgetKs");
const widget = { method: "widget", partnerId: "123" };
const userKs = Buffer.from(`${"a".repeat(40)}|123;123;1900000000;0;1;;;;`).toString("base64");
const answer = `[{"partnerId":123,"ks":"${userKs}","userId":0,"objectType":"KalturaStartWidgetSessionResponse"},{"objects":[],"totalCount":0,"objectType":"KalturaBaseEntryListResponse"}]`;
const started = session.readSessionAnswer(widget, answer);
check("readSessionAnswer: widget session", [started.step, started.ks, started.partnerId, started.entriesVisible], ["session", userKs, "123", 0]);
const refusal = '{"code":"START_SESSION_ERROR","message":"Error while starting session for partner [123]","objectType":"KalturaAPIException","args":{"PID":"123"}}';
check("readSessionAnswer: catalogued error at its field", issuesOf(() => session.readSessionAnswer(secret, refusal))?.map((i) => i.field), ["secret"]);

// 4. Hostile values stay inert in the code they reach.
const hostile = '</script><script>alert(1)</script>"\'&<>';
const seo = m.seoMetadata(entry, { name: hostile, description: hostile });
check("hostile SEO text stays inside its JSON string", seo.code.split("</script>").length, 2);
const hostileRequest = new URLSearchParams(session.userSessionRequest({ ...secret, userId: "bob&1:type=2" }).body);
check("hostile user id stays one form value", [hostileRequest.getAll("1:type"), hostileRequest.get("1:userId")], [["0"], "bob&1:type=2"]);
check("hostile ids are refused, not written", issuesOf(() => m.embedCode({ ...base, entryId: hostile }))?.map((i) => i.field), ["entryId"]);

// 5. Fuzz: random JSON-shaped values for every argument. Each call returns or throws an issues
// error; no trap, no other exception.
let seed = 20;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const keys = ["partnerId", "uiConfId", "entryId", "playlistId", "playerVersion", "embedType", "cdnHost", "aspectRatio", "width", "height", "autoplay", "muted", "loop", "startAt", "clipTo", "targetId", "ks", "includeKs", "method", "secret", "userId", "expiry", "name", "x"];
function value(depth = 0) {
  const pick = Math.floor(random() * 10);
  if (depth < 2 && pick === 0) return Array.from({ length: Math.floor(random() * 3) }, () => value(depth + 1));
  if (depth < 2 && pick === 1) return Object.fromEntries(keys.filter(() => random() < 0.3).map((k) => [k, value(depth + 1)]));
  return [null, undefined, true, false, 0, -1, 1.5, 2506752, NaN, 1e300, "", "1_abcd1234", "2506752", "v7", "v2", "iframe", "16:9", "0:30", "<>&\"'", "\u0000\uffff", "x".repeat(300)][Math.floor(random() * 21)];
}
const report = doctor.checkEmbed('<iframe src="https://cdnapisec.kaltura.com/p/123/embedPlaykitJs/uiconf_id/456?iframeembed=true&entry_id=1_abcd1234&ks=djJ8MTIzfGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6"></iframe>');
check("checkEmbed finds the iframe", [report.players.length, report.players[0]?.embedType], [1, "iframe"]);
check("checkEmbed names a KS in the URL and the missing allow", ["KsInUrl", "IframeAllow"].map((r) => report.players[0].findings.some((f) => f.rule === r)), [true, true]);
check("checkEmbed without a player", issuesOf(() => doctor.checkEmbed("<p>none</p>"))?.map((i) => i.field), ["html"]);
const fuzzed = [doctor.checkEmbed, m.embedCode, m.frameworkCode, m.seoMetadata, doctor.readEmbed, doctor.migrateEmbed, session.inspectKs, session.userSessionRequest, session.readSessionAnswer];
let fuzzProblems = 0;
for (let i = 0; i < 3000; i++) {
  const fn = fuzzed[i % fuzzed.length];
  const args = [random() < 0.8 ? { ...entry, ...value(1), [keys[i % keys.length]]: value() } : value(), value()];
  try {
    fn(...args);
  } catch (error) {
    if (!Array.isArray(error.issues)) {
      fuzzProblems++;
      if (fuzzProblems < 4) console.log(`fuzz: ${fn.name}(${JSON.stringify(args)}) threw ${error}`);
    }
  }
}
check("fuzz: every failure is an issues error", fuzzProblems, 0);
check("fuzz: the module still works", m.embedCode(entry).code.includes("1_abcd1234"), true);

// 6. A trap becomes a plain Error and the module is restarted: each entry has its own wasm.
for (const [name, entryPoint, works] of [
  ["kaltura-embed", m, () => m.embedCode(entry).code.includes("1_abcd1234")],
  ["kaltura-embed/session", session, () => session.inspectKs("djJ8MjUwNjc1Mnx0ZXN0LWtz").partnerId === "2506752"],
  ["kaltura-embed/doctor", doctor, () => doctor.readEmbed(v7).options.entryId === "1_abcd1234"],
]) {
  let trap;
  try {
    entryPoint.__trapForTests();
  } catch (error) {
    trap = error;
  }
  check(`${name}: a trap is thrown as an Error`, [trap instanceof Error, trap instanceof WebAssembly.RuntimeError, trap?.message.startsWith(`${name}: internal error`), /restarted/.test(trap?.message)], [true, false, true, true]);
  check(`${name}: after a trap the module works`, works(), true);
}
check("a trap in one entry leaves the others alone", m.embedCode(entry).code.includes("1_abcd1234"), true);

// 7. The README's Node example, verbatim, against the package installed as `kaltura-embed`.
const readme = readFileSync(join(root, "crates", "module", "README.md"), "utf8");
const example = readme.split("## In Node")[1].match(/```js\n([\s\S]*?)```/)[1];
const project = mkdtempSync(join(tmpdir(), "kaltura-embed-readme-"));
mkdirSync(join(project, "node_modules"));
symlinkSync(dist, join(project, "node_modules", "kaltura-embed"), "dir");
writeFileSync(join(project, "example.mjs"), example);
const printed = execFileSync(process.execPath, [join(project, "example.mjs")], { encoding: "utf8" });
rmSync(project, { recursive: true, force: true });
check("README Node example prints the v7 dynamic embed", printed.trim(), sections("v7_dynamic.txt")[0][1].trim());
const stems = ["kaltura-embed", "kaltura-embed-doctor", "kaltura-embed-session"];
const files = stems.flatMap((s) => [`${s}.d.ts`, `${s}.js`, `${s}_bg.wasm`, `${s}_glue.js`]);
check("dist/module has the package files", readdirSync(dist).sort(), ["README.md", ...files, "guard.js", "package.json"].sort());
const exported = JSON.parse(readFileSync(join(dist, "package.json"), "utf8")).exports;
check("package.json exports each entry's code and types", [".", "./session", "./doctor"].map((e) => exported[e]), [0, 2, 1].map((i) => ({ types: `./${stems[i]}.d.ts`, default: `./${stems[i]}.js` })));
check("each entry exports its own functions only", [m, session, doctor].map((e) => Object.keys(e).sort()), [
  ["__trapForTests", "default", "embedCode", "frameworkCode", "initSync", "seoMetadata"],
  ["__trapForTests", "default", "initSync", "inspectKs", "readSessionAnswer", "userSessionRequest"],
  ["__trapForTests", "checkEmbed", "default", "initSync", "migrateEmbed", "readEmbed"],
]);

// 8. A bundler: esbuild resolves the package by its name through `exports`; the bundle runs.
await checkBundles({ root, dist, check, expected: { code: m.embedCode(entry).code, partnerId: "2506752", players: 1 } });

// 9. Each .d.ts against a caller's code (strict; wrong types must be rejected).
const tsc = join(root, "tools", "node_modules", ".bin", "tsc");
const typed = mkdtempSync(join(tmpdir(), "kaltura-embed-types-"));
for (const file of ["example.ts", "tsconfig.json"]) copyFileSync(join(root, "crates", "module", "js", "typecheck", file), join(typed, file));
mkdirSync(join(typed, "node_modules"));
symlinkSync(dist, join(typed, "node_modules", "kaltura-embed"), "dir");
let tscOutput = "";
try {
  execFileSync(tsc, ["--noEmit", "-p", typed], { encoding: "utf8" });
} catch (error) {
  tscOutput = `${error.stdout ?? ""}${error.message}`;
}
rmSync(typed, { recursive: true, force: true });
check("tsc --noEmit on the typed example, each entry resolved through package.json exports", tscOutput, "");

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
