//! `embedCode`, `frameworkCode` and `seoMetadata`: the page's code block, framework tabs and SEO
//! block, computed by the core's `evaluate`, `frameworks::render` and `seo_json_ld`.

use kaltura::embed::form::{evaluate, validate, ContentKind, EmbedForm, Problem, Severity};
use kaltura::embed::frameworks::{render, seo_json_ld, Output, SeoError, SeoFields};
use kaltura::embed::{EmbedRequest, Note};
use serde::Serialize;

use crate::given::options;
use crate::issues::{both, issue, Issue, Raw, Reader, Rejected};
use crate::options::{key_of, read_form, EmbedOptions};

/// The snippet and what the page says next to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmbedCode {
    pub code: String,
    pub warnings: Vec<Issue>,
}

/// A field problem as an issue: the page's message, at the option key. A missing field's message
/// is the label the page lists under "Still needed".
fn to_issue(p: &Problem, kind: ContentKind) -> Issue {
    let message = match p.severity {
        Severity::Missing => format!("Still needed: {}.", p.message),
        _ => p.message.clone(),
    };
    issue(key_of(p.field, kind), message)
}

fn problems(form: &EmbedForm, problems: &[Problem], warnings: bool) -> Vec<Issue> {
    problems
        .iter()
        .filter(|p| (p.severity == Severity::Warning) == warnings)
        .map(|p| to_issue(p, form.content_kind))
        .collect()
}

fn note_issue(note: &Note) -> Issue {
    let field = match note {
        Note::KsInUrl | Note::KsInPage => "ks",
        Note::AutoplayMayBeBlocked => "autoplay",
    };
    issue(field, note.message())
}

pub fn embed_code(options: &EmbedOptions) -> Result<EmbedCode, Rejected> {
    let (form, ks, shape) = read_form(options);
    let evaluation = evaluate(&form, ks.as_ref());
    let snippet = match &evaluation.snippet {
        Some(snippet) if shape.is_empty() => snippet,
        _ => return Err(rejection(&form, &evaluation.problems, shape)),
    };
    let mut warnings = problems(&form, &evaluation.problems, true);
    warnings.extend(snippet.notes.iter().map(note_issue));
    Ok(EmbedCode {
        code: snippet.code.clone(),
        warnings,
    })
}

/// Shape issues first, then the core's problems at keys without one (a key of the wrong type is
/// read as left out, and "still needed" would repeat it). With no shape issue, the error's text is
/// the page's own placeholder for the code block.
fn rejection(form: &EmbedForm, found: &[Problem], shape: Vec<Issue>) -> Rejected {
    let core: Vec<Issue> = problems(form, found, false)
        .into_iter()
        .filter(|p| !shape.iter().any(|s| s.field == p.field))
        .collect();
    if shape.is_empty() {
        let message = kaltura::embed::form::Evaluation {
            snippet: None,
            request: None,
            problems: found.to_vec(),
        }
        .placeholder();
        return Rejected {
            message,
            issues: core,
        };
    }
    Rejected::from_issues(shape.into_iter().chain(core).collect())
}

/// The validated request behind the options, or the same rejection as `embed_code`.
fn request(options: &EmbedOptions) -> Result<(EmbedRequest, EmbedForm), Rejected> {
    let (form, ks, shape) = read_form(options);
    match validate(&form, ks.as_ref()) {
        (Some(request), _) if shape.is_empty() => Ok((request, form)),
        (_, problems) => Err(rejection(&form, &problems, shape)),
    }
}

pub const OUTPUTS: [(&str, Output); 4] = [
    ("react", Output::React),
    ("vue", Output::Vue),
    ("esm", Output::EsModule),
    ("second-player", Output::SecondPlayer),
];

/// The framework tab's code for `output` (player v7 only, as on the page).
pub fn framework_code(options: &EmbedOptions, output: &Raw) -> Result<String, Rejected> {
    let mut r = Reader::default();
    let output = r.choice("output", output, &OUTPUTS);
    let (request, _) = both(request(options), r.finish())?;
    let output = output.ok_or_else(|| Rejected::one("output", "Choose an output."))?;
    render(&request, output).map_err(|message| Rejected::one("playerVersion", message))
}

options!(
    /// The SEO tab's fields.
    VideoOptions,
    VIDEO_KEYS {
        name: "name",
        description: "description",
        thumbnail_url: "thumbnailUrl",
        upload_date: "uploadDate",
        duration: "duration",
    }
);

/// The SEO block and the fields Google still wants before it shows a rich result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeoMetadata {
    pub code: String,
    pub missing_for_rich_results: Vec<&'static str>,
}

pub fn seo_metadata(options: &EmbedOptions, video: &VideoOptions) -> Result<SeoMetadata, Rejected> {
    let mut r = Reader::default();
    r.unknown(&video.unknown, VIDEO_KEYS);
    let mut text = |key, raw| r.text(key, raw).unwrap_or_default();
    let fields = SeoFields {
        name: text("name", &video.name),
        description: text("description", &video.description),
        thumbnail_url: text("thumbnailUrl", &video.thumbnail_url),
        upload_date: text("uploadDate", &video.upload_date),
        duration: text("duration", &video.duration),
    };
    let (request, form) = both(request(options), r.finish())?;
    match seo_json_ld(&request, &fields) {
        Ok(Some(code)) => Ok(SeoMetadata {
            code,
            missing_for_rich_results: fields.missing_for_rich_results(),
        }),
        // Every field empty: the page waits for them; a caller gets the first one it needs.
        Ok(None) => Err(Rejected::one("name", SeoError::NeedsName.message())),
        Err(error) => {
            let field = match &error {
                SeoError::NeedsName => "name",
                SeoError::BadDate => "uploadDate",
                SeoError::BadDuration(_) => "duration",
                SeoError::BadThumbnail => "thumbnailUrl",
                SeoError::Playlist => {
                    key_of(kaltura::embed::form::Field::ContentId, form.content_kind)
                }
            };
            Err(Rejected::one(field, error.message()))
        }
    }
}
