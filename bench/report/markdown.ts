/** docs/performance.md, built from results.json: never edited by hand. */
import { MEASUREMENT_IDS } from '../lib/report';
import { machineTable, reportSection, targetsTable } from '../table';
import { DESCRIPTIONS } from './descriptions';
import type { Figure } from './figures';
import type { Results } from './index';

export function performanceMarkdown(results: Results, figures: Figure[], chartsFolder: string): string {
  const { machine, plan, reports } = results;
  const ran = new Set(reports.map((report) => report.id));
  const missing = MEASUREMENT_IDS.filter((id) => !ran.has(id));
  const parts: string[] = [
    '<!-- Generated from bench/results.json by bench/report (npm run bench:report). Do not edit: run the bench again. -->',
    '',
    '# Performance',
    '',
    'What `npm run bench` measured in its last run, written by the bench itself from `bench/results.json`. ' +
      'Every Bellhop figure sits beside a baseline measured in the same run on the same machine. ' +
      'Targets are reported, never enforced; no test times anything.',
    '',
  ];
  if (plan.quick) {
    parts.push('> This is a `--quick` run: few samples and short cells, to check that the bench works. Its numbers are not for comparison.', '');
  }
  if (missing.length > 0) parts.push(`> Not in this run: ${missing.join(', ')}.`, '');
  parts.push('## The run', '', machineTable(machine), '', '## Targets', '', targetsTable(reports));
  for (const report of reports) {
    parts.push('', `## ${report.title}`, '', DESCRIPTIONS[report.id], '', ...reportSection(report));
    for (const figure of figures.filter((f) => f.measurement === report.id)) {
      parts.push('', `![${figure.caption}](${chartsFolder}/${figure.file})`);
    }
  }
  return `${parts.join('\n')}\n`;
}
