// Exporting about 100,000 messages from the window (every conversation of the
// last 35 days: the dataset has one message every 30 s), while a frame loop
// in the page records the gaps between frames: the window must keep drawing.
// The same loop over the same time with nothing running is the baseline.
import type { Page } from '@playwright/test';

export interface ExportBench {
  messages: number;
  seconds: number;
  /** Gaps between animation frames while exporting, and over the same time idle. */
  frameGapMs: { exportP95: number; exportMax: number; idleP95: number; idleMax: number };
}

async function framesFor<T>(page: Page, work: () => Promise<T>): Promise<{ result: T; gaps: number[] }> {
  // A string, not a function: tsx would wrap a function's inner names in a helper the page does not have.
  await page.evaluate(`(() => {
    window.frames_ = [];
    window.framing = true;
    const tick = (t) => { window.frames_.push(t); if (window.framing) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const result = await work();
  const times = await page.evaluate<number[]>('(() => { window.framing = false; return window.frames_; })()');
  return { result, gaps: times.slice(1).map((t, i) => t - times[i]!) };
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? 0;

export async function exportBench(page: Page): Promise<ExportBench> {
  const date = (daysAgo: number) => {
    const d = new Date(Date.now() - daysAgo * 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  await page.getByRole('region', { name: 'Messages' }).getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export messages' });
  await dialog.getByRole('radio', { name: /All conversations/ }).check();
  await dialog.getByLabel('First day').fill(date(34));
  await dialog.getByLabel('Last day').fill(date(0));
  const started = performance.now();
  const { result: download, gaps } = await framesFor(page, async () => {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), dialog.getByRole('button', { name: 'Export' }).click()]);
    return file;
  });
  const seconds = (performance.now() - started) / 1000;
  await download.path();
  const saved = await dialog.getByRole('status').textContent();
  const messages = Number(/^[\d,]+/.exec(saved ?? '')?.[0].replace(/,/g, '') ?? 0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  const idle = await framesFor(page, () => new Promise((r) => setTimeout(r, Math.min(seconds, 20) * 1000)));
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    messages,
    seconds: round(seconds),
    frameGapMs: { exportP95: round(p95(gaps)), exportMax: round(Math.max(...gaps)), idleP95: round(p95(idle.gaps)), idleMax: round(Math.max(...idle.gaps)) },
  };
}
