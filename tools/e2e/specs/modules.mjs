// The page's two wasm modules: the form and its code work on their own; the deferred module
// mounts beside them, and if it cannot load the page says so instead of leaving a gap.
import { assert, codeText, eventually, fillIds, openDevTools, openStudio, openStudioWithExtras } from '../helpers.mjs';

const IDS = { partner: '2506752', uiConf: '48460943', entry: '1_demo0001' };

/** The studio with both modules and the IDs sent to the second one; its session heading, on screen, to press. */
async function pressablePage(page, baseUrl) {
  await openStudioWithExtras(page, baseUrl);
  await openDevTools(page);
  await fillIds(page, IDS);
  await eventually(async () => assert.match(await page.locator('.session-panel').textContent(), /_2506752/));
  const heading = page.locator('.session-panel h2').first();
  await heading.scrollIntoViewIfNeeded();
  return heading;
}

export default [
  {
    name: 'the form gives code before the second module arrives, which then mounts beside it',
    async run({ page, baseUrl }) {
      // Hold the second module back until the form has produced a snippet.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route('**/extras_bg.wasm', async (route) => { await held; await route.continue(); });
      await openStudio(page, baseUrl);
      await fillIds(page, IDS);
      await eventually(async () => assert.match(await codeText(page), /2506752/));
      assert.equal(await page.locator('#extras-root > :not(.extras-failed-note)').count(), 0, 'second module not mounted yet');
      const formTop = (await page.locator('#partner-id').boundingBox()).y;
      release();
      await page.locator('details.devtools').waitFor();
      // The paste helper replaced index.html's stand-in above the form without moving it.
      await page.locator('#paste-root details summary').waitFor();
      assert.equal((await page.locator('#partner-id').boundingBox()).y, formTop, 'form moved when the paste helper arrived');
      // Its stylesheet (extras.css) was in place before it mounted: no unstyled panels.
      assert.equal(await page.locator('.tabs').evaluate((el) => getComputedStyle(el).display), 'flex');
      // The deferred panels see the form as typed before they loaded.
      await eventually(async () => assert.match(await page.locator('.session-panel').textContent(), /_2506752/));
    },
  },
  {
    name: 'a field message appearing in the form does not move the other column under a click',
    async run({ page, baseUrl }) {
      await page.setViewportSize({ width: 1366, height: 768 });
      await openStudioWithExtras(page, baseUrl);
      await openDevTools(page);
      await fillIds(page, IDS);
      // Scrolled down to the session panel with the Entry ID field emptied: leaving the field adds
      // its message to the form column; the page must not scroll between mousedown and mouseup.
      await page.getByLabel('Entry ID').fill('');
      const custom = page.locator('#service-url-2');
      await custom.scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, 120));
      await custom.click();
      assert.ok(await custom.isChecked(), 'the click on Custom was lost');
      assert.match(await page.locator('#content-id-msg').textContent(), /Entry ID/);
    },
  },
  {
    name: 'a first module that cannot load: where the form would be, the page says it has not started',
    async run({ page, baseUrl, expectError }) {
      let tried = 0;
      await page.route(/\/app-[0-9a-f]+_bg\.wasm$/, async (route) => {
        tried += 1;
        await route.abort();
      });
      expectError(/Failed to load resource|Failed to fetch|net::ERR_FAILED|WebAssembly/);
      await page.goto(baseUrl);
      await eventually(async () => assert.ok(tried >= 1, 'the wasm was asked for'));
      await page.waitForTimeout(1500);
      assert.equal(await page.locator('#partner-id').count(), 0, 'a form without its module');
      // 8 s into the load, instead of a gap.
      const late = page.getByText('The form has not started yet');
      assert.equal(await late.isVisible(), false, 'said too early');
      await eventually(async () => assert.ok(await late.isVisible(), 'never said the form did not start'), 10_000);
    },
  },
  {
    name: 'a late first module: the static header shows while it loads, and the form then comes under it',
    async run({ page, baseUrl }) {
      // Hold the form's module back: the page must not stay blank (style.css, `data-static`).
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route(/\/app-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
      await page.goto(baseUrl);
      const heading = page.getByRole('heading', { name: 'Kaltura Embed Studio' });
      await eventually(async () => assert.ok(await heading.isVisible(), 'header drawn while the module is late'));
      // Its column waits as the header does (style.css `kes-wait`): the two appear within a frame.
      const standIn = page.getByText('Paste an embed code or link to fill the form');
      await eventually(async () => assert.ok(await standIn.isVisible(), 'paste stand-in drawn while the module is late'), 1000);
      assert.equal(await page.locator('#partner-id').count(), 0, 'form not there yet');
      const headerBottom = (await heading.boundingBox()).y;
      release();
      await fillIds(page, IDS);
      await eventually(async () => assert.match(await codeText(page), /2506752/));
      // Nothing moved: the header is where it was, above the form.
      assert.equal((await heading.boundingBox()).y, headerBottom);
      assert.ok((await page.locator('#partner-id').boundingBox()).y > headerBottom);
    },
  },
  {
    name: 'on a quick load the header is hidden only until the form module runs',
    async run({ page, baseUrl }) {
      await openStudio(page, baseUrl);
      // `main` ends the wait as it renders: the header's delay (an animation) no longer applies,
      // so it appears with the form rather than up to 150 ms later.
      const waiting = await page.evaluate(() => ['.page-header', '#paste-root .paste']
        .map((s) => getComputedStyle(document.querySelector(s)).animationName));
      assert.deepEqual(waiting, ['none', 'none']);
      assert.ok(await page.getByRole('heading', { name: 'Kaltura Embed Studio' }).isVisible());
    },
  },
  {
    name: 'a choice in the form reaches the second module at once, not at the next click',
    async run({ page, baseUrl }) {
      await openStudioWithExtras(page, baseUrl);
      await fillIds(page, IDS);
      await eventually(async () => assert.match(await page.locator('.session-panel').textContent(), /_2506752/));
      // Typing is sent once it pauses (150 ms); a radio button or checkbox at once. Otherwise the
      // panels below re-render when focus leaves the form, i.e. on the next mousedown, and the
      // click that follows can land on whatever moved under the pointer. Timers fire in deadline
      // order, so "before a 100 ms timer" holds however slow the machine is.
      const first = await page.evaluate(() => new Promise((resolve) => {
        addEventListener('kes-embed', () => resolve('sent'), { once: true });
        document.getElementById('size-mode-1').click();
        setTimeout(() => resolve('not yet'), 100);
      }));
      assert.equal(first, 'sent');
    },
  },
  {
    name: 'the second module does not change under a press: the form waits for the mouseup',
    async run({ page, baseUrl }) {
      const heading = await pressablePage(page, baseUrl);
      await page.evaluate(() => {
        window.__embedSends = [];
        addEventListener('kes-embed', (event) => window.__embedSends.push(event.detail));
      });
      // Type, then press within the quiet spell: the mousedown takes the focus out of the field
      // (which would send at once) and the quiet spell ends while the button is still down.
      await page.getByLabel('Entry ID', { exact: true }).fill('1_held0002');
      const box = await heading.boundingBox();
      await page.mouse.move(box.x + 4, box.y + box.height / 2);
      await page.mouse.down();
      assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'content-id', 'focus left the field');
      await page.waitForTimeout(400);
      assert.deepEqual(await page.evaluate(() => window.__embedSends), [], 'nothing re-rendered mid-press');
      await page.mouse.up();
      await eventually(async () => {
        const sends = await page.evaluate(() => window.__embedSends);
        assert.equal(sends.length, 1);
        assert.match(sends[0], /1_held0002/);
      });
    },
  },
  {
    name: 'a press whose end the page never sees (the window lost focus) does not hold the form back',
    async run({ page, baseUrl }) {
      const heading = await pressablePage(page, baseUrl);
      await page.getByRole('button', { name: 'React', exact: true }).click();
      await page.getByLabel('Entry ID', { exact: true }).fill('1_lost0003');
      const box = await heading.boundingBox();
      await page.mouse.move(box.x + 4, box.y + box.height / 2);
      await page.mouse.down();
      // Switching to another window mid-press: the page gets `blur` and never the pointerup.
      await page.evaluate(() => dispatchEvent(new FocusEvent('blur')));
      await eventually(async () => assert.match(await page.locator('#more-code').inputValue(), /1_lost0003/));
      await page.mouse.up();
    },
  },
  {
    name: 'a second module that cannot load is reported; the code still works',
    async run({ page, baseUrl, expectError }) {
      expectError(/Failed to load resource/);
      await page.route('**/extras_bg.wasm', (route) => route.abort());
      await openStudio(page, baseUrl);
      await eventually(async () => assert.match(
        await page.getByRole('alert').filter({ hasText: 'did not load' }).textContent(),
        /reload the page/,
      ));
      // The paste helper's stand-in above the form says so too.
      assert.match(await page.locator('#paste-root .field-hint').textContent(), /did not load/);
      assert.ok(await page.locator('#paste-root .field-hint').isVisible());
      await fillIds(page, IDS);
      await eventually(async () => assert.match(await codeText(page), /2506752/));
    },
  },
];
