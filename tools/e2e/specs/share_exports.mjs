// Share link, remembered settings and the .env download.
import { readFile } from 'node:fs/promises';
import { assert, codeText, eventually, fillIds, openStudio, openStudioWithExtras, openStudioWithTools } from '../helpers.mjs';

const IDS = { partner: '2506752', uiConf: '48460943', entry: '1_demo0001' };

export default [
  {
    name: 'the settings link restores every field and never carries the secret',
    async run({ page, context, baseUrl }) {
      await openStudioWithTools(page, baseUrl);
      await fillIds(page, IDS);
      await page.getByRole('radio', { name: /v2/ }).check();
      await page.getByRole('radio', { name: /^IFrame\b/ }).check();
      await page.getByLabel('Autoplay', { exact: true }).check();
      await page.getByLabel('Start at').fill('0:30');
      await page.getByRole('tab', { name: 'Secret' }).click();
      await page.locator('#secret').fill('FAKE-demo-admin-secret-0001');
      await page.locator('#user-id').fill('demo-user');
      // The deferred panels' own fields travel too: video portal, SEO metadata.
      await page.getByRole('radio', { name: 'MediaSpace / Content Hubs' }).check();
      await page.locator('#portal-instance').fill('2');
      await page.getByRole('button', { name: 'SEO', exact: true }).click();
      await page.locator('#seo-name').fill('Product tour');
      await page.locator('#seo-date').fill('2026-11-24');
      const before = await codeText(page);
      await page.getByRole('button', { name: 'Copy link to these settings' }).click();
      await eventually(async () => assert.match(await page.locator('.share-bar [role=status]').textContent(), /Link copied/));
      const link = await page.evaluate(() => navigator.clipboard.readText());
      assert.ok(!link.includes('FAKE-demo'), 'no secret in the link');
      assert.ok(!page.url().includes('#'), 'copying a link does not change the address');

      const other = await context.newPage();
      await other.goto(link);
      await other.getByLabel('Partner ID', { exact: true }).waitFor();
      await eventually(async () => assert.equal(await codeText(other), before));
      // A link that uses the developer tools opens them.
      await eventually(async () => assert.ok(await other.locator('details.devtools').evaluate((d) => d.open)));
      assert.equal(await other.locator('#user-id').inputValue(), 'demo-user');
      assert.equal(await other.locator('#secret').inputValue(), '', 'the secret is not restored');
      assert.ok(await other.getByRole('radio', { name: 'MediaSpace / Content Hubs' }).isChecked());
      assert.equal(await other.locator('#portal-instance').inputValue(), '2');
      assert.match(await other.locator('.exports-panel').textContent(), /2506752-2\.mediaspace\.kaltura\.com/);
      // The SEO tab is open with its fields, and its block is there.
      assert.equal(await other.locator('#seo-name').inputValue(), 'Product tour');
      assert.equal(await other.locator('#seo-date').inputValue(), '2026-11-24');
      await other.close();
    },
  },
  {
    name: 'a link with bad values shows the same field errors',
    async run({ page, baseUrl }) {
      await page.goto(`${baseUrl}#v=1&pid=12a&ui=48460943&id=1_demo0001`);
      await page.getByLabel('Partner ID', { exact: true }).waitFor();
      await eventually(async () => {
        assert.equal(await page.locator('#partner-id').getAttribute('aria-invalid'), 'true');
        assert.ok(!(await codeText(page)).includes('<script'));
      });
    },
  },
  {
    name: 'remembered settings come back on the next visit, and go when unticked',
    async run({ page, baseUrl }) {
      await openStudio(page, baseUrl);
      await fillIds(page, IDS);
      await page.getByLabel('Remember these settings on this device').check();
      await page.reload();
      await eventually(async () => assert.equal(await page.locator('#partner-id').inputValue(), IDS.partner));
      const stored = await page.evaluate(() => JSON.stringify(localStorage));
      assert.ok(!/secret|ks=/i.test(stored.replace('kaltura-embed-studio.settings', '')), stored);
      await page.getByLabel('Remember these settings on this device').uncheck();
      await page.reload();
      // The second module reads remembered settings: wait for it before saying none came back.
      await page.locator('#paste-input').waitFor({ state: 'attached' });
      assert.equal(await page.locator('#partner-id').inputValue(), '');
    },
  },
  {
    name: 'unticking "Remember" in one tab is not undone by another open tab',
    async run({ page, context, baseUrl }) {
      const box = (p) => p.getByLabel('Remember these settings on this device');
      const stored = () => page.evaluate(() => localStorage.getItem('kaltura-embed-studio.settings'));
      await openStudioWithExtras(page, baseUrl);
      await fillIds(page, IDS);
      await box(page).check();
      await eventually(async () => assert.match((await stored()) ?? '', /pid=2506752/));
      // A second tab opens with the remembered settings, and is told to forget them.
      const other = await context.newPage();
      await openStudioWithExtras(other, baseUrl);
      await eventually(async () => assert.ok(await box(other).isChecked()));
      await box(other).uncheck();
      await eventually(async () => assert.equal(await stored(), null));
      // Editing in the first tab does not bring them back; its box follows.
      await page.getByLabel('Entry ID').fill('1_demo0002');
      await page.getByLabel('Entry ID').blur();
      await page.waitForTimeout(400);
      assert.equal(await stored(), null, 'the first tab wrote the settings back');
      await eventually(async () => assert.equal(await box(page).isChecked(), false));
      // An unticked tab leaves another tab's choice alone, too.
      await box(other).check();
      await eventually(async () => assert.match((await stored()) ?? '', /pid=2506752/));
      await page.getByLabel('Entry ID').fill('1_demo0003');
      await page.getByLabel('Entry ID').blur();
      await page.waitForTimeout(400);
      assert.match((await stored()) ?? '', /pid=2506752/, 'an unticked tab removed the other tab\'s copy');
      await other.close();
    },
  },
  {
    name: 'a link opened on this device shows its settings but keeps the remembered ones until something changes',
    async run({ page, baseUrl }) {
      await openStudio(page, baseUrl);
      await fillIds(page, IDS);
      await page.getByLabel('Remember these settings on this device').check();
      const stored = () => page.evaluate(() => localStorage.getItem('kaltura-embed-studio.settings'));
      const mine = await eventually(async () => {
        const value = await stored();
        // The whole form, entry included (it reaches the second module after a 150 ms pause).
        assert.match(value ?? '', /pid=2506752.*id=1_demo0001/);
        return value;
      });
      // Someone else's link, opened in a fresh load.
      await page.goto('about:blank');
      await page.goto(`${baseUrl}#v=1&pid=999999&ui=12345678&id=1_other999`);
      await page.locator('#paste-input').waitFor({ state: 'attached' });
      await eventually(async () => assert.equal(await page.locator('#partner-id').inputValue(), '999999'));
      await page.waitForTimeout(300);
      assert.equal(await stored(), mine, 'the link did not replace what was remembered');
      assert.match(await page.locator('.share-bar').textContent(), /Opened from a link/);
      await page.getByLabel('Partner ID', { exact: true }).fill('999998');
      await eventually(async () => assert.match((await stored()) ?? '', /pid=999998/));
    },
  },
  {
    name: 'remembered settings never overwrite what was typed before they arrived',
    async run({ page, baseUrl }) {
      await openStudio(page, baseUrl);
      await fillIds(page, IDS);
      await page.getByLabel('Remember these settings on this device').check();
      // Next visit: hold the second module (which reads them) until the user has typed.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route('**/extras_bg.wasm', async (route) => { await held; await route.continue(); });
      await page.reload();
      await page.getByLabel('Partner ID', { exact: true }).fill('1234');
      release();
      await page.locator('#paste-input').waitFor({ state: 'attached' });
      await page.waitForTimeout(300);
      assert.equal(await page.locator('#partner-id').inputValue(), '1234');
      assert.equal(await page.locator('#uiconf-id').inputValue(), '', 'nothing merged in either');
    },
  },
  {
    name: 'Download .env gives the values with a blank secret line',
    async run({ page, baseUrl }) {
      await openStudioWithTools(page, baseUrl);
      await fillIds(page, IDS);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download .env' }).click(),
      ]);
      // Chrome drops the leading dot of hidden-file names; the page says so next to the button.
      assert.match(download.suggestedFilename(), /^\.?env$/);
      const text = await readFile(await download.path(), 'utf8');
      assert.match(text, /^KALTURA_PARTNER_ID=2506752$/m);
      assert.match(text, /^KALTURA_PLAYER_ID=48460943$/m);
      assert.match(text, /^KALTURA_SERVICE_URL=https:\/\/www\.kaltura\.com\/api_v3$/m);
      assert.match(text, /^KALTURA_ADMIN_SECRET=$/m);
      assert.match(text, /\.gitignore/);
    },
  },
  {
    name: 'the portal builder waits for a Partner ID without flagging its own field, then links the portal',
    async run({ page, baseUrl }) {
      await openStudioWithTools(page, baseUrl);
      const instance = page.getByLabel('Instance (optional)');
      await instance.waitFor();
      assert.equal(await instance.getAttribute('aria-invalid'), 'false', 'no error on an untouched field');
      await eventually(async () => assert.match(await page.locator('.exports-panel').textContent(), /appears here once the Partner ID above is valid/));
      await fillIds(page, IDS);
      await eventually(async () => assert.ok(await page.getByRole('link', { name: /^https:\/\/2506752\.events\.kaltura\.com/ }).isVisible()));
      await instance.fill('x');
      await eventually(async () => assert.match(await page.locator('.exports-panel').textContent(), /The instance is a number/));
      await instance.fill('2');
      await eventually(async () => assert.ok(await page.getByRole('link', { name: /^https:\/\/2506752-2\.events\.kaltura\.com/ }).isVisible()));
    },
  },
];
