// "Check embed code": a page full of known problems gets each one named, with its fix; a player
// loads into the form; bad input gets a clear message. Nothing is sent anywhere (no request made).
import { assert, eventually, openStudioWithExtras } from '../helpers.mjs';

const LIB = '<script src="https://cdnapisec.kaltura.com/p/123/embedPlaykitJs/uiconf_id/456"></script>';
const setup = (config, media = 'entryId: "1_abcd1234"') =>
  `<script>\n  const player = KalturaPlayer.setup({ ${config} });\n  player.loadMedia({ ${media} });\n</script>`;
const v2 = (flashvars, rest = '') =>
  `<script src="https://cdnapisec.kaltura.com/p/123/sp/999/embedIframeJs/uiconf_id/789/partner_id/123"></script>\n` +
  `<script>kWidget.embed({ targetId: "v2", wid: "_123", uiconf_id: 789, flashvars: { ${flashvars} }${rest} });</script>`;

// One problem per block, and the words that name it in the report.
const PROBLEMS = [
  ['<div id="p1"></div><script src="http://cdnapisec.kaltura.com/p/123/embedPlaykitJs/uiconf_id/456?autoembed=true&targetId=p1&entry_id=1_abcd1234"></script>', /is plain http/],
  ['<div id="p2"></div><script src="https://cdnapi.kaltura.com/p/123/embedPlaykitJs/uiconf_id/456?autoembed=true&targetId=p2&entry_id=1_abcd1234&flashvars[autoPlay]=true"></script>', /certificate does not match/],
  ['', /flashvars\[\.\.\.\] are v2 options/],
  ['<iframe src="https://cdnapisec.kaltura.com/p/123/embedPlaykitJs/uiconf_id/456?iframeembed=true&entry_id=1_abcd1234&ks=djJ8MTIzfGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6"></iframe>', /KS travels in a URL/],
  ['', /does not allow autoplay, fullscreen, encrypted-media/],
  ['', /Without allowfullscreen/],
  [`<div id="p3"></div>${setup('targetId: "p3", provider: { partnerId: 123, uiConfId: 456 }')}`, /KalturaPlayer is undefined here: an IFrame embed/],
  [`${LIB}\n<div id="p4"></div>${setup('targetId: "p4", provider: { partnerId: 123, uiConfId: 999 }')}`, /setup\(\) names uiConf 999/],
  [`${LIB}`, /was already loaded on line/],
  [setup('targetId: "p4", provider: { partnerId: 124, uiConfId: 456 }', 'entryId: "1_abc"'), /already renders into #p4/],
  ['', /path is for partner 123 but the code names partner 124/],
  ['', /"1_abc" is not an entry ID/],
  [setup('targetId: "nowhere", provider: { partnerId: 123, uiConfId: 456 }'), /No element with id="nowhere"/],
  [`<div id="p5"></div><script>__thumbnailEmbed({ config: { targetId: "p5", provider: { partnerId: 123, uiConfId: 456 } }, mediaInfo: { playlistId: "0_plst5678" } });</script>`, /poster from an entry ID and a playlist has none/],
  [LIB.replace('456', '457'), /loads uiConf 457's player after uiConf 456's/],
  [`<div id="v2"></div>${v2('"playlistAPI.kpl0Id": "0_plst5678", "playlistAPI.loop": true, "mediaProxy.mediaPlayTo": 90')}`, /the playlist stops after one clip/],
  ['', /\/sp\/999\/, but the Sub Partner ID is always the Partner ID × 100/],
  ['', /start and stop v2 inside the whole timeline/],
  ['', /legacy v2 player/],
];

export default [
  {
    name: 'a pasted page: every problem is named with its fix, and a player loads into the form',
    async run({ page, baseUrl }) {
      const sent = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(baseUrl)) sent.push(request.url());
      });
      await openStudioWithExtras(page, baseUrl);
      await page.locator('details.doctor-panel > summary').click();
      const html = PROBLEMS.map(([code]) => code).filter(Boolean).join('\n');
      await page.locator('#doctor-input').fill(html);
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      const report = page.locator('.doctor-report');
      await eventually(async () => assert.match(await report.textContent(), /players? found/));
      const text = await report.textContent();
      for (const [, named] of PROBLEMS) assert.match(text, named);
      assert.match(text, /Fix: Load the player from https:\/\/cdnapisec\.kaltura\.com\./);
      assert.equal(sent.length, 0, `nothing pasted is sent: ${sent.join(', ')}`);
      // The thumbnail of a playlist comes back as a Dynamic embed of it.
      const thumbnail = page.locator('.doctor-player', { hasText: 'v7 Thumbnail embed' });
      await thumbnail.getByRole('button', { name: 'Load into the form' }).click();
      await eventually(async () => assert.equal(await page.getByLabel('Playlist ID').inputValue(), '0_plst5678'));
      assert.equal(await page.getByLabel('Partner ID', { exact: true }).inputValue(), '123');
      assert.ok(await page.getByRole('radio', { name: /^Dynamic\b/ }).isChecked());
    },
  },
  {
    name: 'bad input: text without a player, and more than 2 MB, get a clear message',
    async run({ page, baseUrl }) {
      await openStudioWithExtras(page, baseUrl);
      await page.locator('details.doctor-panel > summary').click();
      const report = page.locator('.doctor-report');
      await page.locator('#doctor-input').fill('<p>No player here.</p>');
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await eventually(async () => assert.match(await report.textContent(), /No Kaltura player found/));
      await page.locator('#doctor-input').evaluate((el) => {
        el.value = 'x'.repeat(3_000_000);
        el.dispatchEvent(new InputEvent('input', { bubbles: true }));
      });
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await eventually(async () => assert.match(await report.textContent(), /checks up to 2 MB/), 10000);
      // 3 MB in a textarea makes the runner's closing screenshot time out: empty it first.
      await page.locator('#doctor-input').fill('');
    },
  },
];
