// Type-checks dist/module/kaltura-embed.d.ts the way a caller uses it (`tsc --noEmit -p` this
// folder; run by crates/module/js/test.mjs). The @ts-expect-error lines prove the types are strict.
import init, {
  embedCode,
  frameworkCode,
  inspectKs,
  migrateEmbed,
  readEmbed,
  readSessionAnswer,
  seoMetadata,
  userSessionRequest,
  type EmbedOptions,
  type Issue,
  type IssuesError,
} from "kaltura-embed";

await init();
const options: EmbedOptions = { partnerId: 2506752, uiConfId: "48460943", entryId: "1_abcd1234", embedType: "iframe" };
const { code, warnings }: { code: string; warnings: Issue[] } = embedCode(options);
const react: string = frameworkCode(options, "react");
const seo: string = seoMetadata(options, { name: "Demo", duration: 90 }).code;
const read = readEmbed(code);
const again = embedCode(read.options);
const migrated: string[] = migrateEmbed(code).notRead;
const expires: number | null = inspectKs("djJ8MjUwNjc1Mnx0ZXN0LWtz").validUntil;
const request = userSessionRequest({ method: "widget", partnerId: "2506752" });
const sent = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
const ks: string = readSessionAnswer({ method: "widget", partnerId: "2506752" }, await sent.text()).ks;
try {
  embedCode({});
} catch (error) {
  for (const { field, message } of (error as IssuesError).issues) console.log(field, message);
}
console.log(warnings, react, seo, again, migrated, expires, ks);

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
