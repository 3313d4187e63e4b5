//! `dist/module/`: the embed core as an npm-style ES module package (`crates/module`), one entry
//! point per cargo feature of the crate (see its `src/lib.rs` for why), each built with cargo +
//! wasm-bindgen `--target web`, wasm-opt -Oz and terser, beside the page (whose files it does not
//! touch).

use std::path::{Path, PathBuf};

use crate::cmd::{command, repo_root, run};

/// One entry point of the package: its `exports` path, its file stem (`<stem>.js` the guarded
/// wrapper, `<stem>_glue.js`, `<stem>_bg.wasm`, `<stem>.d.ts`) and the crate feature it builds.
pub struct Entry {
    pub export: &'static str,
    pub stem: &'static str,
    pub feature: &'static str,
}

pub const ENTRIES: [Entry; 3] = [
    Entry {
        export: ".",
        stem: "kaltura-embed",
        feature: "embed",
    },
    Entry {
        export: "./session",
        stem: "kaltura-embed-session",
        feature: "session",
    },
    Entry {
        export: "./doctor",
        stem: "kaltura-embed-doctor",
        feature: "doctor",
    },
];

/// The trap guard every entry's wrapper imports.
const GUARD: &str = "guard.js";

/// wasm-opt beyond -Oz: iterate to a fixed point, and drop the producers / target-features
/// sections (nothing reads them at run time; the memory is the module's own, so zero-filled).
const WASM_OPT: [&str; 5] = [
    "-Oz",
    "--converge",
    "--strip-producers",
    "--strip-target-features",
    "--zero-filled-memory",
];

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
    let module_dir = root.join("crates/module");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    for entry in &ENTRIES {
        build_entry(entry, &module_dir, &out)?;
    }
    copy(&module_dir.join("js").join(GUARD), &out.join(GUARD))?;
    minify(&out.join(GUARD))?;
    copy(&module_dir.join("README.md"), &out.join("README.md"))?;
    write(
        &out.join("package.json"),
        &package_json(&version(&module_dir)?),
    )?;
    println!("build: dist/module/ ready (entries ., ./session, ./doctor: ES module, wasm, .d.ts; package.json, README.md)");
    Ok(())
}

/// One entry: the crate built with only its feature, bound, optimised, wrapped and minified.
fn build_entry(entry: &Entry, module_dir: &Path, out: &Path) -> Result<(), String> {
    let stem = entry.stem;
    run(command(
        "cargo",
        &[
            "build",
            "--package",
            "module",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--no-default-features",
            "--features",
            entry.feature,
        ],
    ))?;
    // Each feature set overwrites this file: it is bound before the next build.
    let wasm = target_dir().join("wasm32-unknown-unknown/release/kaltura_embed.wasm");
    run(command(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--out-dir",
            path_text(out)?,
            "--out-name",
            stem,
            path_text(&wasm)?,
        ],
    ))?;
    let bg = out.join(format!("{stem}_bg.wasm"));
    let mut args: Vec<&str> = WASM_OPT.to_vec();
    args.extend([path_text(&bg)?, "-o", path_text(&bg)?]);
    run(command("wasm-opt", &args))?;
    // The glue becomes `<stem>_glue.js`; `<stem>.js` is the guarding wrapper. The glue still
    // finds `<stem>_bg.wasm` beside itself through `import.meta.url`.
    let glue = out.join(format!("{stem}_glue.js"));
    let generated = std::fs::read_to_string(out.join(format!("{stem}.js")))
        .map_err(|e| format!("wasm-bindgen glue: {e}"))?;
    if !generated.contains("let wasmModule, wasmInstance, wasm;") {
        return Err("wasm-bindgen glue changed: `__reset` needs `wasm` and `wasmModule`".into());
    }
    write(&glue, &format!("{generated}{RESET}"))?;
    let wrapper = out.join(format!("{stem}.js"));
    copy(&module_dir.join("js").join(format!("{stem}.js")), &wrapper)?;
    let _ = std::fs::remove_file(out.join(format!("{stem}_bg.wasm.d.ts")));
    // wasm-bindgen types the raw exports in `InitOutput` with `any`; nothing is `any` to a caller.
    let types = out.join(format!("{stem}.d.ts"));
    let text = std::fs::read_to_string(&types).map_err(|e| format!("{}: {e}", types.display()))?;
    write(&types, &text.replace(": any", ": unknown"))?;
    minify(&glue)?;
    minify(&wrapper)
}

fn minify(js: &Path) -> Result<(), String> {
    let js = path_text(js)?;
    run(command(
        path_text(&repo_root().join("tools/node_modules/.bin/terser"))?,
        &["--module", "--compress", "--mangle", "--output", js, js],
    ))
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

/// The files of every entry, for `files`.
fn entry_files() -> Vec<String> {
    ENTRIES
        .iter()
        .flat_map(|e| {
            let s = e.stem;
            [
                format!("{s}.js"),
                format!("{s}_glue.js"),
                format!("{s}_bg.wasm"),
                format!("{s}.d.ts"),
            ]
        })
        .chain([GUARD.to_string(), "README.md".to_string()])
        .collect()
}

/// `exports`: each entry's types and code, and each wasm (Node reads it with `initSync`).
fn exports() -> String {
    let mut lines: Vec<String> = ENTRIES
        .iter()
        .map(|e| {
            format!(
                "    \"{}\": {{\n      \"types\": \"./{stem}.d.ts\",\n      \"default\": \"./{stem}.js\"\n    }}",
                e.export,
                stem = e.stem
            )
        })
        .collect();
    lines.extend(
        ENTRIES
            .iter()
            .map(|e| format!("    \"./{0}_bg.wasm\": \"./{0}_bg.wasm\"", e.stem)),
    );
    lines.push("    \"./package.json\": \"./package.json\"".into());
    lines.join(",\n")
}

fn package_json(version: &str) -> String {
    let files: Vec<String> = entry_files().iter().map(|f| format!("\"{f}\"")).collect();
    format!(
        r#"{{
  "name": "kaltura-embed",
  "version": "{version}",
  "description": "Kaltura player embed code (v7 and v2), framework code and SEO metadata; KS inspection and USER-session requests (kaltura-embed/session); the Embed doctor and paste reading (kaltura-embed/doctor). Typed WebAssembly ES modules, no IO.",
  "license": "MIT",
  "type": "module",
  "main": "./kaltura-embed.js",
  "types": "./kaltura-embed.d.ts",
  "exports": {{
{exports}
  }},
  "files": [{files}],
  "sideEffects": false,
  "engines": {{ "node": ">=18" }}
}}
"#,
        exports = exports(),
        files = files.join(", "),
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
            "\"./session\": {\n      \"types\": \"./kaltura-embed-session.d.ts\"",
            "\"./doctor\": {\n      \"types\": \"./kaltura-embed-doctor.d.ts\"",
            "\"./kaltura-embed-doctor_bg.wasm\": \"./kaltura-embed-doctor_bg.wasm\"",
            "\"guard.js\"",
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
