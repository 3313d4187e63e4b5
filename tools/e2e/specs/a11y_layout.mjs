// Accessibility and layout: axe-core on each state of the page (zero serious or critical findings),
// a keyboard-only walkthrough, and screenshots at phone and laptop widths for a person to review.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, atBothSizes, eventually, fillIds, openDevTools, openStudio, openStudioWithExtras } from '../helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const axeSource = readFile(join(here, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const screenshots = join(here, '..', '..', '..', 'target', 'e2e');
const IDS = { partner: '2506752', uiConf: '48460943', entry: '1_demo0001' };

/** Runs axe in the page. The page's CSP forbids injected scripts (as it should), so axe runs
 * through a CDP evaluation, which CSP does not govern. */
async function axe(page, state) {
  const source = await axeSource;
  const session = await page.context().newCDPSession(page);
  const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
    expression: `${source}\n;axe.run(document, { resultTypes: ['violations'] }).then(r => JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }))))`,
    awaitPromise: true,
    returnByValue: true,
  });
  assert.ok(!exceptionDetails, `axe failed to run: ${JSON.stringify(exceptionDetails)}`);
  const violations = JSON.parse(result.value);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of violations) console.log(`    axe [${state}] ${v.impact}: ${v.id} (${v.nodes}) ${v.help}`);
  assert.deepEqual(serious, [], `${state}: serious or critical accessibility findings`);
}

async function withSim(page, simUrl) {
  await page.locator('#service-url-2').check();
  await page.locator('#custom-service-url').fill(simUrl);
}

const status = (page) => page.locator('.session-status');

export default [
  ...atBothSizes('axe finds nothing serious in any state of the page', async ({ page, baseUrl, simUrl, expectError }) => {
    expectError(/Failed to load resource/);
    await fetch(simUrl + '/__sim/reset', { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    await openStudio(page, baseUrl);
    await axe(page, 'empty');
    await page.getByLabel('Partner ID', { exact: true }).fill('12a');
    await axe(page, 'invalid partner');
    await fillIds(page, IDS);
    await axe(page, 'filled');
    await page.locator('#paste-input').waitFor({ state: 'attached' });
    await page.getByText('Paste an embed code or link to fill the form').click();
    await page.getByRole('button', { name: 'SEO', exact: true }).click();
    await page.getByLabel('Upload date').fill('24/11/2026');
    await axe(page, 'paste helper open, SEO fields with an error');
    await page.getByRole('radio', { name: /v2/ }).check();
    await page.getByRole('radio', { name: 'Fixed size' }).check();
    await axe(page, 'v2, fixed size');
    await openDevTools(page);
    await withSim(page, simUrl);
    await page.getByRole('tab', { name: 'Secret' }).click();
    await axe(page, 'secret tab');
    await page.locator('#secret').fill('wrong');
    await page.getByRole('button', { name: 'Start session' }).click();
    await eventually(async () => assert.match(await status(page).textContent(), /Failed/), 8000);
    await axe(page, 'session error');
    await page.locator('#secret').fill('FAKE-demo-admin-secret-0001');
    await page.getByRole('button', { name: 'Start session' }).click();
    await eventually(async () => assert.match(await status(page).textContent(), /OK/), 8000);
    await axe(page, 'session started');
    await page.getByRole('tab', { name: /App token/ }).click();
    await axe(page, 'app token tab');
  }),
  {
    name: 'keyboard only: fill, switch type with arrows, copy, start a session',
    async run({ page, baseUrl, simUrl }) {
      await fetch(simUrl + '/__sim/reset', { method: 'POST', headers: { 'Content-Type': 'application/json' } });
      await openStudioWithExtras(page, baseUrl);
      await page.keyboard.press('Tab');
      assert.match(await page.evaluate(() => document.activeElement.textContent), /Paste an embed code/, 'first stop: the paste helper');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'partner-id', 'then Partner ID');
      await page.keyboard.type(IDS.partner);
      await page.keyboard.press('Tab');
      await page.keyboard.type(IDS.uiConf);
      await page.keyboard.press('Tab'); // Content: Entry radio
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'content-id');
      await page.keyboard.type(IDS.entry);
      // A visible focus indicator on the focused field.
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, 'none', 'focused field shows an outline');
      // Embed type: focus the checked radio and move with the arrow key.
      await page.getByRole('radio', { name: /^Dynamic\b/ }).focus();
      await page.keyboard.press('ArrowDown');
      assert.ok(await page.getByRole('radio', { name: /^Auto\b/ }).isChecked(), 'arrow key picks Auto');
      await page.getByRole('button', { name: 'Copy HTML' }).focus();
      await page.keyboard.press('Enter');
      await eventually(async () => assert.equal(await page.locator('.code-panel [role=status]').textContent(), 'Copied'));
      // Session tabs: arrows move between tabs, Enter on Start session runs it.
      await page.locator('details.devtools > summary').focus();
      await page.keyboard.press('Enter');
      await page.locator('#service-url-2').focus();
      await page.keyboard.press('Space');
      await page.locator('#custom-service-url').focus();
      await page.keyboard.type(simUrl);
      await page.locator('#tab-widget').focus();
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-app-token');
      await page.keyboard.press('ArrowLeft');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-widget');
      await page.getByRole('button', { name: 'Start session' }).focus();
      await page.keyboard.press('Enter');
      await eventually(async () => assert.match(await status(page).textContent(), /Partner 2506752 OK/), 8000);
    },
  },
  {
    name: 'phone and laptop screenshots; no sideways scrolling on a phone',
    async run({ page, baseUrl, simUrl }) {
      await fetch(simUrl + '/__sim/reset', { method: 'POST', headers: { 'Content-Type': 'application/json' } });
      for (const [label, width, height] of [['phone', 390, 844], ['laptop', 1366, 768]]) {
        await page.setViewportSize({ width, height });
        await openStudio(page, baseUrl);
        await page.screenshot({ path: join(screenshots, `layout-${label}-empty.png`), fullPage: true });
        await fillIds(page, IDS);
        await openDevTools(page);
        await withSim(page, simUrl);
        await page.getByRole('button', { name: 'Start session' }).click();
        await eventually(async () => assert.match(await status(page).textContent(), /OK/), 8000);
        await page.screenshot({ path: join(screenshots, `layout-${label}-session-started.png`), fullPage: true });
        await page.getByLabel('Partner ID', { exact: true }).fill('-5');
        await page.screenshot({ path: join(screenshots, `layout-${label}-field-error.png`), fullPage: true });
        const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${label}: page scrolls sideways by ${overflow}px`);
        // The session tabs: one row on a laptop, two on a phone (they wrapped into three).
        const rows = await page.getByRole('tab').evaluateAll((tabs) => new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top))).size);
        assert.equal(rows, label === 'phone' ? 2 : 1, `${label}: session tabs in ${rows} rows`);
      }
    },
  },
];
