// Browser half of the module's bench: `node tools/bench/module.mjs <moduleUrl> <calls> <batch>`.
// Imports dist/module/kaltura-embed.js in headless Chromium and prints one JSON line: the per-call
// microseconds of `embedCode` over <calls> calls, each sample the mean of one batch of <batch>
// calls. Why batches: even a cross-origin-isolated page (which this one is, through headers added
// by Playwright) reads performance.now() in 5 µs steps, coarser than one call.
import { chromium } from 'playwright-core';

const [moduleUrl, calls = '10000', batch = '10'] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  const benchPage = new URL('__module_bench.html', moduleUrl).href;
  await page.route(benchPage, (route) => route.fulfill({
    contentType: 'text/html',
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
    body: '<!doctype html><title>module bench</title>',
  }));
  await page.goto(benchPage);
  const result = await page.evaluate(async ({ calls, batch }) => {
    const m = await import('./kaltura-embed.js');
    await m.default();
    const options = (i) => ({ partnerId: '2506752', uiConfId: '48460943', entryId: `1_${String(i).padStart(8, '0')}` });
    for (let i = 0; i < 1000; i++) m.embedCode(options(i)); // warm-up: JIT and wasm tiers
    const samples = [];
    for (let b = 0; b < calls / batch; b++) {
      const t0 = performance.now();
      for (let i = 0; i < batch; i++) m.embedCode(options(b * batch + i));
      samples.push(((performance.now() - t0) * 1000) / batch);
    }
    return { isolated: self.crossOriginIsolated, samples };
  }, { calls: Number(calls), batch: Number(batch) });
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
