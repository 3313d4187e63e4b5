// The Session panel against the simulator: every way to start a USER session, the failures a
// developer meets (wrong secret, blocked partner, expired KS, broken network), one request per
// verify, no double send, and no secret, token or KS left in storage, cookies, URL or history.
import { assert, atBothSizes, codeText, eventually, fillIds, openStudioWithTools } from '../helpers.mjs';

const IDS = { partner: '2506752', uiConf: '48460943', entry: '1_demo0001' };
const ADMIN_SECRET = 'FAKE-demo-admin-secret-0001';
const USER_SECRET = 'FAKE-demo-user-secret-0001';
const TOKENS = {
  SHA1: ['0_apptksh1', 'feedface00000000000000000000a001'],
  SHA256: ['0_apptk256', 'feedface00000000000000000000a256'],
};

async function sim(simUrl, path, method = 'GET', body) {
  const response = await fetch(simUrl + path, {
    method,
    // The control API takes writes only as JSON (a browser could not send that cross-origin).
    headers: { 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** Resets the simulator and opens the page pointed at it, with the demo IDs typed in. */
async function openWithSim(page, baseUrl, simUrl) {
  assert.ok(simUrl, 'SIM_URL is required (cargo xtask test starts the simulator)');
  await sim(simUrl, '/__sim/reset', 'POST');
  await openStudioWithTools(page, baseUrl);
  await fillIds(page, IDS);
  await page.locator('#service-url-2').check();
  await page.locator('#custom-service-url').fill(simUrl);
  return page.evaluate(() => history.length);
}

async function apiRequests(simUrl) {
  const log = await sim(simUrl, '/__sim/log');
  const entries = Array.isArray(log) ? log : log.entries || log.log || [];
  return entries.filter((e) => String(e.path || '').startsWith('/api_v3'));
}

const status = (page) => page.locator('.session-status');

async function expectStatus(page, pattern, timeoutMs = 8000) {
  await eventually(async () => {
    const text = await status(page).textContent();
    assert.match(text, pattern);
  }, timeoutMs);
}

async function start(page) {
  await page.getByRole('button', { name: /^(Start session|Check KS)$/ }).click();
}

async function startSecret(page, secret, userId = 'demo-user') {
  await page.getByRole('tab', { name: 'Secret' }).click();
  await page.locator('#secret').fill(secret);
  await page.locator('#user-id').fill(userId);
  await start(page);
}

/** No credential anywhere the browser keeps things or shows the address. */
async function assertNothingStored(page, context, values, historyAtOpen) {
  const found = await page.evaluate(async (values) => {
    const hits = [];
    const look = (where, text) => values.forEach((v) => text && String(text).includes(v) && hits.push(where));
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i++) look('storage', store.key(i) + store.getItem(store.key(i)));
    }
    look('cookie', document.cookie);
    look('location', location.href);
    look('history.state', JSON.stringify(history.state));
    if (indexedDB.databases) look('indexedDB', JSON.stringify(await indexedDB.databases()));
    return hits;
  }, values.filter(Boolean));
  assert.deepEqual(found, [], 'credentials found in browser storage or the URL');
  const cookies = await context.cookies();
  assert.equal(cookies.length, 0, 'no cookies at all');
  assert.equal(await page.evaluate(() => history.length), historyAtOpen, 'no history entries pushed');
}

async function sessionKs(page) {
  return page.locator('#session-ks').inputValue();
}

/** Starts a secret session, opts its KS into the embed code and waits until the code has it. */
async function startWithKsInCode(page) {
  await startSecret(page, ADMIN_SECRET);
  await expectStatus(page, /OK/);
  const ks = await sessionKs(page);
  await page.getByLabel('Include KS in embed code').check();
  await eventually(async () => assert.ok((await codeText(page)).includes(ks)));
  return ks;
}

const moduleTests = [
  {
    name: 'widget session: verified in one request, no secret',
    async run({ page, context, baseUrl, simUrl }) {
      const historyAtOpen = await openWithSim(page, baseUrl, simUrl);
      await start(page);
      await expectStatus(page, /Partner 2506752 OK/);
      assert.equal((await apiRequests(simUrl)).length, 1, 'verify is one round trip');
      await assertNothingStored(page, context, [await sessionKs(page)], historyAtOpen);
    },
  },
  {
    name: 'admin secret and user secret each give a USER session; the secret is cleared',
    async run({ page, context, baseUrl, simUrl }) {
      const historyAtOpen = await openWithSim(page, baseUrl, simUrl);
      for (const secret of [ADMIN_SECRET, USER_SECRET]) {
        await startSecret(page, secret);
        await expectStatus(page, /Partner 2506752 OK — this KS can see entry 1_demo0001/);
        assert.equal(await page.locator('#secret').inputValue(), '', 'secret field cleared after sending');
        await assertNothingStored(page, context, [secret, await sessionKs(page)], historyAtOpen);
      }
      assert.equal((await apiRequests(simUrl)).length, 2, 'one request per verify');
    },
  },
  {
    name: 'the verify checks the embed entry: seen by this KS, or not found (a warning), still one request',
    async run({ page, baseUrl, simUrl }) {
      await openWithSim(page, baseUrl, simUrl);
      // Pressed right after typing: the form's news would reach the session panel only after
      // the mouse button is up; Start asks the form for what it holds now.
      await page.getByLabel('Entry ID').fill('1_demo0004');
      await start(page);
      await expectStatus(page, /Partner 2506752 OK — this KS can see entry 1_demo0004/);
      assert.equal(await status(page).getAttribute('data-tone'), 'ok');
      await sim(simUrl, '/__sim/log', 'DELETE');
      await page.getByLabel('Entry ID').fill('1_nosuch00');
      await start(page);
      await expectStatus(page, /entry 1_nosuch00 was not found with this KS: check the Entry ID/);
      assert.equal(await status(page).getAttribute('data-tone'), 'warn');
      assert.equal((await apiRequests(simUrl)).length, 1, 'still one round trip');
      // The verdict is about what it checked: said once the form holds another ID.
      await page.getByLabel('Entry ID').fill('1_demo0002');
      await expectStatus(page, /checked before the ID above changed/);
    },
  },
  {
    name: 'app token sessions (SHA1, SHA256) take two requests and leave no token behind',
    async run({ page, context, baseUrl, simUrl }) {
      const historyAtOpen = await openWithSim(page, baseUrl, simUrl);
      for (const [hash, [id, token]] of Object.entries(TOKENS)) {
        await sim(simUrl, '/__sim/log', 'DELETE');
        await page.getByRole('tab', { name: /App token/ }).click();
        await page.locator('#app-token-id').fill(id);
        await page.locator('#app-token').fill(token);
        await page.locator('#hash-type').selectOption(hash);
        await start(page);
        await expectStatus(page, /Partner 2506752 OK/);
        assert.equal((await apiRequests(simUrl)).length, 2, `${hash}: widget KS, then token + verify`);
        assert.equal(await page.locator('#app-token').inputValue(), '');
        await assertNothingStored(page, context, [token, await sessionKs(page)], historyAtOpen);
      }
    },
  },
  {
    name: 'an app token ID and value swapped: each field says so, and nothing is sent',
    async run({ page, baseUrl, simUrl }) {
      await openWithSim(page, baseUrl, simUrl);
      await sim(simUrl, '/__sim/log', 'DELETE');
      await page.getByRole('tab', { name: /App token/ }).click();
      const [id, token] = TOKENS.SHA1;
      await page.locator('#app-token-id').fill(token);
      await page.locator('#app-token').fill(id);
      await start(page);
      await eventually(async () => {
        assert.match(await page.locator('#app-token-id-msg').textContent(), /looks like the token value/);
        assert.match(await page.locator('#app-token-msg').textContent(), /That is an app token ID/);
      });
      assert.equal(await page.locator('#app-token').getAttribute('aria-invalid'), 'true');
      assert.equal((await apiRequests(simUrl)).length, 0, 'nothing sent');
    },
  },
  {
    name: 'a session the server shortens says so beside its countdown',
    async run({ page, baseUrl, simUrl }) {
      await openWithSim(page, baseUrl, simUrl);
      await page.getByRole('tab', { name: /App token/ }).click();
      const [id, token] = TOKENS.SHA256;
      await page.locator('#app-token-id').fill(id);
      await page.locator('#app-token').fill(token);
      await page.locator('#hash-type').selectOption('SHA256');
      await page.getByRole('radio', { name: '4 hours' }).check();
      await start(page);
      await expectStatus(page, /Partner 2506752 OK/);
      await eventually(async () => assert.match(await page.locator('.session-result').textContent(), /Shorter than the 4 h asked for/));
    },
  },
  {
    name: 'a wrong secret says so next to the Secret field',
    async run({ page, baseUrl, simUrl }) {
      await openWithSim(page, baseUrl, simUrl);
      await startSecret(page, 'not-the-secret');
      await expectStatus(page, /Failed: The secret was not accepted for partner 2506752/);
      // What went wrong is said once (the status line); what to do, at the field it is about.
      await eventually(async () => {
        assert.match(await page.locator('#secret-msg').textContent(), /Integration Settings/);
        assert.equal(await page.locator('#secret').getAttribute('aria-invalid'), 'true');
      });
      assert.equal(await page.locator('#session-error').count(), 0, 'remedy shown twice');
    },
  },
  ...atBothSizes('a failed start ends the earlier session: its KS leaves the panel and the code, the error is said once', async ({ page, baseUrl, simUrl }) => {
    await openWithSim(page, baseUrl, simUrl);
    const ks = await startWithKsInCode(page);
    await startSecret(page, 'not-the-secret');
    await expectStatus(page, /^Failed: The secret was not accepted for partner 2506752/);
    // Nothing left that reads as the current session under "Failed".
    await eventually(async () => assert.equal(await page.locator('.session-result').count(), 0));
    assert.equal(await page.locator('#session-ks').count(), 0);
    assert.equal(await page.locator('#include-ks').count(), 0);
    await eventually(async () => assert.ok(!(await codeText(page)).includes(ks), 'the earlier KS is still in the code'));
    const panel = await page.locator('.session-panel').textContent();
    assert.equal(panel.split('secret was not accepted').length - 1, 1, `error repeated: ${panel}`);
    // A new session's KS goes into the code only when opted in again.
    await startSecret(page, ADMIN_SECRET);
    await expectStatus(page, /OK/);
    assert.equal(await page.getByLabel('Include KS in embed code').isChecked(), false);
    assert.ok(!(await codeText(page)).includes(await sessionKs(page)));
  }),
  ...atBothSizes('the app token tab says the server drops reserved privileges, and shows no "Sent as" line', async ({ page, baseUrl, simUrl }) => {
    await openWithSim(page, baseUrl, simUrl);
    await page.getByRole('tab', { name: /App token/ }).click();
    await page.getByLabel('Playback only (setrole:PLAYBACK_BASE_ROLE)').check();
    await eventually(async () => assert.match(await page.locator('.privileges').textContent(), /the server drops every name it knows/));
    assert.equal(await page.locator('.privileges-preview').count(), 0);
    // The secret tab still says what it sends.
    await page.getByRole('tab', { name: 'Secret' }).click();
    await eventually(async () => assert.match(await page.locator('.privileges-preview').textContent(), /Sent as: setrole:PLAYBACK_BASE_ROLE/));
  }),
  {
    name: 'a blocked partner gets its own message',
    async run({ page, baseUrl, simUrl }) {
      await openWithSim(page, baseUrl, simUrl);
      await page.getByLabel('Partner ID', { exact: true }).fill('666666');
      await startSecret(page, 'FAKE-blocked-admin-secret-0003');
      await expectStatus(page, /unknown or blocked/);
    },
  },
  {
    name: 'an expired KS is reported as expired when checked',
    async run({ page, baseUrl, simUrl }) {
      await openWithSim(page, baseUrl, simUrl);
      await startSecret(page, ADMIN_SECRET);
      await expectStatus(page, /OK/);
      const ks = await sessionKs(page);
      // Two hours later on the simulator's clock (the session was for one hour).
      await sim(simUrl, '/__sim/clock', 'POST', { advance_secs: 7200 });
      await page.getByRole('tab', { name: 'Check a KS' }).click();
      await page.locator('#pasted-ks').fill(ks);
      await start(page);
      await expectStatus(page, /This KS has expired/);
      await sim(simUrl, '/__sim/clock', 'DELETE');
    },
  },
  {
    name: 'Include KS puts the KS into a dynamic embed, and auto embeds warn about URLs',
    async run({ page, baseUrl, simUrl }) {
      await openWithSim(page, baseUrl, simUrl);
      await startSecret(page, ADMIN_SECRET);
      await expectStatus(page, /OK/);
      const ks = await sessionKs(page);
      assert.ok(!(await codeText(page)).includes(ks), 'no KS before opting in');
      await page.getByLabel('Include KS in embed code').check();
      await eventually(async () => assert.ok((await codeText(page)).includes(`ks: "${ks}"`)));
      await page.getByRole('radio', { name: /^Auto\b/ }).check();
      await eventually(async () => {
        assert.match(await page.locator(".code-panel .notes").textContent(), /KS in a URL ends up in logs/);
      });
      // The form moves to another partner: that KS cannot play there, so it leaves the code.
      await page.getByLabel('Partner ID', { exact: true }).fill('1000001');
      await eventually(async () => {
        const code = await codeText(page);
        assert.ok(code.includes('/p/1000001/') && !code.includes(ks), code);
        assert.match(await page.locator('#partner-id-msg').textContent(), /KS is for partner 2506752/);
      });
    },
  },
  {
    name: 'an expired KS leaves the embed code, the opt-in goes with it, and the status says so',
    async run({ page, baseUrl, simUrl }) {
      // The page's clock only: the countdown runs on Date.now.
      await page.clock.install();
      await openWithSim(page, baseUrl, simUrl);
      const ks = await startWithKsInCode(page);
      await page.clock.fastForward('01:00:05');
      await expectStatus(page, /The session has expired: its KS no longer works and is out of the embed code/);
      assert.equal(await status(page).getAttribute('data-tone'), 'warn');
      await eventually(async () => assert.ok(!(await codeText(page)).includes(ks), 'expired KS still in the code'));
      await eventually(async () => assert.equal(await page.getByLabel('Include KS in embed code').isChecked(), false));
      // Nothing to opt in any more: the box is off until a new session starts.
      assert.ok(await page.getByLabel('Include KS in embed code').isDisabled());
    },
  },
  {
    name: 'a field error goes once the field is edited; a refused Start says so and focuses the field',
    async run({ page, baseUrl, simUrl }) {
      await openWithSim(page, baseUrl, simUrl);
      await page.getByRole('tab', { name: /App token/ }).click();
      await start(page);
      await expectStatus(page, /Not started: fix the fields marked below/);
      await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'app-token-id'));
      await page.locator('#app-token-id').fill(TOKENS.SHA1[0]);
      assert.equal(await page.locator('#app-token-id-msg').count(), 0, 'fixed field still flagged');
      assert.equal(await page.locator('#app-token-msg').count(), 1, 'the other field lost its message');
      // A privileges problem shows at its own input, live.
      await page.getByRole('tab', { name: 'Secret' }).click();
      await page.locator('#priv-actions').fill('-1');
      await eventually(async () => assert.match(await page.locator('#priv-actions-msg').textContent(), /whole number/));
      assert.equal(await page.locator('#priv-custom-msg').count(), 0);
      assert.notEqual(await page.locator('#priv-custom').getAttribute('aria-invalid'), 'true');
    },
  },
  {
    name: 'a KS limited to one entry leaves the code when the form moves to another entry',
    async run({ page, baseUrl, simUrl }) {
      await openWithSim(page, baseUrl, simUrl);
      await page.getByRole('tab', { name: 'Secret' }).click();
      await page.getByLabel('Limit to this entry (sview)').check();
      const ks = await startWithKsInCode(page);
      await page.getByLabel('Entry ID', { exact: true }).fill('1_demo0002');
      await eventually(async () => {
        const code = await codeText(page);
        assert.ok(code.includes('1_demo0002') && !code.includes(ks), code);
        assert.match(await page.locator('#content-id-msg').textContent(), /limited \(sview\)/);
      });
    },
  },
  {
    name: 'a double click while the request is in flight sends it once',
    async run({ page, baseUrl, simUrl }) {
      await openWithSim(page, baseUrl, simUrl);
      await sim(simUrl, '/__sim/faults', 'POST', { latency_ms: 1500, times: 5 });
      await page.getByRole('button', { name: 'Start session' }).dblclick();
      await expectStatus(page, /Partner 2506752 OK/);
      assert.equal((await apiRequests(simUrl)).length, 1);
    },
  },
  {
    name: 'a cancelled slow request never overwrites the newer answer',
    async run({ page, baseUrl, simUrl, expectError }) {
      expectError(/status of 502/);
      await openWithSim(page, baseUrl, simUrl);
      // The first request is slow and fails; the second is fast and succeeds.
      await sim(simUrl, '/__sim/faults', 'POST', { latency_ms: 2500, status: 502, times: 1 });
      await start(page);
      // While it works, the start button keeps keyboard focus (it is not disabled away).
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Starting…');
      const failed = [];
      page.on('requestfailed', (request) => {
        if (request.url().includes('/api_v3/')) failed.push(request.failure()?.errorText ?? '');
      });
      await page.getByRole('button', { name: 'Cancel' }).click();
      // Said, and focus back on the start button rather than lost with the removed Cancel.
      await expectStatus(page, /Cancelled/);
      // The request itself is stopped, not only its answer ignored.
      await eventually(async () => assert.ok(failed.some((text) => /ABORTED/.test(text)), JSON.stringify(failed)));
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Start session');
      await start(page);
      await expectStatus(page, /Partner 2506752 OK/);
      await page.waitForTimeout(3000);
      await expectStatus(page, /Partner 2506752 OK/);
    },
  },
];

// Each injected fault gives its own message, and the next normal start works.
const FAULTS = [
  [{ status: 500 }, /HTTP status 500/, /status of 500/],
  [{ status: 502 }, /HTTP status 502/, /status of 502/],
  [{ truncate: true }, /cut off/],
  [{ non_json: true }, /not JSON/],
  [{ xml: true }, /XML instead of JSON/],
  [{ no_cors: true }, /CORS|unreachable/, /CORS|Failed to fetch|net::/],
  [{ reset: true }, /CORS|unreachable|cut off/, /Failed to fetch|net::|CONNECTION/],
  // Beyond the page's 15 s timeout.
  [{ latency_ms: 16000 }, /did not answer in time/, /abort|net::/i],
];

for (const [fault, message, consoleNoise] of FAULTS) {
  moduleTests.push({
    name: `fault ${JSON.stringify(fault)} → its own message, then a normal start works`,
    async run({ page, baseUrl, simUrl, expectError }) {
      if (consoleNoise) expectError(consoleNoise);
      expectError(/Failed to load resource/);
      await openWithSim(page, baseUrl, simUrl);
      await sim(simUrl, '/__sim/faults', 'POST', { ...fault, times: 1 });
      await start(page);
      await expectStatus(page, message, 20000);
      await start(page);
      await expectStatus(page, /Partner 2506752 OK/);
      // A delayed request is logged when the simulator finishes it, so allow it to land.
      await eventually(async () => assert.equal((await apiRequests(simUrl)).length, 2, 'no duplicate request'), 5000);
    },
  });
}

export default moduleTests;
