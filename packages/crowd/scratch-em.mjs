import { readFileSync } from 'node:fs';
const mod = await import(`./dist/analysis/effectModel.js`);
const lines = readFileSync('/tmp/i18/base/paper/responses.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((r) => r.status === 'ok');
const groups = { emotion: lines.map((r) => r.emotion) };
for (const k of Object.keys(lines[0].attributes)) groups[k] = lines.map((r) => r.attributes[k]);
const sample = { values: lines.map((r) => r.estimate), groups };
for (let i = 0; i < Number(process.argv[2] ?? 1); i++) { const t0 = performance.now(); mod.effectModel({ ...sample }, { seed: 42 }); console.log(i, (performance.now() - t0).toFixed(0)); }
