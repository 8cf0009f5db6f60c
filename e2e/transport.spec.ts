/**
 * The AMQP status page (AMQP-mottak): an FHI admin reaches it from the menu; it says plainly when
 * the consumer is off (the browser tests' server runs without AMQP_URL) and lists the refused
 * messages; axe-clean at desktop and phone width, with no sideways scroll at 390 px. The consumer
 * itself is tested against a real broker in lib/transport/consumer.test.ts.
 */
import { expect, test } from '@playwright/test';
import { expectAccessibleAt, expectNoAxeViolations, openAs } from './helpers';

test('an admin opens AMQP-mottak from the menu and sees that the consumer is off', async ({ page }) => {
  await openAs(page, 'admin');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'AMQP-mottak' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('AMQP-mottak');
  await expect(page.getByText('AMQP-mottaket er slått av: AMQP_URL er ikke satt.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Avviste meldinger' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 390, height: 900 });
  await page.reload();
  await expectAccessibleAt(page, 390);
});

test('staff do not see AMQP-mottak', async ({ page }) => {
  await openAs(page, 'staff');
  await expect(page.getByRole('link', { name: 'AMQP-mottak' })).toHaveCount(0);
  expect((await page.goto('/admin/amqp-mottak'))?.status()).toBe(404);
});
