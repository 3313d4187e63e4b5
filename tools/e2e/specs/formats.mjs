// Code beside the HTML embed (React, Vue, ES module, second player), SEO metadata, paste-to-fill.
import { assert, codeText, eventually, fillIds, openStudio, openStudioWithExtras } from '../helpers.mjs';

/** The framework / SEO panel's code box. */
const moreCode = (page) => page.locator('#more-code').inputValue();

const IDS = { partner: '2506752', uiConf: '48460943', entry: '1_demo0001' };

export default [
  {
    name: 'React, Vue, ES module and second-player code for the same player',
    async run({ page, baseUrl }) {
      await openStudio(page, baseUrl);
      await fillIds(page, IDS);
      const expectations = {
        React: ['useEffect', 'player?.destroy()', 'useId()', 'ssr: false'],
        Vue: ['onBeforeUnmount', 'player?.destroy()', '<ClientOnly>'],
        'ES module': ['export async function embedKaltura', 'destroy: () => player.destroy()'],
        'Second player': ['KalturaPlayer.setup(', 'already loads'],
      };
      for (const [format, needles] of Object.entries(expectations)) {
        await page.getByRole('button', { name: format, exact: true }).click();
        await eventually(async () => {
          const code = await moreCode(page);
          for (const needle of needles) assert.ok(code.includes(needle), `${format} lacks ${needle}`);
          assert.ok(code.includes('1_demo0001') && code.includes('48460943'), format);
        });
      }
      assert.ok(!(await moreCode(page)).includes('<script src'), 'a second player reuses the library tag');
      assert.ok((await codeText(page)).includes('<script src'), 'the embed code box still has the HTML embed');
      await page.getByRole('radio', { name: /v2/ }).check();
      await page.getByRole('button', { name: 'React', exact: true }).click();
      await eventually(async () => assert.match(await moreCode(page), /written for player v7/));
    },
  },
  {
    name: 'SEO metadata gives a schema.org VideoObject block; a bad date says so',
    async run({ page, baseUrl }) {
      await openStudio(page, baseUrl);
      await fillIds(page, IDS);
      await page.getByRole('button', { name: 'SEO', exact: true }).click();
      await page.getByLabel('Video name').fill('Product tour');
      await page.getByLabel('Duration').fill('1:30');
      await eventually(async () => {
        const code = await moreCode(page);
        assert.ok(code.includes('application/ld+json') && code.includes('"duration": "PT1M30S"'), code);
        assert.match(await page.locator('.seo .field-warning').textContent(), /Thumbnail URL, Upload date/);
      });
      await page.getByLabel('Upload date').fill('24/11/2026');
      await eventually(async () => assert.match(await page.locator('.seo .field-error').textContent(), /YYYY-MM-DD/));
    },
  },
  {
    name: 'paste-to-fill reads a KMC v7 snippet; v2 → v7 migration reports what did not carry over',
    async run({ page, baseUrl }) {
      await openStudioWithExtras(page, baseUrl);
      await page.getByText('Paste an embed code or link to fill the form').click();
      const v7 = '<script src="https://cdnapisec.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943?autoembed=true&amp;targetId=kp&amp;entry_id=1_demo0001"></script>';
      await page.getByLabel('Embed code, player URL, or MediaSpace / Events link').fill(v7);
      await page.getByRole('button', { name: 'Fill the form' }).click();
      await eventually(async () => {
        assert.equal(await page.locator('#partner-id').inputValue(), '2506752');
        assert.ok(await page.getByRole('radio', { name: /^Auto\b/ }).isChecked());
        assert.ok((await codeText(page)).includes('autoembed=true'));
      });
      // KMC's responsive embed on a regional host, over a form set up otherwise: the paste wins.
      await page.getByRole('radio', { name: 'Fixed size' }).check();
      await page.getByLabel('Width', { exact: true }).fill('300');
      await page.getByLabel('Height', { exact: true }).fill('200');
      const regional = '<div id="kaltura_player_99" style="width: 100%;height: 100%"></div><script src="https://api.eu.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943?autoembed=true&amp;targetId=kaltura_player_99&amp;entry_id=1_demo0001"></script>';
      await page.getByLabel('Embed code, player URL, or MediaSpace / Events link').fill(regional);
      await page.getByRole('button', { name: 'Fill the form' }).click();
      await eventually(async () => {
        assert.ok(await page.getByRole('radio', { name: 'Responsive' }).isChecked());
        assert.ok(await page.getByRole('radio', { name: 'Custom / on-prem' }).isChecked());
        const code = await codeText(page);
        assert.ok(code.includes('https://api.eu.kaltura.com/p/2506752/embedPlaykitJs/uiconf_id/48460943'), code);
        assert.ok(code.includes('kaltura_player_99') && !code.includes('300px'), code);
        assert.match(await page.locator('.paste-report').textContent(), /back to its default/);
      });
      const v2 = '<script src="https://cdnapisec.kaltura.com/p/2506752/sp/250675200/embedIframeJs/uiconf_id/23448189/partner_id/2506752"></script><script>kWidget.embed({"targetId":"kp","wid":"_2506752","uiconf_id":23448189,"flashvars":{"autoPlay":true,"sideBarContainer.plugin":true},"entry_id":"1_demo0002"});</script>';
      await page.getByLabel('Embed code, player URL, or MediaSpace / Events link').fill(v2);
      await page.getByRole('button', { name: 'Migrate v2 → v7' }).click();
      await eventually(async () => {
        assert.ok(await page.getByRole('radio', { name: /v7/ }).isChecked());
        assert.equal(await page.locator('#content-id').inputValue(), '1_demo0002');
        assert.equal(await page.locator('#uiconf-id').inputValue(), '', 'a v2 player ID is not kept');
        const report = await page.locator('.paste-report').textContent();
        assert.match(report, /sideBarContainer\.plugin/);
        assert.match(report, /Missing bundle configuration/);
      });
      // A paste holding a KS: read, and emptied from the box (a credential stays off screen).
      const withKs = v2.replace('"autoPlay":true', '"ks":"djJ8MjUwNjc1MnxsYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo="');
      const box = page.getByLabel('Embed code, player URL, or MediaSpace / Events link');
      await box.fill(withKs);
      await page.getByRole('button', { name: 'Fill the form' }).click();
      await eventually(async () => assert.match(await page.locator('.paste-report').textContent(), /paste box is emptied/));
      assert.equal(await box.inputValue(), '');
    },
  },
];
