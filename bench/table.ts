/** The markdown the bench prints, and docs/performance.md is built from. */
import type { Machine } from './lib/machine';
import type { MeasurementReport } from './lib/report';

export function markdownTable(headers: string[], rows: string[][]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${headers.map(escape).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

export function machineTable(machine: Machine): string {
  return markdownTable(
    ['Command', 'Machine', 'Node', 'PostgreSQL', 'Date'],
    [[`\`${machine.command}\``, `${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM, ${machine.os}`, machine.node, machine.postgres, machine.date]],
  );
}

export function targetsTable(reports: MeasurementReport[]): string {
  return markdownTable(
    ['Measurement', 'Target', 'Measured', 'Met'],
    reports.flatMap((report) => report.targets.map((t) => [t.label, t.goal, t.actual, t.met ? 'yes' : '**no**'])),
  );
}

/** One measurement's table and notes (or the line saying why it was skipped). */
export function reportSection(report: MeasurementReport): string[] {
  if (report.skipped) return [`${report.id}. ${report.skipped}`];
  const parts = [markdownTable(report.headers, report.rows)];
  if (report.notes.length > 0) parts.push('', ...report.notes.map((note) => `- ${note}`));
  return parts;
}

export function renderMarkdown(machine: Machine, reports: MeasurementReport[]): string {
  const parts: string[] = [machineTable(machine), '', '### Targets', '', targetsTable(reports)];
  for (const report of reports) parts.push('', `### ${report.title}`, '', ...reportSection(report));
  return parts.join('\n');
}
