// A small SVG bar chart of p50 and p95 per query, for the README.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Latency } from './measure';

const labels: Record<string, string> = {
  list: 'Conversation list (100)',
  openNewest: 'Open: newest 50',
  openOlder: 'Open: page before',
  searchCommon: 'Search: common word',
  searchRare: 'Search: rare word',
  searchPhrase: 'Search: phrase',
  searchPrefix: 'Search: prefix',
  findCommon: 'Find in thread: common word',
  findRare: 'Find in thread: rare word',
  findPrefix: 'Find in thread: prefix',
  findNone: 'Find in thread: no hit',
  findTyping: 'Find in thread: as typed',
};

export function writeChart(file: string, queries: Record<string, Latency>): void {
  const rows = Object.entries(queries);
  const max = Math.max(1, ...rows.map(([, l]) => l.p95));
  const width = 640;
  const left = 190;
  const scale = (width - left - 130) / max;
  const rowHeight = 34;
  const height = 40 + rows.length * rowHeight;
  const bars = rows
    .map(([key, l], i) => {
      const y = 30 + i * rowHeight;
      return [
        `<text x="${left - 8}" y="${y + 14}" text-anchor="end">${labels[key] ?? key}</text>`,
        `<rect x="${left}" y="${y}" width="${Math.max(1, l.p95 * scale)}" height="10" fill="#9ec1ff"/>`,
        `<rect x="${left}" y="${y + 11}" width="${Math.max(1, l.p50 * scale)}" height="10" fill="#1f6feb"/>`,
        `<text x="${left + Math.max(1, l.p95 * scale) + 6}" y="${y + 14}">${l.p50} / ${l.p95} ms</text>`,
      ].join('');
    })
    .join('\n  ');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">
  <rect width="100%" height="100%" fill="#fff"/>
  <text x="10" y="18" font-weight="600">Latency on a 1,000,000-message cache (p50 dark / p95 light)</text>
  ${bars}
</svg>
`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, svg);
}
