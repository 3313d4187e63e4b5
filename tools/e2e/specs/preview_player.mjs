// Live preview with the real Kaltura Player v7 (npm bundle served by the simulator): each v7 embed
// type plays the sample video, a KS-required entry plays with a scoped KS from the Session panel,
// and without one the preview says why instead of spinning.
import { assert, eventually, fillIds, openDevTools, openStudio, playedSeconds } from '../helpers.mjs';

async function setUp(page, baseUrl, simUrl, entry) {
  assert.ok(simUrl, 'SIM_URL is required');
  await fetch(simUrl + '/__sim/reset', { method: 'POST', headers: { 'Content-Type': 'application/json' } });
  await openStudio(page, baseUrl);
  await fillIds(page, { partner: '2506752', uiConf: '48460943', entry });
  await page.getByRole('radio', { name: 'Custom / on-prem' }).check();
  await page.locator('#cdn-host').fill(simUrl);
  await page.getByLabel('Autoplay', { exact: true }).check();
  await page.getByLabel('Start muted').check();
}

async function expectPlays(page) {
  await eventually(async () => assert.ok((await playedSeconds(page)) > 0, 'the sample video plays'), 20000);
}

const previewStatus = (page) => page.locator('.preview-status');

const tests = ['Dynamic', 'Auto', 'IFrame', 'Thumbnail'].map((type) => ({
  name: `${type} embed plays the sample video in the preview`,
  async run({ page, baseUrl, simUrl, expectError }) {
    // The player asks for things the simulator does not have (e.g. analytics); not this test's business.
    expectError(/Failed to load resource/);
    await setUp(page, baseUrl, simUrl, '1_demo0001');
    await page.getByRole('radio', { name: new RegExp(`^${type}\\b`) }).check();
    await page.getByRole('button', { name: 'Preview' }).click();
    if (type === 'Thumbnail') {
      // The poster's status comes as the Play button appears: the frame must not move under a
      // press then (the status once sat above it and wrapped onto a new line).
      const frameTop = () => page.locator('.preview-frame').evaluate((f) => f.getBoundingClientRect().top + scrollY);
      const before = await frameTop();
      await eventually(async () => assert.match(await previewStatus(page).textContent(), /press play/), 10000);
      assert.equal(await frameTop(), before, 'the preview frame moved as its status changed');
      const frame = page.frameLocator('iframe[title="Player preview"]');
      await frame.getByRole('button', { name: /Play/ }).click();
    }
    await expectPlays(page);
    if (type !== 'IFrame') {
      await eventually(async () => assert.match(await previewStatus(page).textContent(), /playing/), 10000);
    }
    if (type === 'Dynamic') {
      // What the snippet's comment promises: other scripts reach this player by its element id.
      const frame = page.frames().find((f) => f.url().includes('preview.html'));
      const found = await frame.evaluate(() => {
        const player = KalturaPlayer.getPlayer('kaltura_player_1_demo0001');
        return player !== null && player.currentTime > 0;
      });
      assert.ok(found, 'KalturaPlayer.getPlayer(id) did not return the playing player');
    }
  },
}));

tests.push({
  name: 'a preview frame whose own script does not load says so instead of "Starting" for ever',
  async run({ page, baseUrl, simUrl, expectError }) {
    expectError(/Failed to load resource|ERR_FAILED|preview\.js/);
    await page.route('**/preview.js', (route) => route.abort());
    await page.clock.install();
    await setUp(page, baseUrl, simUrl, '1_demo0001');
    await page.getByRole('button', { name: 'Preview' }).click();
    // The page's 10 s wait for the frame (set up with this status), run at once.
    await eventually(async () => assert.match(await previewStatus(page).textContent(), /Starting the preview/));
    await page.clock.runFor(10_000);
    await eventually(async () => assert.match(await previewStatus(page).textContent(), /did not start within 10 seconds/), 5000);
  },
});

tests.push({
  name: 'a KS-required entry: explained without a KS; with an sview KS opted in, every v7 type plays',
  async run({ page, baseUrl, simUrl, expectError }) {
    expectError(/Failed to load resource|SESSION_RESTRICTED|restricted|Error/i);
    await setUp(page, baseUrl, simUrl, '1_demo0003');
    await page.getByRole('button', { name: 'Preview' }).click();
    await eventually(async () => assert.match(await previewStatus(page).textContent(), /requires a KS/), 20000);
    await openDevTools(page);
    await page.locator('#service-url-2').check();
    await page.locator('#custom-service-url').fill(simUrl);
    await page.getByRole('tab', { name: 'Secret' }).click();
    await page.locator('#secret').fill('FAKE-demo-user-secret-0001');
    await page.getByLabel('Limit to this entry (sview)').check();
    await page.getByRole('button', { name: 'Start session' }).click();
    await eventually(async () => assert.match(await page.locator('.session-status').textContent(), /OK/), 8000);
    await page.getByLabel('Include KS in embed code').check();
    // Every v7 embed type carries the KS its own way (provider.ks, or ks= in the URL).
    for (const type of ['Dynamic', 'Auto', 'IFrame', 'Thumbnail']) {
      await page.getByRole('radio', { name: new RegExp(`^${type}\\b`) }).check();
      await page.getByRole('button', { name: 'Reload preview' }).click();
      if (type === 'Thumbnail') {
        await page.frameLocator('iframe[title="Player preview"]').getByRole('button', { name: /Play/ }).click();
      }
      await expectPlays(page);
    }
  },
});

tests.push({
  name: 'with Autoplay off the preview says the player waits for play; a thumbnail embed says so before the click',
  async run({ page, baseUrl, simUrl, expectError }) {
    expectError(/Failed to load resource/);
    // Time flows as usual until the frame's 20 s limit is run past below.
    await page.clock.install();
    await setUp(page, baseUrl, simUrl, '1_demo0001');
    await page.getByLabel('Autoplay', { exact: true }).uncheck();
    await page.getByRole('button', { name: 'Preview' }).click();
    await eventually(async () => assert.match(await previewStatus(page).textContent(), /waits for a press on play/), 20000);
    await page.getByRole('radio', { name: /^Thumbnail\b/ }).check();
    await page.getByRole('button', { name: 'Reload preview' }).click();
    await eventually(async () => assert.match(await previewStatus(page).textContent(), /thumbnail: press play/), 20000);
    // Still waiting, not "did not start", once the 20 s a failed load gets have passed: the
    // frame's 250 ms poll runs every tick of those 21 s at once, then gets a second to report.
    await page.clock.runFor(21000);
    await page.waitForTimeout(1000);
    assert.match(await previewStatus(page).textContent(), /thumbnail: press play/);
  },
});

tests.push({
  name: 'the preview frame takes the size the page will give the player (9:16, fixed)',
  async run({ page, baseUrl, simUrl, expectError }) {
    expectError(/Failed to load resource/);
    await setUp(page, baseUrl, simUrl, '1_demo0001');
    const frameBox = async () => (await page.locator('iframe[title="Player preview"]').boundingBox());
    await page.getByRole('radio', { name: '9:16' }).check();
    await page.getByRole('button', { name: 'Preview' }).click();
    await eventually(async () => {
      const box = await frameBox();
      assert.ok(box && box.height > box.width * 1.6, `a tall frame for 9:16: ${JSON.stringify(box)}`);
    });
    await page.getByRole('radio', { name: 'Fixed size' }).check();
    await page.getByLabel('Width', { exact: true }).fill('320');
    await page.getByLabel('Height', { exact: true }).fill('180');
    await page.getByRole('button', { name: 'Reload preview' }).click();
    await eventually(async () => {
      const box = await frameBox();
      assert.ok(box && Math.abs(box.width - 320) <= 2 && Math.abs(box.height - 180) <= 2, JSON.stringify(box));
    });
  },
});

tests.push({
  name: 'an unknown entry: the player\'s failure is said within seconds (dynamic, auto, thumbnail); the iframe embed says what it cannot know',
  async run({ page, baseUrl, simUrl, expectError }) {
    // Player v7 itself stumbles on api_v3's answer (it reads `status` of the empty entry list).
    expectError(/Failed to load resource|Cannot read properties of undefined/);
    await setUp(page, baseUrl, simUrl, '1_nosuch99');
    let button = 'Preview';
    for (const type of ['Dynamic', 'Auto', 'Thumbnail']) {
      await page.getByRole('radio', { name: new RegExp(`^${type}\\b`) }).check();
      await page.getByRole('button', { name: button, exact: true }).click();
      button = 'Reload preview';
      if (type === 'Thumbnail') {
        await page.frameLocator('iframe[title="Player preview"]').getByRole('button', { name: /Play/ }).click();
      }
      // Well before the 20 s after which the preview gives up waiting.
      await eventually(async () => {
        const said = await previewStatus(page).textContent();
        assert.match(said, /ENTRY_ID_NOT_FOUND/, `${type}: ${said}`);
        assert.match(said, /check the Entry ID/, `${type}: ${said}`);
      }, 6000);
    }
    // Its player page is on the player host's origin and tells this page nothing: said so, not guessed.
    await page.getByRole('radio', { name: /^IFrame\b/ }).check();
    await page.getByRole('button', { name: button, exact: true }).click();
    await eventually(async () => assert.match(await previewStatus(page).textContent(), /cannot tell whether it plays or fails/), 3000);
  },
});

/** Plays media in a player: run alone (see run.mjs). */
export const runAlone = true;

export default tests;
