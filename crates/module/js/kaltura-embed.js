// kaltura-embed (the package's "." entry): embed code, framework code and SEO metadata, over its
// own wasm (kaltura-embed_bg.wasm) through wasm-bindgen's glue, behind the trap guard (guard.js).
import init, * as glue from "./kaltura-embed_glue.js";
import { guard } from "./guard.js";

export default init;
export const initSync = glue.initSync;

const guarded = guard(glue, "kaltura-embed");
export const embedCode = guarded("embedCode");
export const frameworkCode = guarded("frameworkCode");
export const seoMetadata = guarded("seoMetadata");
/** @internal Traps on purpose: the tests prove the module recovers. */
export const __trapForTests = guarded("__trapForTests");
