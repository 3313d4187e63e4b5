// Secret-leak scan: drive the admin-secret, user-secret, app-token and widget flows, copy and
// preview, then look for the secret, the token and the KS in console output, every network
// request, the DOM outside the KS field, storage, cookies, the URL and history.
import { assert, eventually, fillIds, openStudioWithTools } from '../helpers.mjs';

const IDS = { partner: '2506752', uiConf: '48460943', entry: '1_demo0001' };
const SECRETS = ['FAKE-demo-admin-secret-0001', 'FAKE-demo-user-secret-0001'];
const TOKEN = ['0_apptksh1', 'feedface00000000000000000000a001'];

export default [
  {
    name: 'no secret, token or KS escapes its one allowed place',
    async run({ page, context, baseUrl, simUrl, expectError }) {
      assert.ok(simUrl, 'SIM_URL is required');
      // The preview frame runs the snippet; whether the simulator serves a player or not, its own
      // load errors are the frame's business here, not a leak.
      expectError(/Failed to load resource|KalturaPlayer|reading 'setup'|player/i);
      await fetch(simUrl + '/__sim/reset', { method: 'POST', headers: { 'Content-Type': 'application/json' } });
      const consoleText = [];
      page.on('console', (m) => consoleText.push(m.text()));
      const requests = [];
      page.on('request', (r) => requests.push({ url: r.url(), body: r.postData() || '' }));

      await openStudioWithTools(page, baseUrl);
      const historyAtOpen = await page.evaluate(() => history.length);
      await fillIds(page, IDS);
      await page.getByRole('radio', { name: 'Custom / on-prem' }).check();
      await page.locator('#cdn-host').fill(simUrl);
      await page.locator('#service-url-2').check();
      await page.locator('#custom-service-url').fill(simUrl);
      const status = page.locator('.session-status');
      const kses = [];
      const waitOk = () => eventually(async () => assert.match(await status.textContent(), /Partner 2506752 OK/), 8000);

      for (const secret of SECRETS) {
        await page.getByRole('tab', { name: 'Secret' }).click();
        await page.locator('#secret').fill(secret);
        await page.getByRole('button', { name: 'Start session' }).click();
        await waitOk();
        kses.push(await page.locator('#session-ks').inputValue());
      }
      await page.getByRole('tab', { name: /App token/ }).click();
      await page.locator('#app-token-id').fill(TOKEN[0]);
      await page.locator('#app-token').fill(TOKEN[1]);
      await page.getByRole('button', { name: 'Start session' }).click();
      await waitOk();
      kses.push(await page.locator('#session-ks').inputValue());
      await page.getByRole('tab', { name: 'Widget session' }).click();
      await page.getByRole('button', { name: 'Start session' }).click();
      await waitOk();
      const activeKs = await page.locator('#session-ks').inputValue();
      kses.push(activeKs);
      // Reveal and copy the KS, copy the (KS-free) embed code, open the preview.
      await page.locator('button[aria-controls="session-ks"][aria-pressed]').click();
      await page.getByRole('button', { name: 'Copy KS' }).click();
      await page.getByRole('button', { name: 'Copy HTML' }).click();
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.waitForTimeout(500);

      const needles = [...SECRETS, TOKEN[1], ...kses].filter(Boolean);
      const hits = [];
      const scan = (where, text) => needles.forEach((n) => text && text.includes(n) && hits.push(`${where}: …${n.slice(0, 12)}`));
      consoleText.forEach((t) => scan('console', t));
      for (const { url, body } of requests) {
        scan(`request URL ${url.slice(0, 60)}`, url);
        // The session calls themselves must carry their secret/token/KS; nothing else may.
        const isSessionCall = url.startsWith(simUrl + '/api_v3/');
        if (!isSessionCall) scan(`request body ${url.slice(0, 60)}`, body);
      }
      const domOutsideKsField = await page.evaluate(() => {
        const clone = document.body.cloneNode(true);
        clone.querySelector('#session-ks')?.remove();
        const inputs = [...document.querySelectorAll('input, textarea')]
          .filter((el) => el.id !== 'session-ks')
          .map((el) => el.value);
        return clone.innerHTML + '\n' + inputs.join('\n');
      });
      scan('DOM', domOutsideKsField);
      const stored = await page.evaluate(async () => {
        const parts = [document.cookie, location.href, JSON.stringify(history.state)];
        for (const s of [localStorage, sessionStorage]) for (let i = 0; i < s.length; i++) parts.push(s.key(i), s.getItem(s.key(i)));
        if (indexedDB.databases) parts.push(JSON.stringify(await indexedDB.databases()));
        return parts.join('\n');
      });
      scan('storage/URL', stored);
      assert.deepEqual(hits, [], 'credential found outside its place');
      assert.equal(await page.evaluate(() => history.length), historyAtOpen, 'no history entries');
      assert.equal((await context.cookies()).length, 0, 'no cookies');
      // The KS field itself holds the active KS, and the clipboard got it only when asked to.
      assert.equal(await page.locator('#session-ks').inputValue(), activeKs);
    },
  },
];
