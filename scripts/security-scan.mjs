#!/usr/bin/env node
// The Electron security scan (Electronegativity) over the app's own sources:
// the main process, the preload and the renderer with its HTML. Every finding
// must be justified in security/electronegativity-allow.json, or the scan fails.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'inbox-scan-'));
const skip = (src) => !/\.test\.tsx?$|\.fixture\.ts$/.test(src);
cpSync(join(root, 'electron'), join(work, 'electron'), { recursive: true, filter: skip });
cpSync(join(root, 'renderer'), join(work, 'renderer'), { recursive: true, filter: skip });
cpSync(join(root, 'shared'), join(work, 'shared'), { recursive: true, filter: skip });
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
// SARIF, not CSV: Electronegativity writes the CSV header and rows with two
// concurrent writes, so the header sometimes lands over the first rows (it
// failed CI once that way). The SARIF report is one JSON write.
const report = join(work, 'report.sarif');
const runScan = () =>
  spawnSync(
    process.execPath,
    [join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'), '-i', work, '-r', '-e', electronVersion, '-v', 'false', '-o', report],
    { encoding: 'utf8' },
  );
let scan = runScan();
if (scan.status !== 0) {
  // The tool itself failing (not a finding) is retried once, and shown.
  console.error(`Electronegativity exited with ${scan.status}; retrying once.\n${scan.stdout}\n${scan.stderr}`);
  scan = runScan();
}
if (scan.status !== 0) {
  console.error(scan.stdout, scan.stderr);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}

const allowed = JSON.parse(readFileSync(join(root, 'security/electronegativity-allow.json'), 'utf8'));
const sarif = JSON.parse(readFileSync(report, 'utf8'));
rmSync(work, { recursive: true, force: true });
const findings = (sarif.runs[0].results ?? []).map((result) => {
  const where = result.locations[0].physicalLocation;
  return {
    check: result.ruleId,
    severity: result.level === 'note' ? 'review' : 'warning',
    file: where.artifactLocation.uri.replace(/\\/g, '/'),
    location: `${where.region.startLine}:${where.region.startColumn - 1}`,
  };
});

const unjustified = findings.filter((f) => !allowed.some((a) => a.check === f.check && a.file === f.file && a.why?.trim()));
const stale = allowed.filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file));
for (const f of findings) {
  const ok = !unjustified.includes(f);
  console.log(`${ok ? 'allowed ' : 'FINDING '} ${f.check} (${f.severity}) ${f.file}:${f.location}`);
}
for (const a of stale) console.log(`stale allow-list entry (no longer found): ${a.check} ${a.file}`);
if (unjustified.length > 0 || stale.length > 0) {
  console.error(`\n${unjustified.length} finding(s) not justified in security/electronegativity-allow.json, ${stale.length} stale entr(y/ies).`);
  process.exit(1);
}
console.log(`\nSecurity scan: ${findings.length} finding(s), each justified in the allow-list.`);
