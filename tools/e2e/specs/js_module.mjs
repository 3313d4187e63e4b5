// The JS module (dist/module/, crates/module) used the way a site would: imported in Chromium from
// the built site under its subpath, inside the studio page itself (so under the page's own CSP),
// and the v7 code it writes put into the preview frame, where the offline player plays it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, eventually, openStudio, playedSeconds } from '../helpers.mjs';

const readme = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'crates', 'module', 'README.md');

export default [
  {
    name: 'imported from the built site under the page CSP, its v7 code plays in the preview frame',
    async run({ page, baseUrl, simUrl, expectError }) {
      assert.ok(simUrl, 'SIM_URL is required');
      // The player asks for things the simulator does not have (e.g. analytics); not this test's business.
      expectError(/Failed to load resource/);
      await fetch(simUrl + '/__sim/reset', { method: 'POST' });
      await openStudio(page, baseUrl);
      const moduleUrl = new URL('module/kaltura-embed.js', baseUrl).href;
      const result = await page.evaluate(async ({ moduleUrl, simUrl }) => {
        const { default: init, embedCode } = await import(moduleUrl);
        await init();
        const bad = (() => {
          try {
            embedCode({ partnerId: 'abc' });
            return null;
          } catch (error) {
            return error.issues.map((i) => i.field);
          }
        })();
        const { code } = embedCode({
          partnerId: '2506752', uiConfId: '48460943', entryId: '1_demo0001', cdnHost: simUrl, autoplay: true, muted: true,
        });
        // The page's own preview frame, fed the way the page feeds it.
        const frame = document.createElement('iframe');
        frame.src = 'preview.html';
        frame.title = 'Module preview';
        frame.setAttribute('sandbox', 'allow-scripts allow-presentation allow-popups');
        frame.setAttribute('allow', 'autoplay; fullscreen; encrypted-media');
        frame.width = '640';
        frame.height = '360';
        const ready = new Promise((resolve) => addEventListener('message', (e) => {
          if (e.source === frame.contentWindow && e.data?.kind === 'ready') resolve();
        }));
        document.body.append(frame);
        await ready;
        frame.contentWindow.postMessage({ type: 'render', code }, '*');
        return { bad, code };
      }, { moduleUrl, simUrl });
      assert.deepEqual(result.bad, ['partnerId', 'uiConfId', 'entryId'], 'bad input is reported at its keys');
      assert.match(result.code, /embedPlaykitJs\/uiconf_id\/48460943/);
      await eventually(async () => assert.ok((await playedSeconds(page)) > 0, 'the sample video plays'), 20000);
    },
  },
  {
    name: "the README's browser example runs as written, from a page beside the built module/",
    async run({ page, baseUrl }) {
      const example = readFileSync(readme, 'utf8').split('## In a browser')[1].match(/```html\n([\s\S]*?)```/)[1];
      const url = new URL('__readme_example.html', baseUrl).href;
      await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8">${example}` }));
      await page.goto(url);
      await eventually(async () => assert.match(await page.locator('#code').textContent(), /<iframe id="kaltura_player_1_abcd1234"/), 10000);
    },
  },
];
