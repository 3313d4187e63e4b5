// The embed form end to end: IDs → v7/v2 snippets, field errors, copy, and the CSP'd page itself.
import {
  assert,
  codeBlock,
  codeText,
  eventually,
  expectCodeContains,
  fillIds,
  openStudio,
  openStudioWithExtras,
} from '../helpers.mjs';

const IDS = { partner: '2506752', uiConf: '48460943', entry: '1_abcd1234' };
const V7_LIBRARY = 'https://cdnapisec.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943';
const V2_PATH = '/sp/250675200/';
const EMBED_TYPES = ['Dynamic', 'Auto', 'IFrame', 'Thumbnail'];

export default [
  {
    name: 'typing IDs gives the v7 library URL',
    async run({ page, baseUrl }) {
      await openStudio(page, baseUrl);
      await fillIds(page, IDS);
      await expectCodeContains(page, V7_LIBRARY);
    },
  },
  {
    name: 'switching to player v2 gives the /sp/{pid}00/ path',
    async run({ page, baseUrl }) {
      await openStudio(page, baseUrl);
      await fillIds(page, IDS);
      await page.getByRole('radio', { name: /v2/ }).check();
      await expectCodeContains(page, V2_PATH);
      await page.getByRole('radio', { name: /v7/ }).check();
      await expectCodeContains(page, V7_LIBRARY);
    },
  },
  {
    name: 'every embed type × player version names the partner and player',
    async run({ page, baseUrl }) {
      await openStudio(page, baseUrl);
      await fillIds(page, IDS);
      for (const [version, needle] of [['v7', V7_LIBRARY], ['v2', V2_PATH]]) {
        await page.getByRole('radio', { name: new RegExp(version) }).check();
        const seen = new Set();
        for (const type of EMBED_TYPES) {
          // Prefix match: a label may carry the type's one-line explanation after its name.
          await page.getByRole('radio', { name: new RegExp(`^${type}\\b`) }).check();
          await expectCodeContains(page, needle);
          await expectCodeContains(page, IDS.uiConf);
          await expectCodeContains(page, IDS.entry);
          seen.add(await codeText(page));
        }
        assert.equal(seen.size, EMBED_TYPES.length, `${version}: each embed type gives its own snippet`);
      }
    },
  },
  {
    name: 'an invalid Partner ID shows a linked field error and no snippet',
    async run({ page, baseUrl }) {
      await openStudio(page, baseUrl);
      await fillIds(page, { ...IDS, partner: '12a' });
      const partner = page.getByLabel('Partner ID', { exact: true });
      await eventually(async () => assert.equal(await partner.getAttribute('aria-invalid'), 'true'));
      const describedBy = await partner.getAttribute('aria-describedby');
      assert.ok(describedBy, 'Partner ID has aria-describedby');
      const messages = await page.evaluate(
        (ids) => ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent.trim() ?? null),
        describedBy,
      );
      assert.ok(
        messages.some((text) => text && text.length > 0),
        `aria-describedby="${describedBy}" points at a visible message, got ${JSON.stringify(messages)}`,
      );
      const code = await codeText(page);
      assert.ok(!code.includes('<script'), `no snippet for an invalid partner:\n${code}`);
      assert.ok(!code.includes('<iframe'), `no snippet for an invalid partner:\n${code}`);
      // A player URL typed where its ID goes: its error offers to fill the form from it.
      await page.getByLabel('Player ID (uiConf ID)').fill('https://cdnapisec.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943');
      await eventually(async () => assert.match(await page.locator("#uiconf-id-msg").textContent(), /link or embed code.*Fill from this/));
    },
  },
  {
    name: 'a cleared custom player host stays custom and says the host is missing',
    async run({ page, baseUrl }) {
      await openStudio(page, baseUrl);
      await fillIds(page, IDS);
      await page.getByRole('radio', { name: 'Custom / on-prem' }).check();
      const host = page.getByLabel('CDN host', { exact: true });
      await host.fill('https://api.kaltura.nordu.net');
      await expectCodeContains(page, 'https://api.kaltura.nordu.net/p/2506752/embedPlaykitJs/');
      await host.press('Control+a');
      await host.press('Backspace');
      // Still the field being typed in: no jump back to SaaS, no code for a host nobody chose.
      await eventually(async () => {
        assert.ok(await page.getByRole('radio', { name: 'Custom / on-prem' }).isChecked());
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'cdn-host');
        const code = await codeText(page);
        assert.ok(!code.includes('cdnapisec.kaltura.com/p/'), code);
        assert.match(code, /CDN host/);
      });
      await host.pressSequentially('cdn.example.edu');
      await expectCodeContains(page, 'https://cdn.example.edu/p/2506752/embedPlaykitJs/');
    },
  },
  {
    name: 'Copy HTML puts the code block on the clipboard and says Copied',
    async run({ page, baseUrl }) {
      await openStudio(page, baseUrl);
      await fillIds(page, IDS);
      await expectCodeContains(page, V7_LIBRARY);
      await page.getByRole('button', { name: 'Copy HTML' }).click();
      await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
      const clipboard = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(clipboard, await codeText(page));
    },
  },
  {
    name: 'the Local simulator choices show on this computer only, or once chosen',
    async run({ page, baseUrl }) {
      await openStudioWithExtras(page, baseUrl);
      const cdnSim = page.locator('#cdn-choice-1');
      // Served from 127.0.0.1 here: both offered (the service URL's by host name, at render;
      // kaltura::api::offers_local_simulator's tests cover a published page).
      assert.ok(await cdnSim.isVisible());
      assert.match(await page.locator('label[for="service-url-1"]').textContent(), /Local simulator/);
      // As on a published page (no `data-local`): the player host's option goes...
      await page.evaluate(() => document.documentElement.removeAttribute('data-local'));
      assert.equal(await cdnSim.isVisible(), false, 'shown on a published page');
      assert.ok(await page.locator('#cdn-choice-2').isVisible(), 'Custom / on-prem');
      // ...unless a link or remembered settings chose it.
      await page.evaluate(() => document.documentElement.setAttribute('data-local', ''));
      await cdnSim.check();
      await page.evaluate(() => document.documentElement.removeAttribute('data-local'));
      assert.ok(await cdnSim.isVisible(), 'a chosen option disappeared');
    },
  },
  {
    name: 'the page runs under its subpath with the strict CSP and no console errors',
    async run({ page, baseUrl, expectError }) {
      assert.match(new URL(baseUrl).pathname, /^\/.+\/$/, 'served from a subpath');
      const warnings = [];
      page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
      const wasmRequests = [];
      page.on('request', (request) => /\/app-[0-9a-f]+_bg\.wasm$/.test(request.url()) && wasmRequests.push(request.url()));
      await openStudio(page, baseUrl);
      const policy = await page
        .locator('meta[http-equiv="Content-Security-Policy"]')
        .getAttribute('content');
      assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      assert.doesNotMatch(policy, /unsafe-inline/);
      await assert.doesNotReject(codeBlock(page).waitFor());
      // The policy is enforced, not just present: an injected inline script must not run.
      expectError(/CSP violation: script-src/);
      expectError(/Content Security Policy/);
      const ran = await page.evaluate(async () => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.body.append(script);
        await new Promise((resolve) => setTimeout(resolve, 100));
        return window.__inlineRan === true;
      });
      assert.equal(ran, false, 'an inline script ran despite the CSP');
      assert.equal(await page.getByText('The form has not started yet').isVisible(), false);
      // Not even a warning on a normal load (a preload's ignored `integrity` used to log one).
      assert.deepEqual(warnings, []);
      // The start-up fetch takes the preloaded wasm: one download, not two.
      assert.equal(wasmRequests.length, 1, wasmRequests.join(', '));
    },
  },
];
