// Drives dyad's HTML export in headless Chromium (Debian's chromium package, through
// playwright-core): the page of the seed article loads without a console error and shows its
// events, a filter click hides an action's events, a click on an event shows its sentence, and
// a sentence holding markup shows as text and never runs.
//
//   node html_page_test.mjs DYAD_BINARY SHARED_DIR WORK_DIR
// Exits 0 when every check passes, 1 when one fails, 77 (skipped) when Chromium,
// playwright-core or ../shared is missing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [dyad, shared, work] = process.argv.slice(2);
const SKIP = 77;
function skip(why) {
  console.log(`SKIPPED: ${why}`);
  process.exit(SKIP);
}
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(chromiumPath)) skip(`no Chromium at ${chromiumPath} (apt-get install chromium)`);
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  skip('playwright-core is not installed (npm ci --prefix tests/browser)');
}
const seed = path.join(shared || '', 'corpus/seed/putin-trump-call.txt');
if (!shared || !fs.existsSync(seed)) skip(`no seed article at ${seed}`);

fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
function run(...args) {
  return execFileSync(dyad, args, { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// The seed article, and an article whose sentence carries markup and script.
run('ingest', '--db', 'seed.db', '--id', 'putin-trump-call', '--date', '2016-11-15', seed);
run('export', 'timeline', '--db', 'seed.db', '--format', 'html', '-o', 'seed.html');
const seedItems = JSON.parse(run('export', 'timeline', '--db', 'seed.db', '--format', 'json')).items;
const hostileText =
  'Russia warned Ukraine on Monday about <img src=x onerror="window.__pwned=1"> and ' +
  '</script><script>window.__pwned=2</script> attacks.';
fs.writeFileSync(path.join(work, 'hostile.jsonl'), JSON.stringify({
  id: 'hostile', date: '2016-11-15', url: 'javascript:window.__pwned=3',
  title: 'A <b>hostile</b> "title"', text: hostileText,
}) + '\n');
run('ingest', '--db', 'hostile.db', 'hostile.jsonl');
run('export', 'timeline', '--db', 'hostile.db', '--format', 'html', '-o', 'hostile.html');

const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(path.join(work, 'seed.html')).href);
  await page.waitForSelector('#lanes .event');
  const visible = () => page.locator('#lanes .event:not([hidden])').count();
  const dated = seedItems.filter((i) => i.start);
  check(seedItems.length >= 10, `the seed article has events (${seedItems.length})`);
  check(await page.locator('#lanes .event').count() === dated.length,
        `one event button per dated event (${dated.length})`);
  check(await visible() === dated.length, 'every event is shown at first');
  for (const action of ['call', 'congratulate', 'agree']) {
    check(await page.locator(`#lanes .event:text-is("${action}")`).count() > 0,
          `the page shows a "${action}" event`);
  }
  // A filter click hides that action's events; a second one brings them back.
  const filter = page.locator('#filters button').first();
  const action = await filter.getAttribute('data-action');
  const ofAction = dated.filter((i) => i.action === action).length;
  await filter.click();
  check(await visible() === dated.length - ofAction,
        `clicking the "${action}" filter hides its ${ofAction} events`);
  check(await filter.getAttribute('aria-pressed') === 'false', 'the filter shows it is off');
  await filter.click();
  check(await visible() === dated.length, 'clicking it again shows them again');
  // Zoom changes the window.
  const before = await page.locator('#range').textContent();
  await page.click('#zoom-in');
  check(await page.locator('#range').textContent() !== before, 'zooming in narrows the window');
  await page.click('#zoom-all');
  // A click on an event shows its sentence and article.
  const call = seedItems.find((i) => i.action === 'call' && i.start);
  await page.locator(`#lanes .event[data-id="${call.id}"]`).click();
  const details = await page.locator('#details').textContent();
  check(await page.locator('#details').isVisible(), 'the details panel opens');
  check(details.includes(call.reports[0].sentence), 'it shows the sentence of the event');
  check(await page.locator('#network svg').count() === 1, 'the page has the network picture');
  check(errors.length === 0, `no console error (${errors.join(' | ')})`);

  // Hostile text is text.
  const hostile = await browser.newPage();
  const hostileErrors = [];
  hostile.on('pageerror', (e) => hostileErrors.push(String(e)));
  await hostile.goto(pathToFileURL(path.join(work, 'hostile.html')).href);
  await hostile.waitForSelector('#lanes .event');
  await hostile.locator('#lanes .event').first().click();
  const shown = await hostile.locator('#details').textContent();
  check(shown.includes('<img src=x onerror="window.__pwned=1">'), 'markup in a sentence shows as text');
  check(shown.includes('</script><script>window.__pwned=2</script>'), 'a closing script tag shows as text');
  check(await hostile.locator('#details a').count() === 0, 'a javascript: URL is not a link');
  check(await hostile.evaluate(() => window.__pwned === undefined), 'no injected script ran');
  check(hostileErrors.length === 0, `no page error (${hostileErrors.join(' | ')})`);
} finally {
  await browser.close();
}
if (failures.length) {
  console.log(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('all checks passed');
