// kaltura-embed/doctor: the Embed doctor and the paste reader it is built on, over its own wasm
// (kaltura-embed-doctor_bg.wasm) through wasm-bindgen's glue, behind the trap guard (guard.js).
import init, * as glue from "./kaltura-embed-doctor_glue.js";
import { guard } from "./guard.js";

export default init;
export const initSync = glue.initSync;

const guarded = guard(glue, "kaltura-embed/doctor");
export const checkEmbed = guarded("checkEmbed");
export const readEmbed = guarded("readEmbed");
export const migrateEmbed = guarded("migrateEmbed");
/** @internal Traps on purpose: the tests prove the module recovers. */
export const __trapForTests = guarded("__trapForTests");
