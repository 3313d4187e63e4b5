//! `cargo xtask setup|serve|build|test|bench`: the project's only entry points.

mod bench;
mod build;
mod cmd;
mod csp;
mod minify;
mod module;
mod preloads;
mod serve;
mod setup;
mod sim;
mod size_guard;
mod start_script;
mod static_server;
mod test;
mod wasm_integrity;

const USAGE: &str = "usage: cargo xtask <command>

  setup   install whatever is missing (wasm target, chromium, trunk, wasm-bindgen-cli, npm tools)
  serve   dev server with live reload on http://127.0.0.1:8080/ (plus the simulator, if present)
  build   release build into dist/ with a strict CSP meta; works under any subpath
  module  only the JS module package, into dist/module/ (`build` makes it too)
  test    every test layer; ends with one line `N passed, M failed`
          --quick: fmt, native clippy and native tests only; --e2e [filter]: build + e2e only
  bench   size and load-time benchmark";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().cloned().unwrap_or_default();
    cmd::prepare_environment();
    let result = match command.as_str() {
        "setup" => setup::setup(),
        "build" => build::build(&args[1..]),
        "module" => module::build_module(),
        "serve" => serve::serve(),
        "test" => test::test(&args[1..]),
        "bench" => bench::bench(),
        _ => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    };
    if let Err(message) = result {
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}
