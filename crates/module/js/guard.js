// kaltura-embed's trap guard, shared by every entry point (kaltura-embed.js, kaltura-embed-session.js,
// kaltura-embed-doctor.js), each over its own wasm-bindgen glue and wasm. The wasm is built with
// panic = "abort", so a panic would trap (WebAssembly.RuntimeError) and leave the instance
// unusable. No input is meant to reach one; if anything does, the guard drops the instance, starts
// a fresh one from the same compiled module, and throws a plain Error. Errors with `issues` (bad
// input) pass through untouched.

/** `guarded(name)` wraps the glue's export `name` for the entry point `entry`. */
export function guard(glue, entry) {
  function restart() {
    const module = glue.__reset();
    if (module === undefined) {
      throw new Error(
        `${entry} is not initialised: \`await init()\` in a browser, or \`initSync({ module: bytes })\` in Node`,
      );
    }
    glue.initSync({ module });
  }

  return function guarded(name) {
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
          throw new Error(`${entry}: internal error in ${name} (${error.message}); the module was restarted`, { cause: error });
        }
        throw error;
      }
    };
  };
}
