// Runs the official Node `kaltura-client` (unchanged) against an already running simulator.
// Usage: node check.mjs http://127.0.0.1:8081   (starts nothing itself; needs `npm ci` here first)
// (The Node client names list actions `listAction`.)
// Prints `ok - …` / `not ok - …` per check and ends with `N passed, M failed`; exits 1 on failure.

import { createHash } from 'node:crypto';
import kaltura from 'kaltura-client';

const base = process.argv[2];
if (!base) {
  console.error('usage: node check.mjs <simulator base URL>');
  process.exit(2);
}

// Fake demo fixtures (crates/sim/fixtures/demo.toml).
const PARTNER_ID = 2506752;
const USER_SECRET = 'FAKE-demo-user-secret-0001';
const APP_TOKEN_ID = '0_apptk256';
const APP_TOKEN = 'feedface00000000000000000000a256';

const config = new kaltura.Configuration();
config.serviceUrl = base;
config.timeout = 10000;
config.setLogger(null); // no request logging: requests carry secrets

function client(ks) {
  const c = new kaltura.Client(config);
  if (ks) c.setKs(ks);
  return c;
}

const { session, appToken, baseEntry } = kaltura.services;
const USER = kaltura.enums.SessionType.USER;

const checks = [];
function check(name, run) {
  checks.push({ name, run });
}
function expect(condition, message) {
  if (!condition) throw new Error(message);
}
/** Resolves with the error object the client rejects with. */
async function rejection(promise) {
  try {
    const value = await promise;
    throw new Error(`expected an API error, got ${JSON.stringify(value)}`);
  } catch (error) {
    return error;
  }
}
async function widgetKs() {
  const response = await session.startWidgetSession(`_${PARTNER_ID}`).execute(client());
  return response.ks;
}

check('session.start with the user secret gives a v2 USER KS', async () => {
  const ks = await session.start(USER_SECRET, 'demo-user', USER, PARTNER_ID, 3600).execute(client());
  expect(typeof ks === 'string' && Buffer.from(ks, 'base64').toString('latin1').startsWith(`v2|${PARTNER_ID}|`), `KS ${ks}`);
});

check('session.start with a wrong secret rejects with START_SESSION_ERROR', async () => {
  const error = await rejection(session.start('wrong', 'demo-user', USER, PARTNER_ID).execute(client()));
  expect(error.code === 'START_SESSION_ERROR', JSON.stringify(error));
  expect(error.message === `Error while starting session for partner [${PARTNER_ID}]`, error.message);
});

check('session.startWidgetSession gives KalturaStartWidgetSessionResponse', async () => {
  const response = await session.startWidgetSession(`_${PARTNER_ID}`).execute(client());
  expect(response.objectType === 'KalturaStartWidgetSessionResponse', JSON.stringify(response));
  expect(response.partnerId === PARTNER_ID && response.userId === 0 && response.ks.length > 40, JSON.stringify(response));
});

check('appToken.startSession with a SHA256 token hash gives KalturaSessionInfo', async () => {
  const ks = await widgetKs();
  const tokenHash = createHash('sha256').update(ks + APP_TOKEN).digest('hex');
  const info = await appToken.startSession(APP_TOKEN_ID, tokenHash, 'demo-user', USER).execute(client(ks));
  expect(info.objectType === 'KalturaSessionInfo' && info.sessionType === 0, JSON.stringify(info));
  expect(info.privileges === `sessionid:${APP_TOKEN_ID},apptoken:${APP_TOKEN_ID}`, info.privileges);
});

check('appToken.startSession with a wrong hash rejects with INVALID_APP_TOKEN_HASH', async () => {
  const ks = await widgetKs();
  const error = await rejection(appToken.startSession(APP_TOKEN_ID, 'deadbeef').execute(client(ks)));
  expect(error.code === 'INVALID_APP_TOKEN_HASH', JSON.stringify(error));
});

check('baseEntry.list with a USER KS sees only its own entries, paged', async () => {
  const ks = await session.start(USER_SECRET, 'demo-user', USER, PARTNER_ID).execute(client());
  const filter = new kaltura.objects.BaseEntryFilter();
  const pager = new kaltura.objects.FilterPager({ pageSize: 2 });
  const list = await baseEntry.listAction(filter, pager).execute(client(ks));
  expect(list.objectType === 'KalturaBaseEntryListResponse', JSON.stringify(list));
  expect(list.totalCount === 4 && list.objects.length === 2, `${list.totalCount} / ${list.objects.length}`);
  expect(list.objects.every((entry) => entry.userId === 'demo-user'), JSON.stringify(list.objects));
});

check('baseEntry.list with an invalid KS rejects with INVALID_KS', async () => {
  const error = await rejection(baseEntry.listAction().execute(client('not-a-ks')));
  expect(error.code === 'INVALID_KS' && error.args.KSID === 'not-a-ks', JSON.stringify(error));
});

check('multirequest: widget session, then baseEntry.list with {1:result:ks}', async () => {
  const filter = new kaltura.objects.BaseEntryFilter({ idIn: '1_demo0003,1_demo0004' });
  const results = await session
    .startWidgetSession(`_${PARTNER_ID}`)
    .add(baseEntry.listAction(filter).setKs('{1:result:ks}'))
    .execute(client());
  expect(Array.isArray(results) && results.length === 2, JSON.stringify(results));
  expect(results[1].totalCount === 2, JSON.stringify(results[1]));
});

check('multirequest: a failed item is inline and later items still run', async () => {
  const results = await session
    .start('wrong', 'demo-user', USER, PARTNER_ID)
    .add(baseEntry.listAction().setKs('{1:result}'))
    .execute(client());
  expect(results[0].code === 'START_SESSION_ERROR', JSON.stringify(results[0]));
  expect(results[1].code === 'SERVICE_FORBIDDEN', JSON.stringify(results[1]));
});

let passed = 0;
let failed = 0;
for (const { name, run } of checks) {
  try {
    await run();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`not ok - ${name}: ${error && error.message ? error.message : JSON.stringify(error)}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
