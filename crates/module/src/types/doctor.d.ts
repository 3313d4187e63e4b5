// The "./doctor" entry (kaltura-embed/doctor): the Embed doctor and the paste reader it is built on.
import type { EmbedOptions, IssuesError } from "./kaltura-embed.js";
export type { EmbedOptions, Issue, IssuesError } from "./kaltura-embed.js";

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
 * Reads a pasted KMC embed code, player URL, or MediaSpace / Events link into options.
 * @throws {IssuesError} at `text` when nothing is recognisable.
 */
export function readEmbed(text: string): ReadEmbed;
/**
 * Reads a v2 embed into v7 options, saying what does not carry over (the v2 player ID never does).
 * @throws {IssuesError} at `text` when it is not a v2 embed.
 */
export function migrateEmbed(text: string): ReadEmbed;
