// Starts the second wasm module (paste helper, framework code, share bar, preview, session, exports,
// reference) once the form is up.
// A file rather than an inline script: the page's CSP allows scripts from 'self' only.
// If it cannot start, the form says so (bridge::Message::ExtrasFailed); the form works without it.
import init from './extras.js';

init({ module_or_path: new URL('./extras_bg.wasm', import.meta.url) }).catch(() => {
  dispatchEvent(new CustomEvent('kes-extras-failed', { detail: '' }));
});
