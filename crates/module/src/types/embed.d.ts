// The "." entry (kaltura-embed): its option and result interfaces, and the two shared by every
// entry (Issue, IssuesError), which kaltura-embed/session and kaltura-embed/doctor re-export.
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
