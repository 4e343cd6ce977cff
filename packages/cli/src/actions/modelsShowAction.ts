import { type OllamaModelDetails, showModel } from '@emocrowd/models';
import { ollamaCommandError } from '../catalog/ollamaCommandError.js';
import { resolveOllamaHost } from '../catalog/resolveOllamaHost.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { modelsShowFlags } from '../commands/modelsShow.js';

/** What `emocrowd models show` does; its flags and help are in commands/modelsShow.ts. */
export async function modelsShowAction({
  flags,
  positionals,
  io,
}: CommandContext<typeof modelsShowFlags>): Promise<number> {
  const [name, extra] = positionals;
  if (name === undefined) throw usageError('models show: needs a model name (see: emocrowd models)');
  if (extra !== undefined) throw usageError(`models show: unexpected argument "${extra}"; give one model`);
  const host = resolveOllamaHost(flags.host, io.env);
  let details: OllamaModelDetails;
  try {
    details = await showModel(host, name);
  } catch (error) {
    throw ollamaCommandError(error, host, 'models show');
  }
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ host, ...details }, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(renderModelDetails(details, host));
  return 0;
}

function renderModelDetails(d: OllamaModelDetails, host: string): string {
  const contextKey = Object.keys(d.modelInfo).find((k) => k.endsWith('.context_length'));
  const lines = [`${d.name} on ${host}`];
  const row = (label: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') lines.push(`  ${label.padEnd(13)}${value}`);
  };
  row('family', d.family);
  row('parameters', d.parameterSize);
  row('quantization', d.quantization);
  row('capabilities', d.capabilities.join(', '));
  row('context', contextKey === undefined ? undefined : String(d.modelInfo[contextKey]));
  row('system', d.system?.replace(/\s+/g, ' '));
  if (d.parameters.trim() !== '') {
    lines.push('  options');
    for (const line of d.parameters.trim().split('\n')) lines.push(`    ${line.trim()}`);
  }
  if (d.modelfile.trim() !== '') {
    lines.push('', 'Modelfile:', d.modelfile.trimEnd());
  }
  return `${lines.join('\n')}\n`;
}
