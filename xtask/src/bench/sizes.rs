//! raw / gzip -9 / brotli -q 11 byte counts of a trunk dist: first-load files, then deferred ones.

use std::path::Path;
use std::process::Command;

/// Budget for the first load, brotli bytes (issue 16; `bench` reports it, `test` enforces it).
pub const FIRST_LOAD_BROTLI_BUDGET: u64 = 80_000;
/// Budget for the first module's wasm, raw bytes (what the browser compiles before the form works).
pub const FIRST_WASM_RAW_BUDGET: u64 = 200_000;

/// raw / gzip -9 / brotli -q 11 bytes of one file (or a sum).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sizes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl std::ops::AddAssign for Sizes {
    fn add_assign(&mut self, o: Sizes) {
        self.raw += o.raw;
        self.gzip += o.gzip;
        self.brotli += o.brotli;
    }
}

/// The parts of a page, in the order the table prints them: four first-load parts, then what the
/// page fetches only after the form is interactive (the `extras` module, its loader and styles).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Wasm,
    JsGlue,
    /// A stylesheet file; none while the page's styles are inline in `index.html`.
    Css,
    IndexHtml,
    Deferred,
}

impl Part {
    pub const FIRST_LOAD: [Part; 4] = [Part::Wasm, Part::JsGlue, Part::Css, Part::IndexHtml];

    pub fn label(self) -> &'static str {
        match self {
            Part::Wasm => "wasm",
            Part::JsGlue => "js glue",
            Part::Css => "css file",
            Part::IndexHtml => "index.html",
            Part::Deferred => "deferred",
        }
    }

    /// Which part a dist file belongs to; `None` for files a first visit does not fetch
    /// (the preview frame's page and script, `404.html`, copied assets).
    pub fn of_file(name: &str) -> Option<Part> {
        let deferred_kind = [".wasm", ".js", ".css"]
            .iter()
            .any(|ext| name.ends_with(ext));
        if name.starts_with("extras") && deferred_kind {
            Some(Part::Deferred)
        } else if name.ends_with(".wasm") {
            Some(Part::Wasm)
        } else if name.ends_with(".js") && name != "preview.js" {
            Some(Part::JsGlue)
        } else if name.ends_with(".css") {
            Some(Part::Css)
        } else if name == "index.html" {
            Some(Part::IndexHtml)
        } else {
            None
        }
    }
}

/// Per-part sizes of one dist, the first-load transfer (`total`) and every file fetched (`all`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DistSizes {
    pub parts: [Sizes; 5],
    pub total: Sizes,
    pub all: Sizes,
}

impl DistSizes {
    pub fn part(&self, part: Part) -> Sizes {
        self.parts[part as usize]
    }

    /// Rows for tables and charts: each first-load part, their total, the deferred files, all.
    pub fn rows(&self) -> Vec<(&'static str, Sizes)> {
        let mut rows: Vec<_> = Part::FIRST_LOAD
            .iter()
            .map(|p| (p.label(), self.part(*p)))
            .collect();
        rows.push(("first load", self.total));
        rows.push((Part::Deferred.label(), self.part(Part::Deferred)));
        rows.push(("all files", self.all));
        rows
    }
}

pub fn measure_dist(dist: &Path) -> Result<DistSizes, String> {
    let mut sizes = DistSizes::default();
    for entry in std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if let Some(part) = Part::of_file(name) {
            let file = measure_file(&path)?;
            sizes.parts[part as usize] += file;
            if part != Part::Deferred {
                sizes.total += file;
            }
            sizes.all += file;
        }
    }
    Ok(sizes)
}

pub fn measure_file(path: &Path) -> Result<Sizes, String> {
    let raw = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
    Ok(Sizes {
        raw,
        gzip: compressed_len("gzip", &["-9", "-c"], path)?,
        brotli: compressed_len("brotli", &["-q", "11", "-c"], path)?,
    })
}

fn compressed_len(program: &str, args: &[&str], path: &Path) -> Result<u64, String> {
    let out = Command::new(program)
        .args(args)
        .arg(path)
        .output()
        .map_err(|e| format!("{program}: {e} (cargo xtask setup installs it)"))?;
    if !out.status.success() {
        return Err(format!("{program} failed on {}", path.display()));
    }
    Ok(out.stdout.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::Part;

    fn check(name: &str, expected: Option<Part>) {
        assert_eq!(Part::of_file(name), expected, "{name}");
    }

    #[test]
    fn first_load_files() {
        check("app-743c2c3db6474f93_bg.wasm", Some(Part::Wasm));
        check("app-743c2c3db6474f93.js", Some(Part::JsGlue));
        check("style-4b16c07a6f5e98a.css", Some(Part::Css));
        check("index.html", Some(Part::IndexHtml));
        check("extras_bg.wasm", Some(Part::Deferred));
        check("extras.js", Some(Part::Deferred));
        check("extras-loader.js", Some(Part::Deferred));
        check("extras.css", Some(Part::Deferred));
        check("preview.js", None);
        check("preview.html", None);
        check("404.html", None);
    }
}
