// The page as people meet it, on a phone (390×844) and a laptop (1366×768): the code where the eye
// is, one code panel with format tabs, quiet developer tools, no sideways scrolling for any input,
// no layout shift on load. Figures (taps and scrolling to Copy on a phone, the laptop page height,
// CLS) go to target/e2e/page-figures.json; the two screenshots of docs/ are written here.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, codeText, eventually, fillIds, openDevTools, openStudio, openStudioWithExtras, SIZES } from '../helpers.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const figuresFile = join(repoRoot, 'target', 'e2e', 'page-figures.json');
const IDS = { partner: '2506752', uiConf: '48460943', entry: '1_demo0001' };

/** Adds `figures` to the run's JSON (each test writes its own part). */
async function report(figures) {
  let all = {};
  try {
    all = JSON.parse(await readFile(figuresFile, 'utf8'));
  } catch {
    // First figure of the run.
  }
  await mkdir(dirname(figuresFile), { recursive: true });
  await writeFile(figuresFile, `${JSON.stringify({ ...all, ...figures }, null, 2)}\n`);
  console.log(`    figures: ${JSON.stringify(figures)}`);
}

/** Whether the element's box lies wholly inside the viewport. */
async function inView(page, locator) {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize();
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= height && box.x + box.width <= width;
}

const sideways = (page) => page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
const copyHtml = (page) => page.getByRole('button', { name: 'Copy HTML', exact: true });

// Values that have widened the page: a KMC snippet in an ID field (echoed in messages), long
// unbroken words, markup.
const HOSTILE = [
  '<div id="kaltura_player_1700000000" style="width: 560px;height: 395px"></div><script src="https://cdnapisec.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943"></script>',
  `https://example.com/${'a'.repeat(400)}`,
  `${'9'.repeat(300)}`,
  '"><img src=x onerror=alert(1)>' + 'W'.repeat(200),
];

export default [
  {
    name: 'phone: after the Entry ID the Copy button is in view without scrolling; taps and scroll to Copy',
    async run({ page, context, baseUrl }) {
      await page.setViewportSize({ width: 390, height: 844 });
      let taps = 0;
      let scrolled = 0;
      let lastY = 0;
      const step = async (action) => {
        await action();
        taps += 1;
        const y = await page.evaluate(() => window.scrollY);
        scrolled += Math.abs(y - lastY);
        lastY = y;
      };
      await openStudioWithExtras(page, baseUrl);
      await step(() => page.getByLabel('Partner ID', { exact: true }).tap().catch(() => page.getByLabel('Partner ID', { exact: true }).click()));
      await page.keyboard.type(IDS.partner);
      await step(() => page.getByLabel('Player ID (uiConf ID)', { exact: true }).click());
      await page.keyboard.type(IDS.uiConf);
      await step(() => page.getByLabel('Entry ID', { exact: true }).click());
      await page.keyboard.type(IDS.entry);
      await eventually(async () => assert.ok(await copyHtml(page).isEnabled(), 'code ready'));
      assert.ok(await inView(page, copyHtml(page)), 'Copy HTML in view right after the Entry ID');
      const copyBox = await copyHtml(page).boundingBox();
      assert.ok(await inView(page, page.getByLabel('Entry ID', { exact: true })), 'the Entry ID still in view');
      await step(() => copyHtml(page).click());
      await eventually(async () => assert.equal(await page.locator('.code-panel .html-code [role=status]').textContent(), 'Copied'));
      assert.match(await page.evaluate(() => navigator.clipboard.readText()), /embedPlaykitJs\/uiconf_id\/48460943/);
      const pageHeight = await page.evaluate(() => document.scrollingElement.scrollHeight);
      await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-phone.png') });
      await report({
        phone_taps_open_to_copy: taps,
        phone_scroll_px_open_to_copy: scrolled,
        phone_copy_button_bottom_px: Math.round(copyBox.y + copyBox.height),
        phone_page_height_px: pageHeight,
      });
    },
  },
  {
    name: 'laptop: the code panel stays in view (sticky) while options far down the form change',
    async run({ page, baseUrl }) {
      await page.setViewportSize({ width: 1366, height: 768 });
      await openStudioWithExtras(page, baseUrl);
      await fillIds(page, IDS);
      await page.locator('details.devtools').waitFor({ state: 'attached' });
      const height = await page.evaluate(() => document.scrollingElement.scrollHeight);
      await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-laptop.png') });
      const panel = page.locator('.code-panel');
      for (const [option, needle] of [
        [page.getByRole('radio', { name: /^IFrame\b/ }), '<iframe'],
        [page.getByRole('radio', { name: 'Fixed size' }), null],
        [page.getByLabel('Loop', { exact: true }), null],
      ]) {
        await option.scrollIntoViewIfNeeded();
        await option.check();
        assert.ok(await inView(page, copyHtml(page)), 'Copy in view');
        const box = await panel.boundingBox();
        assert.ok(box.y >= 0 && box.y < 100, `code panel top at ${box.y}`);
        if (needle) await eventually(async () => assert.ok((await codeText(page)).includes(needle)));
      }
      assert.ok(await page.evaluate(() => window.scrollY) > 200, 'the page did scroll to the options');
      await page.getByLabel('Width', { exact: true }).fill('800');
      await page.getByLabel('Height', { exact: true }).fill('450');
      await eventually(async () => assert.match(await codeText(page), /800/));
      assert.ok(await inView(page, page.getByRole('textbox', { name: 'Embed code', exact: true })), 'code box in view');
      await report({ laptop_page_height_px: height, laptop_screens: Math.round((height / 768) * 100) / 100 });
      assert.ok(height <= 1536, `laptop page ${height}px tall with developer tools collapsed`);
    },
  },
  {
    name: 'long lines wrap by default; "No wrap" keeps them on one line (phone and laptop)',
    async run({ page, baseUrl }) {
      for (const [label, width, height] of SIZES) {
        await page.setViewportSize({ width, height });
        await openStudio(page, baseUrl);
        await fillIds(page, IDS);
        await page.getByRole('radio', { name: /^IFrame\b/ }).check();
        const box = page.getByRole('textbox', { name: 'Embed code', exact: true });
        await eventually(async () => assert.ok((await codeText(page)).includes('<iframe')));
        const overflow = () => box.evaluate((el) => el.scrollWidth - el.clientWidth);
        assert.ok(await overflow() <= 0, `${label}: wrapped lines fit the box`);
        await page.getByLabel('No wrap').check();
        assert.ok(await overflow() > 0, `${label}: No wrap keeps the iframe on one line`);
        await page.getByLabel('No wrap').uncheck();
        assert.ok(await overflow() <= 0, `${label}: wrapped again`);
      }
    },
  },
  {
    name: 'one code panel: format tabs, and the one Copy button says what it copies',
    async run({ page, baseUrl }) {
      await openStudioWithExtras(page, baseUrl);
      await fillIds(page, IDS);
      const copy = page.locator('.code-panel button.primary:visible');
      assert.deepEqual(await copy.allTextContents(), ['Copy HTML']);
      for (const [tab, label, needle] of [
        ['React', 'Copy React component', 'useEffect'],
        ['Vue', 'Copy Vue component', 'onBeforeUnmount'],
        ['ES module', 'Copy ES module', 'export async function'],
        ['Second player', 'Copy second-player code', 'KalturaPlayer.setup('],
      ]) {
        await page.getByRole('button', { name: tab, exact: true }).click();
        assert.equal(await page.getByRole('button', { name: tab, exact: true }).getAttribute('aria-pressed'), 'true');
        await eventually(async () => assert.deepEqual(await copy.allTextContents(), [label]));
        assert.equal(await page.locator('.code-panel textarea:visible').count(), 1, `${tab}: one code box in view`);
        await copy.click();
        await eventually(async () => assert.ok((await page.evaluate(() => navigator.clipboard.readText())).includes(needle), tab));
      }
      await page.getByRole('button', { name: 'SEO', exact: true }).click();
      await eventually(async () => assert.deepEqual(await copy.allTextContents(), ['Copy SEO block (JSON-LD)']));
      await page.getByRole('button', { name: 'HTML', exact: true }).click();
      await eventually(async () => assert.deepEqual(await copy.allTextContents(), ['Copy HTML']));
      assert.ok(await page.getByRole('textbox', { name: 'Embed code', exact: true }).isVisible());
      assert.equal(await page.locator('.more-code, #more-code').count(), 0, 'no second code box');
    },
  },
  {
    name: 'developer tools are collapsed by default and opened by a settings link that uses them',
    async run({ page, baseUrl }) {
      for (const [label, width, height] of SIZES) {
        await page.setViewportSize({ width, height });
        await openStudioWithExtras(page, baseUrl);
        const tools = page.locator('details.devtools');
        await tools.waitFor({ state: 'attached' });
        assert.equal(await tools.evaluate((d) => d.open), false, `${label}: collapsed`);
        assert.equal(await page.getByRole('button', { name: 'Start session' }).isVisible(), false);
        assert.match(await page.locator('details.devtools > summary').textContent(), /^Developer tools.*session \(KS\)/);
        // A link with embed settings only: still collapsed.
        await page.goto(`${baseUrl}#v=1&pid=2506752&ui=48460943&id=1_demo0001`);
        await page.reload();
        await page.locator('#paste-input').waitFor({ state: 'attached' });
        assert.equal(await tools.evaluate((d) => d.open), false, `${label}: an embed-only link leaves them closed`);
        // A link with session settings: open, with the session's fields in view of a click.
        await page.goto(`${baseUrl}#v=1&pid=2506752&ui=48460943&id=1_demo0001&method=secret&user=demo-user`);
        await page.reload();
        await page.locator('#paste-input').waitFor({ state: 'attached' });
        assert.equal(await tools.evaluate((d) => d.open), true, `${label}: a session link opens them`);
        assert.equal(await page.locator('#user-id').inputValue(), 'demo-user');
        await page.goto(`${baseUrl}#v=1&portal=mediaspace&pinst=2`);
        await page.reload();
        await page.locator('#paste-input').waitFor({ state: 'attached' });
        assert.equal(await tools.evaluate((d) => d.open), true, `${label}: a video-portal link opens them`);
        await page.goto(baseUrl);
      }
      // Nothing about the box is stored.
      assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
    },
  },
  {
    name: 'no sideways scrolling at 390 and 1366 px with hostile or very long values in every field',
    async run({ page, baseUrl }) {
      for (const [label, width, height] of SIZES) {
        await page.setViewportSize({ width, height });
        await openStudioWithExtras(page, baseUrl);
        await openDevTools(page);
        await page.getByText('Paste an embed code or link to fill the form').click();
        // Every choice that reveals a text field: custom host, fixed size, custom ratio, custom service.
        await page.getByRole('radio', { name: 'Custom / on-prem' }).check();
        await page.getByRole('radio', { name: 'Fixed size' }).check();
        await page.getByText('Advanced: element ID').click();
        await page.locator('#service-url-2').check();
        await page.getByRole('tab', { name: 'Secret' }).click();
        await page.getByRole('button', { name: 'SEO', exact: true }).click();
        for (const value of HOSTILE) {
          // Read-only boxes (the code, the derived Sub Partner ID) take no typing: a fill on one
          // waited out the 10 s timeout, eight times a run. Their text still counts in `sideways`.
          const fields = page.locator(':is(input[type=text], input[type=password], input:not([type]), textarea):not([readonly]):visible');
          const count = await fields.count();
          assert.ok(count >= 15, `${label}: only ${count} fields found`);
          for (let i = 0; i < count; i += 1) {
            await fields.nth(i).fill(value).catch(() => {});
          }
          await page.getByRole('button', { name: 'Start session' }).click().catch(() => {});
          await page.waitForTimeout(300);
          const overflow = await sideways(page);
          assert.ok(overflow <= 0, `${label}: page scrolls sideways by ${overflow}px with ${value.slice(0, 40)}…`);
        }
        // The widget-session text with a snippet in Partner ID (echoed "_<div id=…>" before).
        await page.getByRole('tab', { name: 'Widget session' }).click();
        await page.getByLabel('Partner ID', { exact: true }).fill(HOSTILE[0]);
        await page.waitForTimeout(300);
        assert.ok(await sideways(page) <= 0, `${label}: snippet in Partner ID`);
      }
    },
  },
  {
    name: 'no layout shift on load (CLS 0, PerformanceObserver), at 390 and 1366 px',
    async run({ page, context, baseUrl }) {
      await context.addInitScript(() => {
        window.__cls = 0;
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (entry.hadRecentInput) continue;
            window.__cls += entry.value;
            window.__shifts.push({ value: entry.value, sources: (entry.sources || []).map((s) => s.node?.outerHTML?.slice(0, 80)) });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const figures = {};
      for (const [label, width, height] of SIZES) {
        await page.setViewportSize({ width, height });
        await openStudioWithExtras(page, baseUrl);
        await page.locator('details.devtools').waitFor({ state: 'attached' });
        await page.waitForTimeout(1000);
        const { cls, shifts } = await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
        figures[`cls_${label}`] = Math.round(cls * 10000) / 10000;
        assert.equal(cls, 0, `${label}: layout shifts on load ${JSON.stringify(shifts)}`);
      }
      // A slow start: the form's module arrives after the static header's 150 ms wait is over.
      await page.route(/\/app-[0-9a-f]+_bg\.wasm$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 600));
        await route.continue();
      });
      await openStudioWithExtras(page, baseUrl);
      await page.waitForTimeout(1000);
      const slow = await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
      figures.cls_laptop_slow_start = Math.round(slow.cls * 10000) / 10000;
      assert.equal(slow.cls, 0, `slow start: layout shifts ${JSON.stringify(slow.shifts)}`);
      await report(figures);
    },
  },
];
