// kaltura-embed/session: KS inspection and USER-session requests and answers, over its own wasm
// (kaltura-embed-session_bg.wasm) through wasm-bindgen's glue, behind the trap guard (guard.js).
import init, * as glue from "./kaltura-embed-session_glue.js";
import { guard } from "./guard.js";

export default init;
export const initSync = glue.initSync;

const guarded = guard(glue, "kaltura-embed/session");
export const inspectKs = guarded("inspectKs");
export const userSessionRequest = guarded("userSessionRequest");
export const readSessionAnswer = guarded("readSessionAnswer");
/** @internal Traps on purpose: the tests prove the module recovers. */
export const __trapForTests = guarded("__trapForTests");
