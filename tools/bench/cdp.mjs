// A minimal Chrome DevTools Protocol client over --remote-debugging-pipe, for the cold loads of
// `browser.mjs tti`. Playwright sets up a script world of its own in every new document before
// the page's parser runs; a page with a CSP <meta> (ours) has its preloads held until the parser
// reaches that tag, so under Playwright it fetched its wasm 10-17 ms late, a cost no visitor
// pays. Bare CDP adds only the measuring script, to both pages alike.
import { spawn } from 'node:child_process';

/** Starts Chromium; `send(method, params, sessionId)` resolves with the result. */
export function launch(executable, args) {
  const proc = spawn(executable, [...args, '--remote-debugging-pipe', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const [toBrowser, fromBrowser] = [proc.stdio[3], proc.stdio[4]];
  const pending = new Map();
  const listeners = new Set();
  let buffered = '';
  let lastId = 0;
  fromBrowser.on('data', (chunk) => {
    buffered += chunk.toString();
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      const waiting = pending.get(message.id);
      if (waiting) {
        pending.delete(message.id);
        if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
        else waiting.resolve(message.result);
      } else {
        for (const listener of listeners) listener(message);
      }
    }
  });
  const exited = new Promise((resolve) => proc.on('exit', resolve));
  return {
    send(method, params = {}, sessionId = undefined) {
      return new Promise((resolve, reject) => {
        const id = ++lastId;
        pending.set(id, { resolve, reject, method });
        toBrowser.write(JSON.stringify({ id, method, params, sessionId }) + '\0');
      });
    },
    /** Resolves with the first event for which `match(message)` holds. */
    waitFor(match, timeoutMs, what) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => { listeners.delete(listener); reject(new Error(`timed out waiting for ${what}`)); }, timeoutMs);
        const listener = (message) => {
          if (!match(message)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(message);
        };
        listeners.add(listener);
      });
    },
    async close() {
      proc.kill();
      await exited;
    },
  };
}
