import { chromium } from '/work/wt-reports/node_modules/playwright-core/index.mjs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
for (const [name, width] of [['desktop', 1280], ['phone', 390]] as const) {
  const ctx = await b.newContext({ viewport: { width, height: 900 }, locale: 'de-DE', baseURL: 'http://127.0.0.1:3999' });
  const p = await ctx.newPage();
  await p.goto('/login?callbackUrl=%2Freports');
  await p.getByLabel('E-Mail-Adresse').fill('bench@example.org');
  await p.getByLabel('Passwort').fill('bench-pass-2026');
  await p.getByRole('button', { name: 'Anmelden' }).click();
  await p.waitForURL((u) => u.pathname === '/reports');
  const t0 = Date.now();
  await p.goto('/reports');
  console.log(name, 'page load ms', Date.now() - t0);
  await p.waitForTimeout(500);
  await p.screenshot({ path: `/tmp/bench-${name}.png`, fullPage: true });
  console.log(await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth));
  await ctx.close();
}
await b.close();
