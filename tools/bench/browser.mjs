// Browser half of `cargo xtask bench`. Prints one JSON line with the figures.
//   node browser.mjs tti <appUrl> <helloUrl> <loads> [<cpu slowdown>]   (cold loads over bare CDP: cdp.mjs)
//   node browser.mjs regen <url> <edits> [<warm-up edits> [<cpu slowdown>]]
// A CPU slowdown above 1 runs the page under Chromium's CPU throttling (CDP
// Emulation.setCPUThrottlingRate), a phone-class CPU on this machine.
//   node browser.mjs roundtrips <url> <simUrl>             (these two through Playwright)
import { chromium } from 'playwright-core';
import { launch } from './cdp.mjs';

const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// In-page: ms from navigation start to each start-up phase. `__tti` is the time the page is
// usable: for the app, the Partner ID field takes input and the code block shows a snippet; for
// hello, its element exists. `__started` is trunk's event after wasm-bindgen's init resolved,
// `__rendered` the first time the form (hello: its element) is in the DOM, `__extras` the first
// time the second module (paste helper, framework code, share bar, preview, session, …) has rendered; the
// first contentful paint comes from the Paint Timing API. A MutationObserver on the document sees
// the first render as it happens; a textarea's value is not a DOM mutation, so after typing the
// snippet is polled per microtask, then per task (never at frame rate).
function measureInPage(kind) {
  addEventListener('TrunkApplicationStarted', () => { window.__started = performance.now(); });
  const nextTask = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
  const waitForSnippet = async (area) => {
    const shown = () => area.value.includes('2506752') && area.value.includes('1_abcd1234');
    for (let k = 0; k < 50 && !shown(); k++) await Promise.resolve(); // yew renders from a microtask
    while (!shown()) await nextTask();
    window.__tti = performance.now();
    console.debug('bench: interactive');
  };
  const check = () => {
    if (window.__extras === undefined && document.querySelector('#extras-root > *')) {
      window.__extras = performance.now();
    }
    if (window.__rendered !== undefined) return;
    if (kind === 'hello') {
      if (document.getElementById('hello')) {
        window.__rendered = window.__tti = performance.now();
        console.debug('bench: interactive');
      }
      return;
    }
    const partner = document.getElementById('partner-id');
    const area = document.getElementById('embed-code');
    if (!partner || !area) return;
    window.__rendered = performance.now();
    for (const [id, value] of [['partner-id', '2506752'], ['uiconf-id', '48460943'], ['content-id', '1_abcd1234']]) {
      const input = document.getElementById(id);
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    waitForSnippet(area);
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
}

// One cold load over bare CDP (see cdp.mjs): a fresh browser context (empty HTTP cache) with the
// cache switched off as well, so a repeated resource within the load cannot be served from memory.
async function coldLoad(cdp, url, kind, slowdown) {
  const { browserContextId } = await cdp.send('Target.createBrowserContext');
  const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank', browserContextId });
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
  const send = (method, params) => cdp.send(method, params, sessionId);
  if (slowdown > 1) await send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  await send('Network.enable');
  await send('Network.setCacheDisabled', { cacheDisabled: true });
  await send('Runtime.enable');
  await send('Page.enable');
  await send('Page.addScriptToEvaluateOnNewDocument', { source: `(${measureInPage})(${JSON.stringify(kind)})` });
  const interactive = cdp.waitFor((m) => m.sessionId === sessionId && m.method === 'Runtime.consoleAPICalled'
    && m.params.args[0]?.value === 'bench: interactive', 20000, `${url} to become interactive`);
  await send('Page.navigate', { url });
  await interactive;
  const read = async () => (await send('Runtime.evaluate', {
    returnByValue: true,
    expression: `({
      extras: window.__extras,
      fcp: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime,
      samples: window.__tti,
      started: window.__started,
      rendered: window.__rendered,
      wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm') && !e.name.includes('extras'))?.responseEnd,
    })`,
  })).result.value;
  // The app's second module and both pages' start-up event come after the interactive mark.
  let got = await read();
  for (const deadline = Date.now() + 20000; got.started === undefined || got.fcp === undefined || (kind === 'app' && got.extras === undefined); got = await read()) {
    if (Date.now() > deadline) throw new Error(`${url}: no start-up event, first paint or second module within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await cdp.send('Target.closeTarget', { targetId });
  await cdp.send('Target.disposeBrowserContext', { browserContextId });
  return got;
}

// Loads alternate between the app and the bare page, after one unrecorded warm-up load of each,
// so both medians see the same machine (the ratio is what matters).
async function tti(cdp, appUrl, helloUrl, loads, slowdown) {
  const pages = [['app', appUrl], ['hello', helloUrl]];
  const result = {};
  for (const [kind] of pages) for (const key of ['samples', 'wasm', 'started', 'rendered', 'extras', 'fcp']) result[`${kind}_${key}`] = [];
  for (const [kind, url] of pages) await coldLoad(cdp, url, kind, slowdown);
  for (let i = 0; i < loads; i++) {
    for (const [kind, url] of i % 2 ? [...pages].reverse() : pages) {
      const got = await coldLoad(cdp, url, kind, slowdown);
      for (const [key, value] of Object.entries(got)) if (value !== undefined) result[`${kind}_${key}`].push(value);
    }
  }
  return result;
}

// `warm` edits run first, unrecorded: with them, the figures show the page once V8 has compiled
// its hot code with the optimising tier (whose background compiles otherwise land in the samples).
async function regen(browser, url, edits, warm, slowdown) {
  const page = await browser.newPage();
  if (slowdown > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  }
  await page.goto(url);
  await page.locator('#partner-id').waitFor();
  for (const [id, value] of [['#partner-id', '2506752'], ['#uiconf-id', '48460943'], ['#content-id', '1_abcd1234']]) {
    await page.locator(id).fill(value);
  }
  await page.waitForFunction(() => document.getElementById('embed-code')?.value.includes('1_abcd1234'));
  // Regeneration, not start-up: the edits begin once the page has settled (the second module has
  // rendered and the network has been quiet for 500 ms). Started earlier, the first few hundred
  // edits shared the machine with that module's download, compile and first render.
  await page.waitForFunction(() => document.querySelector('#extras-root > *'));
  await page.waitForLoadState('networkidle');
  // Edits alternate between the Entry ID and the Partner ID, each to a new valid value, so every
  // one changes the snippet.
  const samples = await page.evaluate(async ([edits, warm]) => {
    const fields = [document.getElementById('content-id'), document.getElementById('partner-id')];
    const area = document.getElementById('embed-code');
    const nextTask = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
    const out = [];
    for (let i = 0; i < warm + edits; i++) {
      const before = area.value;
      const t0 = performance.now();
      const input = fields[i % 2];
      input.value = i % 2 ? String(2000000 + i) : '1_' + String(10000000 + i).slice(-8);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // yew renders from a microtask: look there first, so a frame the browser paints before the
      // next task is not counted as regeneration time.
      for (let k = 0; k < 50 && area.value === before; k++) await Promise.resolve();
      while (area.value === before) {
        if (performance.now() - t0 > 5000) throw new Error(`edit ${i} (${input.id} = ${input.value}) did not change the snippet`);
        await nextTask();
      }
      if (i >= warm) out.push(performance.now() - t0);
    }
    return out;
  }, [edits, warm]);
  return { samples };
}

async function roundtrips(browser, url, simUrl) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.locator('#partner-id').fill('2506752');
  // The session panel sits in the collapsed "Developer tools" box, rendered by the second module.
  await page.locator('details.devtools > summary').click();
  await page.locator('#service-url-2').check();
  await page.locator('#custom-service-url').fill(simUrl);
  const count = async () => {
    const log = await (await fetch(simUrl + '/__sim/log')).json();
    const entries = Array.isArray(log) ? log : log.entries || log.log || [];
    return entries.filter((e) => String(e.path || '').startsWith('/api_v3')).length;
  };
  const flows = {
    widget: async () => { await page.locator('#tab-widget').click(); },
    secret: async () => {
      await page.locator('#tab-secret').click();
      await page.locator('#secret').fill('FAKE-demo-admin-secret-0001');
    },
    app_token: async () => {
      await page.locator('#tab-app-token').click();
      await page.locator('#app-token-id').fill('0_apptksh1');
      await page.locator('#app-token').fill('feedface00000000000000000000a001');
      await page.locator('#hash-type').selectOption('SHA1');
    },
  };
  const result = {};
  for (const [name, prepare] of Object.entries(flows)) {
    await fetch(simUrl + '/__sim/log', { method: 'DELETE', headers: { 'Content-Type': 'application/json' } });
    await prepare();
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.waitForFunction(() => /Partner 2506752 OK/.test(document.querySelector('.session-status')?.textContent || ''), null, { timeout: 10000 });
    await page.waitForTimeout(200);
    result[name] = await count();
  }
  return result;
}

const [mode, url, third] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
if (mode === 'tti') {
  const cdp = launch(executablePath, ['--headless', ...args]);
  try {
    console.log(JSON.stringify(await tti(cdp, url, third, Number(process.argv[5] || 15), Number(process.argv[6] || 1))));
  } finally {
    await cdp.close();
  }
  process.exit(0);
}
const browser = await chromium.launch({ executablePath, headless: true, args });
try {
  let result;
  if (mode === 'regen') result = await regen(browser, url, Number(third || 1000), Number(process.argv[5] || 0), Number(process.argv[6] || 1));
  else if (mode === 'roundtrips') result = await roundtrips(browser, url, third);
  else throw new Error(`unknown mode ${mode}`);
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
