import {
  contrastMetricsTable,
  describePairing,
  escapeMarkup,
  type StudyReport,
  type StudyReportContrast,
  type StudyTable,
  studyCellsTable,
  studyFigures,
} from '@emocrowd/crowd';
import { VERSION } from '../version.js';

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111827; margin: 0 auto; max-width: 1080px; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid #e5e7eb; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 24px 0 4px; } .muted { color: #6b7280; } .note { color: #92400e; }
table { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 10px; border-bottom: 1px solid #e5e7eb; text-align: right; white-space: nowrap; }
th:first-child, td:first-child, td.text { text-align: left; } th { font-weight: 600; background: #f9fafb; }
.figures { display: flex; flex-wrap: wrap; gap: 16px; } figure { margin: 0; flex: 1 1 460px; max-width: 640px; }
figure.wide { flex-basis: 100%; max-width: 780px; } figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 12px; color: #6b7280; } figcaption a { color: #2563eb; }
@media print { body { max-width: none; } h2 { break-after: avoid; } figure { break-inside: avoid; } }
`;

/**
 * The study report as one self-contained HTML document (`emocrowd study report --html FILE`): no
 * script and no reference outside the file (a Content-Security-Policy forbids any), so it opens
 * from disk, offline, and prints. It holds what the text report holds (the study, every cell,
 * every contrast's metrics with intervals, effect sizes and p-values, the notes) and the figures
 * of `studyFigures`: a forest plot per metric, and per contrast the overlaid log-scale
 * histograms and the subset curves with their bands, each with a link that saves it as an SVG file.
 *
 * @param report a study report
 * @param dir the study directory, as named by the user
 * @returns the HTML document
 */
export function renderStudyHtml(report: StudyReport, dir: string): string {
  const figures = studyFigures(report);
  const s = report.settings;
  const how = [
    report.study.scale
      ? `${report.study.scale.numerator}/${report.study.scale.denominator} of the personas`
      : '',
    report.study.overrides.length > 0 ? `--set ${report.study.overrides.join(' --set ')}` : '',
    report.study.shard ? `shard ${report.study.shard.index + 1}/${report.study.shard.count}` : '',
  ].filter(Boolean);
  const body = [
    `<h1>Study ${escapeMarkup(report.study.name)}</h1>`,
    report.study.description ? `<p>${escapeMarkup(report.study.description)}</p>` : '',
    `<p class="muted">${report.cells.length} cells in ${escapeMarkup(dir)}; study file ${escapeMarkup(report.study.source.file)} (SHA-256 ${escapeMarkup(report.study.source.sha256.slice(0, 12))}…)${how.length > 0 ? `; ${escapeMarkup(how.join(', '))}` : ''}; emocrowd ${escapeMarkup(VERSION)}</p>`,
    `<p class="muted">a − b with ${Math.round(s.level * 100)}% percentile bootstrap intervals (${s.bootstrap.toLocaleString('en-US')} resamples); p: two-sided permutation test (${s.permutations.toLocaleString('en-US')} permutations), Holm-adjusted over ${s.multiplicity.tests} tests; seed ${s.seed}.</p>`,
    ...report.notes.map((n) => `<p class="note">note: ${escapeMarkup(n)}</p>`),
    '<h2>Cells</h2>',
    table(studyCellsTable(report)),
  ];
  if (figures.forest.length > 0) {
    body.push('<h2>Contrasts at a glance</h2><div class="figures">');
    for (const f of figures.forest) body.push(figure(f.svg, `forest-${f.metric}`, '', true));
    body.push('</div>');
  }
  report.contrasts.forEach((contrast, i) => {
    const f = figures.contrasts[i];
    body.push(contrastSection(contrast, f));
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="emocrowd ${escapeMarkup(VERSION)}">
<title>Study ${escapeMarkup(report.study.name)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.filter(Boolean).join('\n')}
</body>
</html>
`;
}

function contrastSection(
  contrast: StudyReportContrast,
  f: ReturnType<typeof studyFigures>['contrasts'][number] | undefined,
): string {
  const parts = [
    `<section class="contrast" data-contrast="${escapeMarkup(contrast.name)}">`,
    `<h3>${escapeMarkup(contrast.name)}: ${escapeMarkup(contrast.a)} − ${escapeMarkup(contrast.b)}</h3>`,
  ];
  const how = describePairing(contrast);
  if (how)
    parts.push(
      `<p class="muted">${escapeMarkup(how)}${contrast.item ? `; item ${escapeMarkup(contrast.item)}` : ''}</p>`,
    );
  const metrics = contrastMetricsTable(contrast);
  if (metrics.rows.length > 0) parts.push(table(metrics));
  for (const note of contrast.notes) parts.push(`<p class="note">${escapeMarkup(note)}</p>`);
  const shown = [
    f?.histogram
      ? figure(
          f.histogram,
          `${contrast.name}-histogram`,
          'Answers of both cells; each bar is the share of that cell’s answers > 0.',
        )
      : '',
    f?.subsetAccuracy
      ? figure(
          f.subsetAccuracy,
          `${contrast.name}-subsets-accuracy`,
          `Subset curves of the ${f.subsetStrategy}; dotted: optimal k.`,
        )
      : '',
    f?.subsetError
      ? figure(
          f.subsetError,
          `${contrast.name}-subsets-error`,
          `Error of the ${f.subsetStrategy} by subset size.`,
        )
      : '',
  ].filter(Boolean);
  if (shown.length > 0) parts.push(`<div class="figures">${shown.join('')}</div>`);
  parts.push('</section>');
  return parts.join('\n');
}

function table(t: StudyTable): string {
  const cell = (v: string, i: number, tag: 'td' | 'th') =>
    `<${tag}${tag === 'td' && i < t.textColumns ? ' class="text"' : ''}>${escapeMarkup(v)}</${tag}>`;
  return `<table><thead><tr>${t.head.map((h, i) => cell(h, i, 'th')).join('')}</tr></thead><tbody>${t.rows
    .map((r) => `<tr>${r.map((v, i) => cell(v, i, 'td')).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function figure(svg: string, name: string, caption: string, wide = false): string {
  const file = `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.svg`;
  const href = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  return `<figure${wide ? ' class="wide"' : ''}>${svg}<figcaption>${escapeMarkup(caption)} <a download="${escapeMarkup(file)}" href="${href}">save SVG</a></figcaption></figure>`;
}
