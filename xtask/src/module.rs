//! `dist/module/`: the embed core as an npm-style ES module package (`crates/module`), built with
//! cargo + wasm-bindgen `--target web`, wasm-opt -Oz and terser, beside the page (whose files it
//! does not touch).

use std::path::{Path, PathBuf};

use crate::cmd::{command, repo_root, run};

/// The package's file stem: `kaltura-embed.js`, `kaltura-embed_bg.wasm`, `kaltura-embed.d.ts`.
const STEM: &str = "kaltura-embed";

/// Appended to wasm-bindgen's glue: lets the wrapper drop a trapped instance and start a fresh
/// one from the same compiled module (`initSync` returns the old instance while one is set).
const RESET: &str = "\nexport function __reset() { wasm = undefined; __wbg_init_promise = undefined; return wasmModule; }\n";

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"))
}

fn path_text(path: &Path) -> Result<&str, String> {
    path.to_str()
        .ok_or_else(|| format!("{} is not valid UTF-8", path.display()))
}

/// Builds the package into `dist/module/` (after the page's build, which empties `dist/`).
pub fn build_module() -> Result<(), String> {
    let root = repo_root();
    let out = root.join("dist/module");
    run(command(
        "cargo",
        &[
            "build",
            "--package",
            "module",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
        ],
    ))?;
    let wasm = target_dir().join("wasm32-unknown-unknown/release/kaltura_embed.wasm");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    run(command(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--out-dir",
            path_text(&out)?,
            "--out-name",
            STEM,
            path_text(&wasm)?,
        ],
    ))?;
    let bg = out.join(format!("{STEM}_bg.wasm"));
    run(command(
        "wasm-opt",
        &["-Oz", path_text(&bg)?, "-o", path_text(&bg)?],
    ))?;
    // The glue becomes `kaltura-embed_glue.js`; `kaltura-embed.js` is the guarding wrapper. The
    // glue still finds `kaltura-embed_bg.wasm` beside itself through `import.meta.url`.
    let glue = out.join(format!("{STEM}_glue.js"));
    let generated = std::fs::read_to_string(out.join(format!("{STEM}.js")))
        .map_err(|e| format!("wasm-bindgen glue: {e}"))?;
    if !generated.contains("let wasmModule, wasmInstance, wasm;") {
        return Err("wasm-bindgen glue changed: `__reset` needs `wasm` and `wasmModule`".into());
    }
    write(&glue, &format!("{generated}{RESET}"))?;
    let module_dir = root.join("crates/module");
    copy(
        &module_dir.join("js/kaltura-embed.js"),
        &out.join(format!("{STEM}.js")),
    )?;
    copy(&module_dir.join("README.md"), &out.join("README.md"))?;
    let _ = std::fs::remove_file(out.join(format!("{STEM}_bg.wasm.d.ts")));
    // wasm-bindgen types the raw exports in `InitOutput` with `any`; nothing is `any` to a caller.
    let types = out.join(format!("{STEM}.d.ts"));
    let text = std::fs::read_to_string(&types).map_err(|e| format!("{}: {e}", types.display()))?;
    write(&types, &text.replace(": any", ": unknown"))?;
    for js in [glue, out.join(format!("{STEM}.js"))] {
        let js = path_text(&js)?;
        run(command(
            path_text(&root.join("tools/node_modules/.bin/terser"))?,
            &["--module", "--compress", "--mangle", "--output", js, js],
        ))?;
    }
    write(
        &out.join("package.json"),
        &package_json(&version(&module_dir)?),
    )?;
    println!("build: dist/module/ ready (ES module, wasm, .d.ts, package.json, README.md)");
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("{} → {}: {e}", from.display(), to.display()))
}

/// The crate's version, which the package carries.
fn version(module_dir: &Path) -> Result<String, String> {
    let manifest = std::fs::read_to_string(module_dir.join("Cargo.toml"))
        .map_err(|e| format!("crates/module/Cargo.toml: {e}"))?;
    manifest
        .lines()
        .find_map(|line| line.strip_prefix("version = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .map(str::to_string)
        .ok_or_else(|| "crates/module/Cargo.toml has no version line".into())
}

fn package_json(version: &str) -> String {
    format!(
        r#"{{
  "name": "kaltura-embed",
  "version": "{version}",
  "description": "Kaltura player embed code (v7 and v2), framework code, paste reading, KS inspection and USER-session requests, as a typed WebAssembly ES module. No IO.",
  "license": "MIT",
  "type": "module",
  "main": "./{STEM}.js",
  "types": "./{STEM}.d.ts",
  "exports": {{
    ".": {{
      "types": "./{STEM}.d.ts",
      "default": "./{STEM}.js"
    }},
    "./{STEM}_bg.wasm": "./{STEM}_bg.wasm",
    "./package.json": "./package.json"
  }},
  "files": ["{STEM}.js", "{STEM}_glue.js", "{STEM}_bg.wasm", "{STEM}.d.ts", "README.md"],
  "sideEffects": false,
  "engines": {{ "node": ">=18" }}
}}
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_json_names_the_files_it_ships() {
        let json = package_json("1.2.3");
        for needle in [
            "\"version\": \"1.2.3\"",
            "\"types\": \"./kaltura-embed.d.ts\"",
            "\"default\": \"./kaltura-embed.js\"",
            "\"type\": \"module\"",
            "\"license\": \"MIT\"",
        ] {
            assert!(json.contains(needle), "{needle} missing from {json}");
        }
    }

    #[test]
    fn reads_the_crate_version() {
        let version = version(&repo_root().join("crates/module")).unwrap();
        assert!(version.split('.').count() == 3, "{version}");
    }
}
