import { listModels, type OllamaModelSummary } from '@emocrowd/models';
import { formatBytes } from '../catalog/formatBytes.js';
import { ollamaCommandError } from '../catalog/ollamaCommandError.js';
import { ollamaHostFlag } from '../catalog/ollamaHostFlag.js';
import { resolveOllamaHost } from '../catalog/resolveOllamaHost.js';
import { usageError } from '../command/CliError.js';
import { type CommandDef, defineCommand } from '../command/defineCommand.js';
import { renderTable } from '../output/renderTable.js';

/** `emocrowd models`: the models an Ollama server has; `models show NAME`, `models create`. */
export const modelsCommand = defineCommand({
  meta: {
    name: 'models',
    description:
      'List the models an Ollama server has (name, size, digest, last change). Use a name with emocrowd run --model ollama:NAME.',
    examples: [
      'emocrowd models',
      'emocrowd models --host http://gpu-box:11434 --json',
      'emocrowd models show llama3.2:1b',
      'emocrowd models create --name emollama --from llama3.1:8b --adapter runs/express/lora',
    ],
  },
  flags: {
    ...ollamaHostFlag,
    json: { type: 'boolean', description: 'Print {"host", "models": [...]} on stdout instead of a table.' },
  },
  subCommands: {
    show: async () => (await import('./modelsShow.js')).modelsShowCommand as unknown as CommandDef,
    create: async () => (await import('./modelsCreate.js')).modelsCreateCommand as unknown as CommandDef,
  },
  async run({ flags, positionals, io }) {
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
  },
});

/** "2026-11-22 08:15" from an ISO timestamp (UTC); the input unchanged when it is not a date. */
function formatModified(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t).toISOString().slice(0, 16).replace('T', ' ');
}
