// Shared e2e helpers: waiting for the page and reading the code block.
import assert from 'node:assert/strict';

/** Retries `check` (which throws on failure) until it passes or `timeoutMs` runs out. */
export async function eventually(check, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** The two screen sizes every page behaviour is checked at: a phone and a laptop. */
export const SIZES = [['phone', 390, 844], ['laptop', 1366, 768]];

/** One test per screen size: `run(ctx, label)` with the viewport already set. */
export function atBothSizes(name, run) {
  return SIZES.map(([label, width, height]) => ({
    name: `${name} (${label})`,
    async run(ctx) {
      await ctx.page.setViewportSize({ width, height });
      await run(ctx, label);
    },
  }));
}

/** Opens the page and waits for the app to have rendered its form. */
export async function openStudio(page, baseUrl) {
  await page.goto(baseUrl);
  await page.getByLabel('Partner ID', { exact: true }).waitFor();
}

/** Opens the page and waits for the second module too (it renders the paste helper's textarea). */
export async function openStudioWithExtras(page, baseUrl) {
  await openStudio(page, baseUrl);
  await page.locator('#paste-input').waitFor({ state: 'attached' });
}

/** Opens the collapsed "Developer tools" box (session, exports, reference) once the extras are in. */
export async function openDevTools(page) {
  const tools = page.locator('details.devtools');
  await tools.waitFor({ state: 'attached' });
  if (!(await tools.evaluate((d) => d.open))) await page.locator('details.devtools > summary').click();
}

/** Opens the page with the second module in and its developer tools open. */
export async function openStudioWithTools(page, baseUrl) {
  await openStudio(page, baseUrl);
  await openDevTools(page);
}

/** The read-only code box; its panel (a region) shares the accessible name, so ask for the textbox. */
export function codeBlock(page) {
  return page.getByRole('textbox', { name: 'Embed code', exact: true });
}

/** The HTML code block's text (by id: while another format's tab is chosen it is hidden). */
export async function codeText(page) {
  return page.locator('#embed-code').evaluate((el) => ('value' in el ? el.value : el.textContent));
}

/** Waits until the code block contains `needle`. */
export async function expectCodeContains(page, needle) {
  await eventually(async () => {
    const code = await codeText(page);
    assert.ok(code.includes(needle), `code block lacks ${needle}:\n${code}`);
  });
}

export async function fillIds(page, { partner, uiConf, entry }) {
  await page.getByLabel('Partner ID', { exact: true }).fill(partner);
  await page.getByLabel('Player ID (uiConf ID)', { exact: true }).fill(uiConf);
  await page.getByLabel('Entry ID', { exact: true }).fill(entry);
}

export { assert };

/** The largest currentTime of any <video> in any frame of the page. */
export async function playedSeconds(page) {
  let best = 0;
  for (const frame of page.frames()) {
    try {
      const t = await frame.evaluate(() => Math.max(0, ...[...document.querySelectorAll('video')].map((v) => v.currentTime)));
      best = Math.max(best, t);
    } catch { /* a frame that navigated away */ }
  }
  return best;
}
