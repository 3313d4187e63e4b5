// How the form behaves as people fill it, on a phone and on a laptop: real defaults and hints that
// cannot pass for values, field errors once a field is left (not while typing), a link or embed code
// in an ID field filled from at one click, numbers written with commas, a paste that fills at once,
// and a preview that runs the code as it is at the press and stops the player's spinner on failure.
import {
  assert, atBothSizes, codeText, eventually, expectCodeContains, fillIds, openStudio, openStudioWithExtras,
} from '../helpers.mjs';

const IDS = { partner: '2506752', uiConf: '48460943', entry: '1_abcd1234' };
const V7_SNIPPET = `<div id="kaltura_player_1" style="width: 560px;height: 395px"></div>
<script type="text/javascript" src="https://cdnapisec.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943"></script>
<script type="text/javascript">
try {
  var kalturaPlayer = KalturaPlayer.setup({
    targetId: "kaltura_player_1",
    provider: { partnerId: 2506752, uiConfId: 48460943 }
  });
  kalturaPlayer.loadMedia({entryId: '1_abcd1234'});
} catch (e) { console.error(e.message) }
</script>`;

const partnerField = (page) => page.getByLabel('Partner ID', { exact: true });

const tests = [
  ...atBothSizes('Copy before the form is complete says so, shows every field\'s message and focuses the first', async ({ page, baseUrl }) => {
    await openStudioWithExtras(page, baseUrl);
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    await partnerField(page).fill('2506752');
    // Nothing is flagged before Copy: the other ID fields were never left.
    assert.equal(await page.locator('.field-error').count(), 0);
    const copy = page.getByRole('button', { name: 'Copy HTML' });
    assert.ok(await copy.isEnabled(), 'Copy is not disabled while the form is incomplete');
    await copy.click();
    await eventually(async () => assert.match(await page.locator('.code-panel [role="status"]').first().textContent(), /Not copied: the form is not complete/));
    for (const id of ['uiconf-id', 'content-id']) {
      assert.equal(await page.locator(`#${id}`).getAttribute('aria-invalid'), 'true', id);
      assert.ok(await page.locator(`#${id}-msg`).isVisible(), `${id} shows its message`);
    }
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'before', 'nothing was copied');
    // The focus is where the fix is: the first field in error, in view.
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement.id), 'uiconf-id'));
    assert.ok(await page.locator('#uiconf-id').evaluate((e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }), 'the focused field is in view');
    // Once the form is complete, Copy copies.
    await page.getByLabel('Player ID (uiConf ID)', { exact: true }).fill('48460943');
    await page.getByLabel('Entry ID', { exact: true }).fill('1_abcd1234');
    await copy.click();
    await eventually(async () => assert.match(await page.evaluate(() => navigator.clipboard.readText()), /uiconf_id\/48460943/));
  }),
  ...atBothSizes('a fixed size starts at 640×360 and the hints say "e.g."', async ({ page, baseUrl }) => {
    await openStudio(page, baseUrl);
    await fillIds(page, IDS);
    await page.getByRole('radio', { name: 'Fixed size' }).check();
    assert.equal(await page.getByLabel('Width', { exact: true }).inputValue(), '640');
    assert.equal(await page.getByLabel('Height', { exact: true }).inputValue(), '360');
    await expectCodeContains(page, '640');
    const code = await codeText(page);
    assert.ok(!/Still needed/.test(code), `a fixed size needs nothing more:\n${code}`);
    assert.match(code, /360/);
    // Every hint inside a box is marked as an example (Clip to shows once a segment is asked for).
    await page.getByLabel('Clip to a segment').check();
    for (const id of ['content-id', 'start-at', 'clip-to']) {
      const hint = await page.locator(`#${id}`).getAttribute('placeholder');
      assert.match(hint, /^e\.g\. /, `#${id} placeholder ${hint}`);
    }
    // Back to responsive and to 4:3: the next fixed size keeps what it had.
    await page.getByRole('radio', { name: 'Responsive' }).check();
    await page.getByRole('radio', { name: 'Fixed size' }).check();
    assert.equal(await page.getByLabel('Height', { exact: true }).inputValue(), '360');
  }),
  ...atBothSizes('field errors wait until the field is left; a custom host is not wrong before typing', async ({ page, baseUrl }) => {
    await openStudio(page, baseUrl);
    await page.getByRole('radio', { name: 'Custom / on-prem' }).check();
    const host = page.locator('#cdn-host');
    await host.waitFor();
    assert.notEqual(await host.getAttribute('aria-invalid'), 'true', 'no error before anything is typed');
    assert.equal(await page.locator('#cdn-host-msg').count(), 0);
    // Half typed: no error yet; the code box still says what is to fix.
    await partnerField(page).fill('12a');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#partner-id-msg').count(), 0, 'an error while still typing');
    assert.match(await codeText(page), /Partner ID is a number/);
    await partnerField(page).press('Tab');
    await eventually(async () => {
      assert.match(await page.locator('#partner-id-msg').textContent(), /Partner ID is a number/);
      assert.equal(await partnerField(page).getAttribute('aria-invalid'), 'true');
    });
    // Once left, the message follows the typing.
    await partnerField(page).fill('2506752');
    await eventually(async () => assert.equal(await page.locator('#partner-id-msg').count(), 0));
  }),
  ...atBothSizes('an embed code typed into Partner ID: "Fill from this" fills the form', async ({ page, baseUrl }) => {
    await openStudioWithExtras(page, baseUrl);
    await partnerField(page).fill(V7_SNIPPET);
    // No need to leave the field: no typing turns a snippet into an ID. The button is in the
    // field's own error line.
    const fill = page.locator('#partner-id-msg').getByRole('button', { name: 'Fill from this' });
    await eventually(async () => assert.match(await page.locator('#partner-id-msg').textContent(), /link or embed code/));
    await fill.click();
    await eventually(async () => {
      assert.equal(await partnerField(page).inputValue(), '2506752');
      assert.equal(await page.getByLabel('Player ID (uiConf ID)', { exact: true }).inputValue(), '48460943');
      assert.equal(await page.getByLabel('Entry ID', { exact: true }).inputValue(), '1_abcd1234');
    });
    await expectCodeContains(page, 'embedPlaykitJs/uiconf_id/48460943');
    assert.equal(await page.locator('#partner-id-msg').count(), 0);
    // A player URL in the uiConf field: its IDs, the entry typed before stays.
    await page.getByLabel('Player ID (uiConf ID)', { exact: true }).fill('https://cdnapisec.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/11111111');
    await page.locator('#uiconf-id-msg').getByRole('button', { name: 'Fill from this' }).click();
    await eventually(async () => assert.equal(await page.getByLabel('Player ID (uiConf ID)', { exact: true }).inputValue(), '11111111'));
    assert.equal(await page.getByLabel('Entry ID', { exact: true }).inputValue(), '1_abcd1234');
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  }),
  ...atBothSizes('numbers written with commas or spaces are read as the number', async ({ page, baseUrl }) => {
    await openStudio(page, baseUrl);
    await fillIds(page, { ...IDS, partner: '2,506,752', uiConf: '48 460 943' });
    await expectCodeContains(page, '/p/2506752/embedPlaykitJs/uiconf_id/48460943');
    assert.notEqual(await partnerField(page).getAttribute('aria-invalid'), 'true');
    // A decimal is still an error, named as one.
    await partnerField(page).fill('12,5');
    await partnerField(page).press('Tab');
    await eventually(async () => assert.match(await page.locator('#partner-id-msg').textContent(), /whole number/));
  }),
  ...atBothSizes('a paste into the paste helper fills the form at once', async ({ page, baseUrl }) => {
    await openStudioWithExtras(page, baseUrl);
    await page.locator('details.paste summary').click();
    await page.evaluate((text) => navigator.clipboard.writeText(text), V7_SNIPPET);
    await page.locator('#paste-input').focus();
    await page.keyboard.press('ControlOrMeta+V');
    await eventually(async () => {
      assert.equal(await partnerField(page).inputValue(), '2506752');
      assert.equal(await page.getByLabel('Entry ID', { exact: true }).inputValue(), '1_abcd1234');
      assert.match(await page.locator('.paste-report').textContent(), /Filled: Partner ID/);
    });
    await expectCodeContains(page, 'uiconf_id/48460943');
  }),
];

/** The preview against the simulator's player. */
async function simForm(page, baseUrl, simUrl, entry) {
  assert.ok(simUrl, 'SIM_URL is required');
  await fetch(simUrl + '/__sim/reset', { method: 'POST' });
  await openStudioWithExtras(page, baseUrl);
  await fillIds(page, { partner: '2506752', uiConf: '48460943', entry });
  await page.getByRole('radio', { name: 'Custom / on-prem' }).check();
  await page.locator('#cdn-host').fill(simUrl);
}

/** The HTML the preview frame runs. */
async function previewHtml(page) {
  const frame = page.frames().find((f) => f.url().includes('preview.html'));
  return frame ? frame.evaluate(() => document.documentElement.outerHTML) : '';
}

tests.push(...atBothSizes('Reload right after an edit previews the code as it is at the press', async ({ page, baseUrl, simUrl, expectError }) => {
  expectError(/Failed to load resource/);
  await simForm(page, baseUrl, simUrl, '1_demo0001');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await eventually(async () => assert.match(await previewHtml(page), /1_demo0001/), 10000);
  // Typed and pressed at once: well within the quiet spell before the form reaches the preview.
  await page.locator('#start-at').fill('7');
  await page.getByRole('button', { name: 'Reload preview' }).click();
  await eventually(async () => assert.match(await previewHtml(page), /startTime\W+7\b/), 10000);
  await eventually(async () => assert.equal(await page.getByText('The code changed since this preview').count(), 0));
}));

tests.push(...atBothSizes('an unknown entry: the player\'s own spinner stops with the failure message', async ({ page, baseUrl, simUrl, expectError }) => {
  expectError(/Failed to load resource|Cannot read properties of undefined/);
  await simForm(page, baseUrl, simUrl, '1_nosuch99');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await eventually(async () => assert.match(await page.locator('.preview-status').textContent(), /ENTRY_ID_NOT_FOUND/), 10000);
  const frame = page.frames().find((f) => f.url().includes('preview.html'));
  await eventually(async () => {
    const spinning = await frame.evaluate(() => [...document.querySelectorAll('.playkit-spinner, .playkit-loading-backdrop')]
      .filter((el) => getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0).length);
    assert.equal(spinning, 0, 'a spinner still shows');
  });
}));

export default tests;

const idCheck = (page) => page.locator('.id-check');
/** The few words the check puts on the line of the field it is about. */
const markAt = (page, input) => page.locator(`.field:has(> #${input}) > .id-mark`);

tests.push(...atBothSizes('valid IDs are checked with Kaltura without a secret; a v2 player picked as v7 is named before Copy', async ({ page, baseUrl, simUrl }) => {
  await simForm(page, baseUrl, simUrl, '1_demo0001');
  await eventually(async () => assert.match(await idCheck(page).textContent(), /Checked with Kaltura/), 8000);
  // The demo partner's v2 (legacy) player, with Player v7 picked.
  await page.getByLabel('Player ID (uiConf ID)', { exact: true }).fill('48460944');
  await eventually(async () => assert.match(await idCheck(page).textContent(), /v2 \(legacy\) player/), 8000);
  assert.equal(await idCheck(page).getAttribute('data-tone'), 'warn');
  // Beside the field it is about too, on its label's line: nothing below moves.
  assert.equal(await markAt(page, 'uiconf-id').textContent(), '⚠ A v2 player');
  assert.equal(await markAt(page, 'content-id').count(), 0);
  const label = await page.locator('label[for="uiconf-id"]').boundingBox();
  const mark = await markAt(page, 'uiconf-id').boundingBox();
  assert.ok(Math.abs(mark.y - label.y) < label.height, `the mark is on the label's line: ${JSON.stringify({ label, mark })}`);
  await page.getByRole('radio', { name: /Player v2/ }).check();
  await eventually(async () => assert.match(await idCheck(page).textContent(), /Checked with Kaltura/), 8000);
  await eventually(async () => assert.equal(await markAt(page, 'content-id').textContent(), '✓ Checked with Kaltura'));
  await page.getByLabel('Entry ID', { exact: true }).fill('1_nosuch99');
  await eventually(async () => assert.match(await idCheck(page).textContent(), /does not show this entry/), 8000);
  assert.equal(await markAt(page, 'content-id').textContent(), '⚠ Not found');
  // While the form is not valid there is nothing to say.
  await page.getByLabel('Entry ID', { exact: true }).fill('1_nosu');
  await eventually(async () => assert.equal((await idCheck(page).textContent()).trim(), ''));
  assert.equal(await page.locator('.id-mark').count(), 0);
}));

tests.push(...atBothSizes('an answer about IDs that changed meanwhile never replaces the newer one', async ({ page, baseUrl, simUrl }) => {
  await simForm(page, baseUrl, simUrl, '1_demo0001');
  // The first check's answer is held back until the IDs have changed and been checked again.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let first = true;
  await page.route('**/api_v3/service/multirequest*', async (route) => {
    if (first) { first = false; await held; }
    // The page may have given up on it meanwhile (it aborts a check whose IDs changed).
    await route.continue().catch(() => {});
  });
  await eventually(async () => assert.match(await idCheck(page).textContent(), /Checking the IDs/), 8000);
  await page.getByLabel('Player ID (uiConf ID)', { exact: true }).fill('48460944');
  await eventually(async () => assert.match(await idCheck(page).textContent(), /v2 \(legacy\) player/), 8000);
  release();
  await page.waitForTimeout(1000);
  assert.match(await idCheck(page).textContent(), /v2 \(legacy\) player/);
}));
