// kaltura-embed: the package's entry. wasm-bindgen's glue (kaltura-embed_glue.js) behind a guard:
// the wasm is built with panic = "abort", so a panic would trap (WebAssembly.RuntimeError) and
// leave the instance unusable. No input is meant to reach one; if anything does, the guard drops
// the instance, starts a fresh one from the same compiled module, and throws a plain Error.
// Errors with `issues` (bad input) pass through untouched.
import init, * as glue from "./kaltura-embed_glue.js";

export default init;
export const initSync = glue.initSync;

function restart() {
  const module = glue.__reset();
  if (module === undefined) {
    throw new Error(
      "kaltura-embed is not initialised: `await init()` in a browser, or `initSync({ module: bytes })` in Node",
    );
  }
  glue.initSync({ module });
}

function guarded(name) {
  const call = glue[name];
  return (...args) => {
    try {
      return call(...args);
    } catch (error) {
      if (Array.isArray(error?.issues)) throw error;
      // A trap, or a JS exception thrown through wasm (e.g. by a getter on the options): the
      // instance may be mid-call, so it is replaced before anything else runs.
      restart();
      if (error instanceof WebAssembly.RuntimeError) {
        throw new Error(`kaltura-embed: internal error in ${name} (${error.message}); the module was restarted`, { cause: error });
      }
      throw error;
    }
  };
}

export const embedCode = guarded("embedCode");
export const frameworkCode = guarded("frameworkCode");
export const seoMetadata = guarded("seoMetadata");
export const readEmbed = guarded("readEmbed");
export const migrateEmbed = guarded("migrateEmbed");
export const checkEmbed = guarded("checkEmbed");
export const inspectKs = guarded("inspectKs");
export const userSessionRequest = guarded("userSessionRequest");
export const readSessionAnswer = guarded("readSessionAnswer");
/** @internal Traps on purpose: the tests prove the module recovers. */
export const __trapForTests = guarded("__trapForTests");
