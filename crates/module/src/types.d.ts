/** One problem or warning at one option key, in the Embed Studio page's own words. */
export interface Issue {
  /** The option key (`"partnerId"`, `"entryId"`, …), or `"options"` / `"text"` for the whole input. */
  field: string;
  message: string;
}

/** What every function throws on bad input: an `Error` whose message lists the problems. */
export interface IssuesError extends Error {
  issues: Issue[];
}

/** Options of {@link embedCode}: the page's embed form. Text fields take what the page's fields take. */
export interface EmbedOptions {
  /** Partner ID, e.g. `"2506752"` (a number is accepted too). */
  partnerId?: string | number;
  /** Player ID (uiConf ID) of a player made for `playerVersion`. */
  uiConfId?: string | number;
  /** Entry ID, e.g. `"1_abcd1234"`. Give this or `playlistId`. */
  entryId?: string;
  /** Playlist ID, e.g. `"0_plst5678"`. Give this or `entryId`. */
  playlistId?: string;
  /** Player version; default `"v7"`. */
  playerVersion?: "v7" | "v2";
  /** Embed type; default `"dynamic"`. */
  embedType?: "dynamic" | "auto" | "iframe" | "thumbnail";
  /** Custom / on-prem CDN host, e.g. `"cdnapisec.kaltura.com"` or `"https://video.example.com"`. Left out: Kaltura SaaS. Given empty: missing. */
  cdnHost?: string;
  /** Responsive player's ratio: `"16:9"` (default), `"4:3"`, `"1:1"`, `"9:16"` or any `"w:h"`. Not with `width`/`height`. */
  aspectRatio?: string;
  /** Fixed width in pixels (makes a fixed-size player; give `height` too). */
  width?: string | number;
  /** Fixed height in pixels. */
  height?: string | number;
  autoplay?: boolean;
  muted?: boolean;
  /** When autoplay with sound is blocked, start muted instead; default `true`. */
  mutedAutoplayFallback?: boolean;
  loop?: boolean;
  /** Start at: seconds or `"m:ss"` / `"h:mm:ss"`. Alone, playback starts there and the whole
   *  timeline is kept (v7 `sources.startTime`, v2 `mediaProxy.mediaPlayFrom`). */
  startAt?: string | number;
  /** Clip to a segment ending here (seconds or `"m:ss"`, later than `startAt`): v7 cuts the media
   *  to `startAt`–`clipTo` (`seekFrom` / `clipTo`, the duration changes); v2 stops there. */
  clipTo?: string | number;
  /** v7: ignore the viewer's saved player settings (muted, volume) so the embed's own apply
   *  (`disableUserCache: true`). Default false. */
  ignoreSavedSettings?: boolean;
  /** The container element's id; default `kaltura_player_<content id>`. */
  targetId?: string;
  /** A USER KS. Put into the code only with `includeKs: true` (then a warning says where it shows). */
  ks?: string;
  /** Opt-in: put `ks` into the code. */
  includeKs?: boolean;
}

/** The embed code and what the page says next to it. */
export interface EmbedCode {
  code: string;
  /** The code is still given; these say what to know about it (a KS in a URL, blocked autoplay, …). */
  warnings: Issue[];
}

/** Code besides the HTML embed (player v7 only). */
export type FrameworkOutput = "react" | "vue" | "esm" | "second-player";

/** schema.org `VideoObject` fields for {@link seoMetadata}. */
export interface VideoOptions {
  /** Required by search engines. */
  name?: string;
  description?: string;
  /** `https://…` */
  thumbnailUrl?: string;
  /** `YYYY-MM-DD` */
  uploadDate?: string;
  /** Seconds or `"m:ss"`. */
  duration?: string | number;
}

export interface SeoMetadata {
  /** A `<script type="application/ld+json">` block. */
  code: string;
  /** Labels of the fields Google also needs before it shows a video rich result. */
  missingForRichResults: string[];
}

/** What {@link readEmbed} / {@link migrateEmbed} read from a paste. */
export interface ReadEmbed {
  /** Ready for {@link embedCode} (after adding what is missing, e.g. a v7 `uiConfId` after a migration). */
  options: EmbedOptions & { playerVersion: "v7" | "v2"; embedType: "dynamic" | "auto" | "iframe" | "thumbnail" };
  /** Labels of what was read (or carried over to v7). */
  filled: string[];
  /** What was not read or not carried over, and what was not found, in plain words. */
  notRead: string[];
  /** The paste holds a KS, a credential: it is never put into `options`; clear it from your UI. */
  hasKs: boolean;
}

/** What the page's KS inspector shows. v2 KSs are encrypted: only the partner is readable. */
export interface KsInspection {
  version: 1 | 2;
  partnerId: string;
  /** `true` for a USER (type 0) KS; `null` for v2. */
  isUserSession: boolean | null;
  /** `"USER (0)"`, `"ADMIN (2)"`, `"unknown (n)"` or `"not stated"`; `null` for v2. */
  sessionType: string | null;
  /** Expiry in unix seconds; `null` for v2. */
  validUntil: number | null;
  /** `""` is anonymous; `null` for v2. */
  userId: string | null;
  privileges: string[] | null;
  masterPartnerId: string | null;
  signatureLength: number | null;
  signatureIsSha1Hex: boolean | null;
  encryptedLength: number | null;
  /** For v2: why the rest cannot be read. */
  note: string | null;
}

/** Options of {@link userSessionRequest}: the page's Session panel. Only USER (type 0) sessions exist here. */
export interface SessionOptions {
  /** `"widget"` (default, anonymous), `"appToken"` (recommended), `"secret"`, or `"ks"` to check a KS. */
  method?: "widget" | "appToken" | "secret" | "ks";
  /** api_v3 service URL; default Kaltura SaaS `https://www.kaltura.com`. */
  serviceUrl?: string;
  partnerId?: string | number;
  /** Partner secret (method `"secret"`); used for this one request only. */
  secret?: string;
  appTokenId?: string;
  appToken?: string;
  /** The app token's hash type; default `"SHA1"`. */
  hashType?: "SHA1" | "SHA256" | "SHA512" | "MD5";
  /** App-token step 2: the widget KS that step 1's answer gave. */
  widgetKs?: string;
  /** The KS to check (method `"ks"`). */
  ks?: string;
  userId?: string;
  /** Seconds, or `"30m"`, `"2h"`; default one hour. */
  expiry?: string | number;
  /** Extra privileges, comma-separated (`"sview:1_abc,list:*"`). */
  privileges?: string;
  /** Add `sview:` for `entryId` / `playlistId`. */
  limitToContent?: boolean;
  privacyContext?: string;
  enableEntitlement?: boolean;
  /** Add the playback-only role; default `true`. */
  playbackRole?: boolean;
  actionsLimit?: string | number;
  uriRestrict?: string;
  /** The embed's entry: the check looks it up with the new KS. */
  entryId?: string;
  playlistId?: string;
}

/** A request to send as it is: `fetch(r.url, { method: r.method, headers: r.headers, body: r.body })`. */
export interface SessionRequest {
  url: string;
  method: "POST";
  headers: { "Content-Type": "application/x-www-form-urlencoded" };
  body: string;
  /** `"widgetKs"`: app-token step 1; read its answer, then call again with `widgetKs`. */
  step: "session" | "widgetKs";
}

/** The answer of a {@link SessionRequest}, read. */
export interface SessionAnswer {
  step: "session" | "widgetKs";
  /** The new KS (a credential: keep it in memory only), or the widget KS for app-token step 2. */
  ks: string;
  partnerId: string | null;
  /** `""` is anonymous; `null` when encrypted (a pasted v2 KS). */
  userId: string | null;
  /** Unix seconds, when known. */
  expiresAt: number | null;
  /** Requested lifetime, counted from the answer (an upper bound), when the exact expiry is unknown. */
  expiresAfterSecs: number | null;
  privileges: string | null;
  /** Entries this KS can see (or whether it sees `entryId`: 0 or 1). */
  entriesVisible: number | null;
  /** The session started, but listing entries with it failed: why. */
  listError: string | null;
  /** The `entryId` / `playlistId` checked is not visible to this KS (or is the other kind). */
  contentNotFound: boolean;
  /** One line, as the page shows it. */
  summary: string | null;
}

/**
 * The embed code for these options, exactly as the page writes it.
 * @throws {IssuesError} when a field is missing or invalid (`issues` lists each, at its option key).
 * @example embedCode({ partnerId: "2506752", uiConfId: "48460943", entryId: "1_abcd1234" }).code
 */
export function embedCode(options: EmbedOptions): EmbedCode;
/**
 * React, Vue, ES-module or second-player code for a v7 player.
 * @throws {IssuesError} as {@link embedCode}, or at `playerVersion` for v2.
 */
export function frameworkCode(options: EmbedOptions, output: FrameworkOutput): string;
/**
 * schema.org `VideoObject` JSON-LD for the page about this entry.
 * @throws {IssuesError} as {@link embedCode}, or at the video field that is wrong.
 */
export function seoMetadata(options: EmbedOptions, video: VideoOptions): SeoMetadata;
/**
 * Reads a pasted KMC embed code, player URL, or MediaSpace / Events link into options.
 * @throws {IssuesError} at `text` when nothing is recognisable.
 */
export function readEmbed(text: string): ReadEmbed;
/**
 * Reads a v2 embed into v7 options, saying what does not carry over (the v2 player ID never does).
 * @throws {IssuesError} at `text` when it is not a v2 embed.
 */
export function migrateEmbed(text: string): ReadEmbed;
/** One problem the Embed doctor found. */
export interface DoctorFinding {
  /** `"breaks"`: the player will not work; `"risky"`: it works but leaks or may fail; `"style"`. */
  severity: "breaks" | "risky" | "style";
  /** The rule's name, e.g. `"KsInUrl"`, `"IframeAllow"`, `"ThumbnailPlaylist"`. */
  rule: string;
  /** One sentence: why this is a problem. */
  why: string;
  /** What to change. */
  fix: string;
}
/** A player found in the pasted code. */
export interface DoctorPlayer {
  playerVersion: "v7" | "v2";
  embedType: "dynamic" | "auto" | "iframe" | "thumbnail";
  /** 1-based line of the paste where the player's code starts. */
  line: number;
  /** Its problems, in the order of the code. */
  findings: DoctorFinding[];
  /** The player as options for `embedCode`, with the fixes the doctor can make. */
  options: EmbedOptions;
  /** The corrected code, when the options have everything it needs; else null. */
  corrected: string | null;
}
/** What `checkEmbed` found. */
export interface DoctorReport {
  players: DoctorPlayer[];
  /** Findings about the page as a whole (the library loaded twice, two uiConf bundles, …). */
  page: DoctorFinding[];
  /** More players than the doctor checks (200): the rest were not checked. */
  truncated: boolean;
}
/**
 * The Embed doctor: every Kaltura player in pasted embed code or a whole page's HTML, each problem
 * with its severity, why and the fix, and corrected options and code. Nothing leaves the module.
 * @throws {IssuesError} at `html` when it holds no player, or is over 2 MB.
 */
export function checkEmbed(html: string): DoctorReport;
/**
 * What a KS says about itself (no secret needed: the signature is not checked).
 * @throws {IssuesError} at `ks` when it is not a readable KS.
 */
export function inspectKs(ks: string): KsInspection;
/**
 * The api_v3 request that starts (and checks) a USER session. No IO: send it with your own `fetch`.
 * @throws {IssuesError} at each option that is missing or invalid.
 */
export function userSessionRequest(options: SessionOptions): SessionRequest;
/**
 * Reads the response text of the request built from the same `options`.
 * @throws {IssuesError} with the api_v3 error in plain words (and what to do), at the option it concerns.
 */
export function readSessionAnswer(options: SessionOptions, answer: string): SessionAnswer;
