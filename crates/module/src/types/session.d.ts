// The "./session" entry (kaltura-embed/session): KS inspection and USER-session requests.
import type { IssuesError } from "./kaltura-embed.js";
export type { Issue, IssuesError } from "./kaltura-embed.js";

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
