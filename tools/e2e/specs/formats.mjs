// Code formats beside plain HTML (React, Vue, ES module, second player) and SEO metadata.
import { assert, codeText, eventually, fillIds, openStudio } from '../helpers.mjs';

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
          const code = await codeText(page);
          for (const needle of needles) assert.ok(code.includes(needle), `${format} lacks ${needle}`);
          assert.ok(code.includes('1_demo0001') && code.includes('48460943'), format);
        });
      }
      assert.ok(!(await codeText(page)).includes('<script src'), 'a second player reuses the library tag');
      await page.getByRole('radio', { name: /v2/ }).check();
      await page.getByRole('button', { name: 'React', exact: true }).click();
      await eventually(async () => assert.match(await codeText(page), /written for player v7/));
    },
  },
  {
    name: 'SEO metadata adds a schema.org VideoObject block; a bad date says so',
    async run({ page, baseUrl }) {
      await openStudio(page, baseUrl);
      await fillIds(page, IDS);
      await page.getByText('SEO: schema.org VideoObject metadata (optional)').click();
      await page.getByLabel('Video name').fill('Product tour');
      await page.getByLabel('Duration').fill('1:30');
      await eventually(async () => {
        const code = await codeText(page);
        assert.ok(code.includes('application/ld+json') && code.includes('"duration": "PT1M30S"'), code);
      });
      await page.getByLabel('Upload date').fill('24/11/2026');
      await eventually(async () => assert.match(await page.locator('.seo .field-error').textContent(), /YYYY-MM-DD/));
    },
  },
];
