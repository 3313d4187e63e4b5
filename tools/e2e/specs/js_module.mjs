// The JS module (dist/module/, crates/module) used the way a site would: its three entry points
// imported in Chromium from the built site under its subpath, inside the studio page itself (so
// under the page's own CSP), and the v7 code it writes put into the preview frame, where the
// offline player plays it; the README's browser example; and a bundle esbuild made from the
// package's name, served with the wasm copied beside it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';
import { assert, eventually, openStudio, playedSeconds } from '../helpers.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const readme = join(repo, 'crates', 'module', 'README.md');

/** A browser app importing the package by name, bundled by esbuild: the bundle's text. */
async function bundledApp() {
  const project = mkdtempSync(join(tmpdir(), 'kaltura-embed-e2e-bundle-'));
  try {
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(join(repo, 'dist', 'module'), join(project, 'node_modules', 'kaltura-embed'), 'dir');
    writeFileSync(join(project, 'app.mjs'), [
      'import init, { embedCode } from "kaltura-embed";',
      'await init();',
      'document.getElementById("code").textContent = embedCode({ partnerId: "2506752", uiConfId: "48460943", entryId: "1_abcd1234", embedType: "iframe" }).code;',
    ].join('\n'));
    const result = await esbuild.build({
      absWorkingDir: project, entryPoints: ['app.mjs'], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent',
    });
    return result.outputFiles[0].text;
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

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
        const session = await import(new URL('kaltura-embed-session.js', moduleUrl).href);
        const doctor = await import(new URL('kaltura-embed-doctor.js', moduleUrl).href);
        await Promise.all([init(), session.default(), doctor.default()]);
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
        const partner = session.inspectKs('djJ8MjUwNjc1Mnx0ZXN0LWtz').partnerId;
        const checked = doctor.checkEmbed(code).players.map((p) => [p.playerVersion, p.embedType]);
        return { bad, code, partner, checked };
      }, { moduleUrl, simUrl });
      assert.deepEqual(result.bad, ['partnerId', 'uiConfId', 'entryId'], 'bad input is reported at its keys');
      assert.match(result.code, /embedPlaykitJs\/uiconf_id\/48460943/);
      assert.equal(result.partner, '2506752', 'kaltura-embed-session works beside it');
      assert.deepEqual(result.checked, [['v7', 'dynamic']], 'kaltura-embed-doctor reads the code it wrote');
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
  {
    name: 'an esbuild bundle importing the package by name runs in the browser, its wasm copied beside it',
    async run({ page, baseUrl }) {
      const bundle = await bundledApp();
      assert.ok(!/from\s*["']kaltura-embed/.test(bundle), 'the package is inside the bundle');
      const dir = new URL('__bundle/', baseUrl).href;
      const files = {
        'index.html': ['text/html', '<!doctype html><meta charset="utf-8"><pre id="code"></pre><script type="module" src="app.js"></script>'],
        'app.js': ['text/javascript', bundle],
        'kaltura-embed_bg.wasm': ['application/wasm', readFileSync(join(repo, 'dist', 'module', 'kaltura-embed_bg.wasm'))],
      };
      await page.route(`${dir}*`, (route) => {
        const [contentType, body] = files[new URL(route.request().url()).pathname.split('/').pop()] ?? [];
        return body ? route.fulfill({ contentType, body }) : route.fulfill({ status: 404 });
      });
      await page.goto(`${dir}index.html`);
      await eventually(async () => assert.match(await page.locator('#code').textContent(), /<iframe id="kaltura_player_1_abcd1234"/), 10000);
    },
  },
];
