// newsdex-web in a real browser: Debian's chromium driven by playwright-core (no browser
// download). Usage: node e2e.mjs BASE_URL OUTPUT_DIR. Exits 1 on the first failed check.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [base, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const problems = [];
let step = 'start';
function check(ok, what) {
  if (!ok) throw new Error(`${step}: ${what}`);
  console.log(`ok - ${step}: ${what}`);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  // Any script that an article smuggled in would show here: alert() opens a dialog.
  page.on('dialog', (d) => { problems.push(`dialog "${d.message()}" on ${page.url()}`); d.dismiss(); });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error "${m.text()}" on ${page.url()}`); });
  page.on('pageerror', (e) => problems.push(`page error "${e.message}" on ${page.url()}`));

  step = 'type a query';
  await page.goto(`${base}/`);
  await page.fill('input[name=q]', 'harbour');
  await Promise.all([page.waitForURL(/q=harbour/), page.press('input[name=q]', 'Enter')]);
  check(await page.locator('.hit').count() > 0, 'hits are listed');
  check(await page.locator('.hit .snippet mark').count() > 0, 'snippets highlight the matches');
  check((await page.locator('.summary .total').textContent()).includes('match'), 'the total is shown');
  await page.screenshot({ path: `${out}/results.png`, fullPage: true });

  step = 'click a facet';
  const totalBefore = await page.locator('.summary .total').textContent();
  const facet = page.locator('section.facet[data-facet=source] a').first();
  const source = (await facet.textContent()).trim();
  await Promise.all([page.waitForURL(/source=/), facet.click()]);
  check(await page.locator('.filters a.remove').count() === 1, `the filter "${source}" is shown, removable`);
  const sources = await page.locator('.hit .meta .source').allTextContents();
  check(sources.length > 0 && sources.every((s) => s === source), `every hit is from ${source}`);
  await Promise.all([page.waitForURL((u) => !u.search.includes('source=')), page.locator('.filters a.remove').click()]);
  check((await page.locator('.summary .total').textContent()) === totalBefore, 'removing it restores the total');

  step = 'click a timeline bar';
  await page.goto(`${base}/?q=the`);
  const bar = page.locator('svg.timeline a.bar:has(rect:not(.empty))').first();
  const period = await bar.getAttribute('data-period');
  await Promise.all([page.waitForURL(/since=/), bar.click()]);
  check(page.url().includes(`since=${period}`) && page.url().includes(`until=${period}`), `narrowed to ${period}`);
  const dates = await page.locator('.hit .meta .date').allTextContents();
  check(dates.length > 0 && dates.every((d) => d.startsWith(period)), `every hit is dated in ${period}`);

  step = 'page';
  await page.goto(`${base}/?q=the&limit=5`);
  const firstPage = await page.locator('.hit a.title').allTextContents();
  await Promise.all([page.waitForURL(/offset=5/), page.locator('.pager a.next').click()]);
  check(await page.locator('ol.hits').getAttribute('start') === '6', 'the second page starts at 6');
  const secondPage = await page.locator('.hit a.title').allTextContents();
  check(secondPage.length > 0 && secondPage.every((t) => !firstPage.includes(t)), 'with other hits');

  step = 'open an article and go back';
  const resultsUrl = page.url();
  const title = page.locator('.hit a.title').first();
  const titleText = (await title.textContent()).trim();
  await Promise.all([page.waitForURL(/\/article\?/), title.click()]);
  check((await page.locator('article.article h1').textContent()).trim() === titleText, 'the article opens');
  check((await page.locator('article.article .body').textContent()).length > 100, 'with its text');
  await page.screenshot({ path: `${out}/article.png`, fullPage: true });
  await page.goBack();
  check(page.url() === resultsUrl, 'back returns to the results page');

  step = 'hostile articles';
  await page.goto(`${base}/?q=payload`);
  const found = await page.locator('.hit').count();
  check(found === 2, `both are found (${found})`);
  check((await page.locator('.hit a.title').allTextContents()).every((t) => t.includes('<script>')), 'their titles show as text');
  check(await page.locator('main img, main script').count() === 0, 'no element came from them');
  await page.screenshot({ path: `${out}/hostile-results.png`, fullPage: true });
  for (const n of [0, 1]) {
    await page.goto(`${base}/?q=payload`);
    await Promise.all([page.waitForURL(/\/article\?/), page.locator('.hit a.title').nth(n).click()]);
    check(await page.locator('main img, main script').count() === 0, `article ${n + 1} holds none of its markup`);
    check(await page.locator('a[href^="javascript"]').count() === 0, `article ${n + 1}: no javascript: link`);
    const body = await page.locator('article .body').textContent();
    if (body.includes('ferry')) {
      check(body.includes('<img src=x onerror=alert(2)>'), 'its body tags read as text');
      await page.screenshot({ path: `${out}/hostile-article.png`, fullPage: true });
    }
  }

  step = 'afterwards';
  check(problems.length === 0, `no dialog, console error or page error (${problems.join('; ')})`);
} finally {
  await browser.close();
}
