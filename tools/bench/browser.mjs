// Browser half of `cargo xtask bench`. Prints one JSON line with the figures.
//   node browser.mjs tti <url> <app|hello> <loads>
//   node browser.mjs regen <url> <edits>
//   node browser.mjs roundtrips <url> <simUrl>
import { chromium } from 'playwright-core';

const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// In-page: time from navigation start until the page is usable. For the app that means the
// Partner ID field takes input and the code block shows a snippet; for hello, its element exists.
function measureInPage(kind) {
  const done = (t) => { window.__tti = t; };
  const check = () => {
    if (kind === 'hello') {
      if (document.getElementById('hello')) { done(performance.now()); return true; }
      return false;
    }
    const partner = document.getElementById('partner-id');
    const area = document.getElementById('embed-code');
    if (!partner || !area) return false;
    if (!window.__typed) {
      window.__typed = true;
      for (const [id, value] of [['partner-id', '2506752'], ['uiconf-id', '48460943'], ['content-id', '1_abcd1234']]) {
        const input = document.getElementById(id);
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }
    if (area.value.includes('embedPlaykitJs')) { done(performance.now()); return true; }
    return false;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true }));
  const poll = () => { if (!check()) requestAnimationFrame(poll); };
  requestAnimationFrame(poll);
}

async function tti(browser, url, kind, loads) {
  const samples = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext(); // fresh: no HTTP cache, cold load
    const page = await context.newPage();
    await page.addInitScript(measureInPage, kind);
    await page.goto(url);
    await page.waitForFunction(() => window.__tti !== undefined, null, { timeout: 20000 });
    samples.push(await page.evaluate(() => window.__tti));
    await context.close();
  }
  return { samples };
}

async function regen(browser, url, edits) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.locator('#partner-id').waitFor();
  for (const [id, value] of [['#partner-id', '2506752'], ['#uiconf-id', '48460943'], ['#content-id', '1_abcd1234']]) {
    await page.locator(id).fill(value);
  }
  const samples = await page.evaluate(async (edits) => {
    const input = document.getElementById('content-id');
    const area = document.getElementById('embed-code');
    const nextTask = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
    const out = [];
    for (let i = 0; i < edits; i++) {
      const before = area.value;
      const t0 = performance.now();
      input.value = '1_' + String(10000000 + i).slice(-8);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      while (area.value === before) await nextTask();
      out.push(performance.now() - t0);
    }
    return out;
  }, edits);
  return { samples };
}

async function roundtrips(browser, url, simUrl) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.locator('#partner-id').fill('2506752');
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
    await fetch(simUrl + '/__sim/log', { method: 'DELETE' });
    await prepare();
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.waitForFunction(() => /Partner 2506752 OK/.test(document.querySelector('.session-status')?.textContent || ''), null, { timeout: 10000 });
    await page.waitForTimeout(200);
    result[name] = await count();
  }
  return result;
}

const [mode, url, third] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args });
try {
  let result;
  if (mode === 'tti') result = await tti(browser, url, third, Number(process.argv[5] || 15));
  else if (mode === 'regen') result = await regen(browser, url, Number(third || 1000));
  else if (mode === 'roundtrips') result = await roundtrips(browser, url, third);
  else throw new Error(`unknown mode ${mode}`);
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
