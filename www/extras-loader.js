// Starts the second wasm module (paste helper, framework code, share bar, preview, session, exports,
// reference) once the form is up.
// A file rather than an inline script: the page's CSP allows scripts from 'self' only.
// Its stylesheet (www/extras.css) loads alongside the wasm and is in place before the panels mount.
// If it cannot start, the form says so (bridge::Message::ExtrasFailed); the form works without it.
import init from './extras.js';

const styles = new Promise((resolve) => {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./extras.css', import.meta.url).href;
  // Unstyled panels beat none: a stylesheet that fails to load does not hold the module back.
  link.addEventListener('load', resolve);
  link.addEventListener('error', resolve);
  document.head.append(link);
});
const wasm = fetch(new URL('./extras_bg.wasm', import.meta.url));
// A failed fetch is reported below, through `init`; handled here so it is not also an uncaught
// rejection while the stylesheet is still loading.
wasm.catch(() => {});

styles
  .then(() => init({ module_or_path: wasm }))
  .catch(() => {
    dispatchEvent(new CustomEvent('kes-extras-failed', { detail: '' }));
  });
