// Type-checks each entry's .d.ts in dist/module/ the way a caller uses it: crates/module/js/test.mjs
// copies this folder into a project whose node_modules/kaltura-embed is dist/module, so the
// imports resolve through package.json `exports`, and runs `tsc --noEmit -p` there. The lines
// marked to expect an error prove the types are strict.
import init, { embedCode, frameworkCode, seoMetadata, type EmbedOptions, type Issue, type IssuesError } from "kaltura-embed";
import initSession, { inspectKs, readSessionAnswer, userSessionRequest, type SessionOptions } from "kaltura-embed/session";
import initDoctor, { checkEmbed, migrateEmbed, readEmbed, type DoctorReport, type Issue as DoctorIssue } from "kaltura-embed/doctor";

await Promise.all([init(), initSession(), initDoctor()]);
const options: EmbedOptions = { partnerId: 2506752, uiConfId: "48460943", entryId: "1_abcd1234", embedType: "iframe" };
const { code, warnings }: { code: string; warnings: Issue[] } = embedCode(options);
const react: string = frameworkCode(options, "react");
const seo: string = seoMetadata(options, { name: "Demo", duration: 90 }).code;
const read = readEmbed(code);
const again = embedCode(read.options);
const migrated: string[] = migrateEmbed(code).notRead;
const expires: number | null = inspectKs("djJ8MjUwNjc1Mnx0ZXN0LWtz").validUntil;
const widget: SessionOptions = { method: "widget", partnerId: "2506752" };
const request = userSessionRequest(widget);
const sent = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
const ks: string = readSessionAnswer(widget, await sent.text()).ks;
const report: DoctorReport = checkEmbed(code);
const sameIssue: Issue = { field: "html", message: "" } satisfies DoctorIssue;
const fixed: string | null = report.players[0]?.corrected ?? null;
try {
  embedCode({});
} catch (error) {
  for (const { field, message } of (error as IssuesError).issues) console.log(field, message);
}
console.log(warnings, react, seo, again, migrated, expires, ks, sameIssue, fixed);

// @ts-expect-error: not an embed type
embedCode({ embedType: "popup" });
// @ts-expect-error: not an option
embedCode({ entryID: "1_abcd1234" });
// @ts-expect-error: autoplay is a boolean
embedCode({ autoplay: "yes" });
// @ts-expect-error: framework code is for react, vue, esm or a second player
frameworkCode(options, "svelte");
// @ts-expect-error: a session result has no secret
readSessionAnswer({}, "").secret;
// @ts-expect-error: only USER sessions, and no "admin" method
userSessionRequest({ method: "admin" });
// @ts-expect-error: the doctor reads text
checkEmbed({ html: "<iframe>" });
// @ts-expect-error: each entry has its own functions: "." has no inspectKs
import("kaltura-embed").then((e) => e.inspectKs);
