// The framework loaders (React, Vue and ES module share one loader block: the core's frameworks
// test holds them identical) against the published v7 bundle, which the simulator serves in the
// embed_factory=true form as kaltura/server does: each uiConf's library registers itself as
// window.KalturaPlayers[uiConfId] = { lib, config } and leaves window.KalturaPlayer alone.
// The ES module code comes from the built module (the page's "ES module" tab renders the same
// core output) and runs on a plain page of its own (no CSP: nothing to expect of one).
import { assert, eventually, openStudio } from '../helpers.mjs';

const PARTNER = '2506752';
// Two v7 uiConfs of the partner (crates/sim/fixtures/demo.toml); the simulator puts each one's
// name into its config as uiConfData, as the real server does.
const FIRST = { id: '48460943', name: 'Demo Kaltura Player v7' };
const SECOND = { id: '48460945', name: 'Demo Kaltura Player v7, compact' };
// The test page lives on the simulator's origin, under a path the routes below answer before
// the simulator sees it (a public origin may not load scripts from loopback).
const PAGE_PATH = '/__framework_loaders';

/** The ES module code the core writes for `uiConf`, from the built module. */
async function esModuleCode(page, baseUrl, simUrl, uiConf) {
  await openStudio(page, baseUrl);
  const moduleUrl = new URL('module/kaltura-embed.js', baseUrl).href;
  return page.evaluate(async ({ moduleUrl, options }) => {
    const { default: init, frameworkCode } = await import(moduleUrl);
    await init();
    return frameworkCode(options, 'esm');
  }, {
    moduleUrl,
    options: { partnerId: PARTNER, uiConfId: uiConf.id, entryId: '1_demo0001', cdnHost: simUrl, autoplay: true, muted: true },
  });
}

/**
 * Serves `body` as the test page at PAGE_PATH/ on the simulator's origin and each of `modules`
 * (name → code) beside it, then opens the page.
 */
async function openTestPage(page, simUrl, body, modules) {
  await page.route(`${simUrl}${PAGE_PATH}/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice(PAGE_PATH.length + 1);
    if (name === '') return route.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8">${body}` });
    if (modules[name]) return route.fulfill({ contentType: 'text/javascript', body: modules[name] });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${simUrl}${PAGE_PATH}/`);
}

/** Imports each module path on the page and embeds a player into the element of the same index. */
async function embedAll(page, paths, containerIds) {
  return page.evaluate(async ({ paths, containerIds }) => {
    const players = [];
    for (const [i, path] of paths.entries()) {
      const { embedKaltura } = await import(path);
      const { player } = await embedKaltura(document.getElementById(containerIds[i]));
      const config = player.config;
      players.push({ uiConfId: config.provider?.uiConfId, name: config.uiConfData?.name, serviceUrl: config.provider?.env?.serviceUrl });
    }
    const libraries = [...document.scripts].map((s) => s.src).filter((src) => src.includes('embedPlaykitJs'));
    return { players, libraries };
  }, { paths, containerIds });
}

/** The currentTime of the <video> inside each container. */
async function playedIn(page, containerIds) {
  return page.evaluate((ids) => ids.map((id) => document.querySelector(`#${id} video`)?.currentTime ?? 0), containerIds);
}

const CONTAINERS = '<div id="a" style="width:480px;height:270px"></div><div id="b" style="width:480px;height:270px"></div><div id="c" style="width:480px;height:270px"></div>';

/** Plays media in a player: run alone (see run.mjs). */
export const runAlone = true;

export default [
  {
    name: 'two uiConfs of one partner: each player gets its own config, both play, KalturaPlayer untouched, one script per uiConf',
    async run({ page, baseUrl, simUrl, expectError }) {
      assert.ok(simUrl, 'SIM_URL is required');
      // The player asks for things the simulator does not have (e.g. analytics); not this test's business.
      expectError(/Failed to load resource/);
      await fetch(simUrl + '/__sim/reset', { method: 'POST' });
      const first = await esModuleCode(page, baseUrl, simUrl, FIRST);
      const second = await esModuleCode(page, baseUrl, simUrl, SECOND);
      assert.match(first, /embedPlaykitJs\/uiconf_id\/48460943\?embed_factory=true/);
      // Any assignment to window.KalturaPlayer is counted (a factory load must make none).
      const trap = `<script>
        window.kalturaPlayerAssignments = 0;
        Object.defineProperty(window, 'KalturaPlayer', { configurable: true, get() { return undefined; }, set() { window.kalturaPlayerAssignments += 1; } });
      </script>`;
      // The first uiConf's module twice, under two URLs: two separately bundled components.
      await openTestPage(page, simUrl, trap + CONTAINERS, { 'first.js': first, 'second.js': second, 'first-again.js': first });
      const { players, libraries } = await embedAll(page, ['./first.js', './second.js', './first-again.js'], ['a', 'b', 'c']);
      assert.deepEqual(players.map((p) => [p.uiConfId, p.name]), [
        [Number(FIRST.id), FIRST.name],
        [Number(SECOND.id), SECOND.name],
        [Number(FIRST.id), FIRST.name],
      ], 'each player runs with its own uiConf config');
      assert.ok(players.every((p) => p.serviceUrl === `${simUrl}/api_v3`), `the server's env reached each player: ${JSON.stringify(players)}`);
      assert.deepEqual(libraries.sort(), [
        `${simUrl}/p/${PARTNER}/embedPlaykitJs/uiconf_id/${FIRST.id}?embed_factory=true`,
        `${simUrl}/p/${PARTNER}/embedPlaykitJs/uiconf_id/${SECOND.id}?embed_factory=true`,
      ], 'one library script per uiConf');
      const globals = await page.evaluate(() => ({
        assignments: window.kalturaPlayerAssignments,
        registered: Object.keys(window.KalturaPlayers || {}).sort(),
        data: typeof window.__kalturaplayerdata,
      }));
      assert.deepEqual(globals, { assignments: 0, registered: [FIRST.id, SECOND.id], data: 'undefined' });
      await eventually(async () => {
        const played = await playedIn(page, ['a', 'b', 'c']);
        assert.ok(played.every((t) => t > 0), `every player plays: ${played}`);
      }, 30000);
    },
  },
  {
    name: "a page that already loaded another uiConf's plain library: the loader still gets its own uiConf",
    async run({ page, baseUrl, simUrl, expectError }) {
      assert.ok(simUrl, 'SIM_URL is required');
      expectError(/Failed to load resource/);
      await fetch(simUrl + '/__sim/reset', { method: 'POST' });
      const first = await esModuleCode(page, baseUrl, simUrl, FIRST);
      // The second uiConf's plain library: it sets window.KalturaPlayer and __kalturaplayerdata.
      const plain = `<script src="${simUrl}/p/${PARTNER}/embedPlaykitJs/uiconf_id/${SECOND.id}"></script>`;
      await openTestPage(page, simUrl, plain + CONTAINERS, { 'first.js': first });
      const before = await page.evaluate(() => {
        window.plainLibrary = window.KalturaPlayer;
        return { hasLibrary: typeof window.KalturaPlayer?.setup, data: window.__kalturaplayerdata?.uiConfData?.name };
      });
      assert.deepEqual(before, { hasLibrary: 'function', data: SECOND.name }, 'the plain library is on the page');
      const { players, libraries } = await embedAll(page, ['./first.js'], ['a']);
      assert.deepEqual(players.map((p) => [p.uiConfId, p.name]), [[Number(FIRST.id), FIRST.name]], 'its own uiConf, not the page\'s');
      assert.equal(libraries.length, 2, `its own library beside the page's: ${libraries}`);
      const after = await page.evaluate(() => ({
        same: window.KalturaPlayer === window.plainLibrary,
        data: window.__kalturaplayerdata?.uiConfData?.name,
      }));
      assert.deepEqual(after, { same: true, data: SECOND.name }, "the page's library and data are left alone");
      await eventually(async () => {
        const [played] = await playedIn(page, ['a']);
        assert.ok(played > 0, `the player plays: ${played}`);
      }, 30000);
    },
  },
];
