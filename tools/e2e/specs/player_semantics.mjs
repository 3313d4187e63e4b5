// "Start at" versus "Clip to a segment", run by the published v7 bundle (served by the simulator):
// with Clip the player asks the server for the segment (seekFrom= / clipTo= on its playManifest
// request, which is how the server shortens the media and its duration); with Start at it asks
// for the whole media and starts playing at the time.
import { assert, eventually, expectCodeContains, fillIds, openStudio, playedSeconds } from '../helpers.mjs';

async function setUp(page, baseUrl, simUrl) {
  assert.ok(simUrl, 'SIM_URL is required');
  await fetch(simUrl + '/__sim/reset', { method: 'POST' });
  await openStudio(page, baseUrl);
  await fillIds(page, { partner: '2506752', uiConf: '48460943', entry: '1_demo0001' });
  await page.getByRole('radio', { name: 'Custom / on-prem' }).check();
  await page.locator('#cdn-host').fill(simUrl);
  await page.getByLabel('Autoplay', { exact: true }).check();
  await page.getByLabel('Start muted').check();
}

/** Every media request the player makes, from any frame. */
function mediaRequests(page) {
  const urls = [];
  page.on('request', (request) => {
    if (/playManifest|\.mp4/.test(request.url())) urls.push(request.url());
  });
  return urls;
}

/** Plays media in a player: run alone (see run.mjs). */
export const runAlone = true;

export default [
  {
    name: 'Start at: the whole media is asked for and playback starts at the time',
    async run({ page, baseUrl, simUrl, expectError }) {
      expectError(/Failed to load resource/);
      const requests = mediaRequests(page);
      await setUp(page, baseUrl, simUrl);
      await page.getByLabel('Start at').fill('2');
      // The preview runs the code the deferred module last heard of: leaving the field sends it.
      await page.getByLabel('Start at').blur();
      await expectCodeContains(page, 'startTime: 2');
      await page.getByRole('button', { name: 'Preview' }).click();
      await eventually(async () => assert.ok((await playedSeconds(page)) >= 2, 'plays from 2 s on'), 20000);
      assert.ok(requests.length > 0, 'the player asked for the media');
      assert.ok(requests.every((url) => !/seekFrom=|clipTo=/.test(url)), requests.join('\n'));
    },
  },
  {
    name: 'Clip to a segment: the player asks the server for that segment only',
    async run({ page, baseUrl, simUrl, expectError }) {
      expectError(/Failed to load resource/);
      const requests = mediaRequests(page);
      await setUp(page, baseUrl, simUrl);
      await page.getByLabel('Clip to a segment').check();
      await page.getByLabel('Start at').fill('1');
      await page.getByLabel('Clip to', { exact: true }).fill('3');
      await page.getByLabel('Clip to', { exact: true }).blur();
      await expectCodeContains(page, 'clipTo: 3');
      await page.getByRole('button', { name: 'Preview' }).click();
      await eventually(() => assert.ok(requests.some((url) => /seekFrom=1000/.test(url) && /clipTo=3000/.test(url)), requests.join('\n')), 20000);
    },
  },
];
