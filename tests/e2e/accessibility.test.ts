import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot } from '../helpers/browser';
import { fileRequest } from '../helpers/requests';
import { signInAs } from '../helpers/staff';

let browser: Browser;
let reference: string;
let caseUrl: string;
let companyUrl: string;

beforeAll(async () => {
  browser = await launchBrowser();
  reference = await fileRequest('Barrierefrei Prüfwerk GmbH', 'Wir suchen Prüfstände für Elektromotoren bis 5 kW, Miete für drei Monate.');
  const page = await openPage(browser, DESKTOP);
  await signInAs(page, 'expert', '/cases');
  await page.goto(`/cases?view=all&q=${reference}`);
  caseUrl = (await page.getByRole('link', { name: reference }).getAttribute('href'))!;
  await page.goto('/directory');
  companyUrl = (await page.locator('li[data-supplier-id] h3 a').first().getAttribute('href'))!;
  await page.context().close();
});
afterAll(async () => {
  await browser?.close();
});

const PUBLIC = () => [
  '/',
  '/request',
  `/request/received?ref=${reference}`,
  '/request/status',
  '/offer',
  '/offer/received',
  '/directory',
  companyUrl,
  '/login',
];
const EXPERT = () => [
  '/cases',
  caseUrl,
  '/suppliers',
  '/suppliers?q=Messtechnik&layout=list',
  '/introductions',
  '/offers',
  '/reports',
  '/account',
];
const ADMIN = () => ['/admin/users'];

async function check(page: Page, path: string, width: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  const violations = await axeViolations(page);
  await screenshot(page, `axe${path.replace(/[^a-z0-9]+/gi, '-')}-${width}`);
  return violations.map((v) => `${path} @${width}: ${v.id} (${v.impact}) ${v.help} → ${v.targets.slice(0, 3).join(' | ')}`);
}

describe('axe-core finds no violations', () => {
  for (const [width, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`on the public pages (${width})`, async () => {
      const page = await openPage(browser, viewport);
      const found: string[] = [];
      for (const path of PUBLIC()) found.push(...(await check(page, path, width)));
      await page.context().close();
      expect(found).toEqual([]);
    });

    it(`on the staff pages (${width})`, async () => {
      const page = await openPage(browser, viewport);
      await signInAs(page, 'expert', '/cases');
      const found: string[] = [];
      for (const path of EXPERT()) found.push(...(await check(page, path, width)));
      await page.context().close();
      const admin = await openPage(browser, viewport);
      await signInAs(admin, 'admin', '/cases');
      for (const path of ADMIN()) found.push(...(await check(admin, path, width)));
      await admin.context().close();
      expect(found).toEqual([]);
    });
  }
});
