import { listModels, type OllamaModelSummary } from '@emocrowd/models';
import { formatBytes } from '../catalog/formatBytes.js';
import { ollamaCommandError } from '../catalog/ollamaCommandError.js';
import { resolveOllamaHost } from '../catalog/resolveOllamaHost.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { modelsFlags } from '../commands/models.js';
import { renderTable } from '../output/renderTable.js';

/** What `emocrowd models` does; its flags and help are in commands/models.ts. */
export async function modelsAction({
  flags,
  positionals,
  io,
}: CommandContext<typeof modelsFlags>): Promise<number> {
  if (positionals.length > 0)
    throw usageError(
      `models: unknown command "${positionals[0]}"; one of: show, create (see: emocrowd models --help)`,
    );
  const host = resolveOllamaHost(flags.host, io.env);
  let models: OllamaModelSummary[];
  try {
    models = await listModels(host);
  } catch (error) {
    throw ollamaCommandError(error, host, 'models');
  }
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ host, models }, null, 2)}\n`);
    return 0;
  }
  if (models.length === 0) {
    io.stdout.write(`no models on ${host}; pull one with: ollama pull llama3.2:1b\n`);
    return 0;
  }
  const rows = models.map((m) => [
    m.name,
    formatBytes(m.size),
    m.digest.replace(/^sha256:/, '').slice(0, 12),
    formatModified(m.modifiedAt),
    [m.parameterSize, m.quantization].filter(Boolean).join(' '),
  ]);
  io.stdout.write(`models on ${host}:\n\n`);
  io.stdout.write(
    renderTable(
      [
        { header: 'name' },
        { header: 'size', align: 'right' },
        { header: 'digest' },
        { header: 'modified (UTC)' },
        { header: 'parameters' },
      ],
      rows,
    ),
  );
  return 0;
}

/** "2026-11-22 08:15" from an ISO timestamp (UTC); the input unchanged when it is not a date. */
function formatModified(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t).toISOString().slice(0, 16).replace('T', ' ');
}
