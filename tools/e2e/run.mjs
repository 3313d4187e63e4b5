// Playwright e2e runner: `node tools/e2e/run.mjs <baseUrl> [name filter]`.
// Loads every tools/e2e/specs/*.mjs (default export: an array of { name, run(ctx) }, where ctx is
// { page, context, baseUrl, simUrl, expectError(regex) }), runs each test in a fresh browser
// context, fails it on any console error, page error or CSP violation, saves a screenshot per test
// under target/e2e/, and ends with the line `N passed, M failed`.
// Tests run on as many workers as simulators are given (SIM_URLS: comma-separated, one per worker,
// because specs reset and read their simulator's log; else SIM_URL; E2E_WORKERS caps it): each worker has its
// own Chromium, so no two tests share a clipboard or a simulator, taking the longest tests of the
// last run first (target/e2e/durations.json). A spec exporting `runAlone = true` (it plays media)
// runs after the others, one test at a time. Each test's line ends with its duration.
import { chromium } from 'playwright-core';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const screenshotDir = join(repoRoot, 'target', 'e2e');
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Reports CSP violations through console.error, so the console listener fails the test.
const reportCspViolations = () => {
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
  });
};

async function loadSpecs(filter) {
  const specDir = join(here, 'specs');
  const files = (await readdir(specDir)).filter((f) => f.endsWith('.mjs')).sort();
  const tests = [];
  for (const file of files) {
    const spec = await import(pathToFileURL(join(specDir, file)).href);
    for (const test of spec.default) {
      const name = `${file.replace(/\.mjs$/, '')}: ${test.name}`;
      if (!filter || name.includes(filter)) tests.push({ ...test, name, alone: spec.runAlone === true });
    }
  }
  return tests;
}

// Each test's duration in the last run (seconds, by name), to start the longest first: a long
// spec taken last kept one worker busy while the other had nothing left (18 s of a 140 s run).
const durationsFile = join(screenshotDir, 'durations.json');

async function lastDurations() {
  try {
    return JSON.parse(await readFile(durationsFile, 'utf8'));
  } catch {
    return {}; // A first run: the specs' own order.
  }
}

// Longest first by the last run; a test it did not have (new, renamed) first of all.
function longestFirst(tests, durations) {
  const last = (test) => durations[test.name] ?? Infinity;
  return [...tests].sort((a, b) => last(b) - last(a));
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

// The simulators' base URLs when `cargo xtask test` started them (on free ports, not 8081).
const simUrls = (process.env.SIM_URLS || process.env.SIM_URL || '').split(',').filter(Boolean);

async function runTest(browser, test, baseUrl, simUrl) {
  const context = await browser.newContext({
    permissions: ['clipboard-read', 'clipboard-write'],
    viewport: { width: 1280, height: 900 },
  });
  await context.addInitScript(reportCspViolations);
  // No test reaches the real Kaltura API. The page checks valid IDs with api_v3 on its own
  // (crates/app/src/id_check.rs), at www.kaltura.com for the default player host: answered here
  // as a refusal, which the page reports as "could not be checked". A spec's page.route wins.
  await context.route(/^https:\/\/([a-z0-9-]+\.)*kaltura\.com\/api_v3\//, (route) => route.fulfill({
    status: 200,
    contentType: 'application/json',
    headers: { 'Access-Control-Allow-Origin': '*' },
    body: JSON.stringify({ objectType: 'KalturaAPIException', code: 'E2E_NO_REAL_API', message: 'The e2e runner does not call the real API.' }),
  }));
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = [];
  const expected = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // A spec that provokes an error on purpose (e.g. a blocked inline script) declares it here.
  const expectError = (pattern) => expected.push(pattern);
  let failure = null;
  try {
    await test.run({ page, context, baseUrl, simUrl, expectError });
  } catch (error) {
    failure = error;
  }
  try {
    await page.screenshot({ path: join(screenshotDir, `${slug(test.name)}.png`), fullPage: true });
  } catch (error) {
    failure ??= error;
  }
  await context.close();
  const unexpected = problems.filter((p) => !expected.some((pattern) => pattern.test(p)));
  if (unexpected.length > 0) {
    // Console errors often explain a failed step, so show them with it.
    const report = unexpected.join('\n');
    failure = failure ? new Error(`${failure.stack || failure}\n${report}`) : new Error(report);
  }
  return failure;
}

async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
  });
}

async function main() {
  const [baseUrl, filter] = process.argv.slice(2);
  if (!baseUrl) {
    console.error('usage: node tools/e2e/run.mjs <baseUrl> [name filter]');
    console.log('0 passed, 1 failed');
    process.exit(2);
  }
  await mkdir(screenshotDir, { recursive: true });
  const tests = await loadSpecs(filter);
  const cap = Number(process.env.E2E_WORKERS) || Infinity;
  const workers = Math.max(1, Math.min(cap, simUrls.length || 1, tests.length));
  const durations = await lastDurations();
  let passed = 0;
  let failed = 0;
  // Runs `queue` on `count` workers, each taking the next test as it finishes one.
  const runQueue = async (queue, count) => {
    let next = 0;
    const worker = async (index) => {
      const browser = await launchBrowser();
      try {
        for (let i = next++; i < queue.length; i = next++) {
          const test = queue[i];
          const started = performance.now();
          const failure = await runTest(browser, test, baseUrl, simUrls[index] ?? null);
          const seconds = Math.round(performance.now() - started) / 1000;
          durations[test.name] = seconds;
          const took = `(${seconds.toFixed(1)} s)`;
          if (failure) {
            failed += 1;
            console.log(`not ok - ${test.name} ${took}`);
            console.log(String(failure.stack || failure).replace(/^/gm, '    '));
          } else {
            passed += 1;
            console.log(`ok - ${test.name} ${took}`);
          }
        }
      } finally {
        await browser.close();
      }
    };
    await Promise.all(Array.from({ length: Math.min(count, queue.length) }, (_, index) => worker(index)));
  };
  // Specs that play media in a player (`export const runAlone = true`) run after the others, one
  // at a time: two players decoding video beside each other on 2 cores missed 20 s deadlines.
  const alone = tests.filter((test) => test.alone);
  console.log(`${tests.length} tests: ${tests.length - alone.length} on ${workers} worker(s), then ${alone.length} one at a time`);
  await runQueue(longestFirst(tests.filter((test) => !test.alone), durations), workers);
  await runQueue(alone, 1);
  await writeFile(durationsFile, `${JSON.stringify(durations, null, 2)}\n`);
  if (tests.length === 0) {
    console.log('no e2e tests found');
    failed += 1;
  }
  console.log(`screenshots: ${screenshotDir}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
