//! "Check embed code": the Embed doctor (`kaltura::doctor`) on pasted code or a page's HTML, with
//! each player's findings and a corrected snippet to load into the form.
//!
//! Nothing pasted leaves the browser: the check is the pure core, run here. A large paste first
//! shows a progress note (the check runs on the next task, so the note paints); the core caps the
//! input and bounds its work, so the page never freezes.

use kaltura::doctor::{self, Finding, InputError, Report};
use kaltura::embed::form::EmbedForm;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Above this many bytes the check says "Checking…" before it runs.
const PROGRESS_NOTE_BYTES: usize = 100_000;

#[derive(Properties, PartialEq, Clone)]
pub struct DoctorPanelProps {
    /// Replaces the embed form with a corrected player.
    pub on_load: Callback<EmbedForm>,
}

#[derive(Clone, PartialEq)]
enum State {
    Idle,
    Checking(usize),
    Done(Result<Report, InputError>),
}

#[function_component(DoctorPanel)]
pub fn doctor_panel(props: &DoctorPanelProps) -> Html {
    let text = use_state(String::new);
    let state = use_state(|| State::Idle);
    let oninput = {
        let (text, state) = (text.clone(), state.clone());
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            state.set(State::Idle);
        })
    };
    let on_check = {
        let (text, state) = (text.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            let input = (*text).clone();
            let run = {
                let state = state.clone();
                move || {
                    let now = (js_sys::Date::now() / 1000.0) as u64;
                    state.set(State::Done(doctor::check(&input, now)));
                }
            };
            if text.len() > PROGRESS_NOTE_BYTES {
                state.set(State::Checking(text.len()));
                gloo_timers::callback::Timeout::new(30, run).forget();
            } else {
                run();
            }
        })
    };
    let body = match &*state {
        State::Idle => html! {},
        State::Checking(bytes) => html! {
            <p class="doctor-progress">{ format!("Checking {} KB of code…", bytes / 1000) }</p>
        },
        State::Done(Err(error)) => html! { <p class="field-error">{ error.message() }</p> },
        State::Done(Ok(report)) => report_view(report, &props.on_load),
    };
    html! {
        // Collapsed until asked for, like the developer tools: the embed stays the page's first task.
        <details class="panel doctor-panel">
            <summary><h2 id="doctor-heading">{ "Check embed code you already have" }</h2></summary>
            <p class="intro">{ "Paste one embed, several, or a whole page's HTML: every Kaltura player in it is checked, here in your browser (nothing is sent)." }</p>
            <div class="field">
                <label for="doctor-input">{ "Embed code or page HTML" }</label>
                <textarea id="doctor-input" rows="6" spellcheck="false" value={(*text).clone()} {oninput} />
            </div>
            <div class="actions">
                <button type="button" onclick={on_check} disabled={text.trim().is_empty()}>{ "Check" }</button>
            </div>
            <div role="status" class="doctor-report">{ body }</div>
        </details>
    }
}

fn report_view(report: &Report, on_load: &Callback<EmbedForm>) -> Html {
    let problems = report.all_findings().count();
    let summary = format!(
        "{} player{} found, {} finding{}.",
        report.players.len(),
        if report.players.len() == 1 { "" } else { "s" },
        problems,
        if problems == 1 { "" } else { "s" },
    );
    html! {
        <>
            <p>{ summary }</p>
            if report.truncated {
                <p class="warning">{ format!("Only the first {} players are checked.", doctor::MAX_PLAYERS) }</p>
            }
            if !report.page.is_empty() {
                <h3>{ "The page" }</h3>
                { findings_view(&report.page) }
            }
            { for report.players.iter().map(|player| {
                let load = {
                    let (form, on_load) = (player.form.clone(), on_load.clone());
                    Callback::from(move |_: MouseEvent| on_load.emit(form.clone()))
                };
                html! {
                    <article class="doctor-player">
                        <h3>{ player.title() }</h3>
                        if player.findings.is_empty() {
                            <p>{ "No problems found." }</p>
                        } else {
                            { findings_view(&player.findings) }
                        }
                        if let Some(code) = &player.corrected {
                            <details>
                                <summary>{ "Corrected code" }</summary>
                                <pre class="code"><code>{ code.clone() }</code></pre>
                            </details>
                        }
                        <button type="button" onclick={load}>{ "Load into the form" }</button>
                    </article>
                }
            }) }
        </>
    }
}

fn findings_view(findings: &[Finding]) -> Html {
    html! {
        <ul class="findings">
            { for findings.iter().map(|f| html! {
                <li class={classes!("finding", f.severity.label())}>
                    <strong class="severity">{ f.severity.label() }</strong>{ " " }
                    { f.why.clone() }
                    <br />
                    <span class="fix">{ "Fix: " }{ f.fix.clone() }</span>
                </li>
            }) }
        </ul>
    }
}
