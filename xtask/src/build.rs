//! `cargo xtask build`: trunk release build into `dist/`, then the JS glue minified, the start-up
//! script made `async`, the wasm preload's ignored integrity dropped, the preloads moved first, the CSP meta and `404.html`.

use crate::cmd::{repo_root, run, trunk};
use crate::csp;
use std::time::Instant;

/// `cargo xtask build [--no-setup]`: `--no-setup` is for `cargo xtask test`, which has run setup
/// and builds in a child process beside its other layers.
pub fn build(args: &[String]) -> Result<(), String> {
    match args {
        [] => crate::setup::setup()?,
        [flag] if flag == "--no-setup" => {}
        _ => {
            return Err(format!(
                "unexpected `{}`; usage: cargo xtask build",
                args.join(" ")
            ))
        }
    }
    build_dist()
}

/// The build itself, for callers that already ran setup.
pub fn build_dist() -> Result<(), String> {
    let started = Instant::now();
    run(trunk(&["build", "--release", "--public-url", "./"]))?;
    let dist = repo_root().join("dist");
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("cannot read {}: {e}", index_path.display()))?;
    let index = crate::minify::minify_glue(&dist, &index)?;
    let index = crate::start_script::make_start_async(&index)?;
    let index = crate::wasm_integrity::drop_wasm_preload_integrity(&index)?;
    let index = crate::preloads::hoist_preloads(&index)?;
    let with_csp = csp::add_csp_meta(&index).map_err(|e| e.to_string())?;
    std::fs::write(&index_path, &with_csp)
        .map_err(|e| format!("cannot write {}: {e}", index_path.display()))?;
    // GitHub Pages answers unknown paths with 404.html: the same page keeps deep links working.
    std::fs::write(dist.join("404.html"), &with_csp)
        .map_err(|e| format!("cannot write 404.html: {e}"))?;
    crate::module::build_module()?;
    let scripts = csp::inline_scripts(&with_csp).map_err(|e| e.to_string())?;
    let styles = csp::inline_styles(&with_csp).map_err(|e| e.to_string())?;
    println!(
        "build: dist/ ready in {:.1?} (JS glue minified; start-up script async; the wasm preload's ignored integrity dropped; preloads first; CSP meta added; {} inline script(s) and {} inline style(s) allowed by hash)",
        started.elapsed(),
        scripts.len(),
        styles.len()
    );
    Ok(())
}
