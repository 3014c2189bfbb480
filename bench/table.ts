/** The markdown the bench prints and README carries. */
import type { Machine } from './lib/machine';
import type { MeasurementReport } from './lib/report';

function markdownTable(headers: string[], rows: string[][]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${headers.map(escape).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

export function renderMarkdown(machine: Machine, reports: MeasurementReport[]): string {
  const parts: string[] = [
    markdownTable(
      ['Command', 'Machine', 'Node', 'PostgreSQL', 'Date'],
      [[`\`${machine.command}\``, `${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM, ${machine.os}`, machine.node, machine.postgres, machine.date]],
    ),
    '',
    '### Targets',
    '',
    markdownTable(
      ['Measurement', 'Target', 'Measured', 'Met'],
      reports.flatMap((report) => report.targets.map((t) => [t.label, t.goal, t.actual, t.met ? 'yes' : '**no**'])),
    ),
  ];
  for (const report of reports) {
    parts.push('', `### ${report.title}`, '', markdownTable(report.headers, report.rows));
    if (report.notes.length > 0) parts.push('', ...report.notes.map((note) => `- ${note}`));
  }
  return parts.join('\n');
}
