import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildModelfile, type CreateModelResult, createModel, type ModelfileSpec } from '@emocrowd/models';
import { ollamaCommandError } from '../catalog/ollamaCommandError.js';
import { parseModelParameters } from '../catalog/parseModelParameters.js';
import { resolveOllamaHost } from '../catalog/resolveOllamaHost.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { modelsCreateFlags } from '../commands/modelsCreate.js';

/** What `emocrowd models create` does; its flags and help are in commands/modelsCreate.ts. */
export async function modelsCreateAction({
  flags,
  positionals,
  io,
}: CommandContext<typeof modelsCreateFlags>): Promise<number> {
  if (positionals.length > 0)
    throw usageError(`models create: unexpected argument "${positionals[0]}"; use --name NAME`);
  const name = flags.name?.trim();
  if (!name) throw usageError('models create: needs --name NAME, the name of the new model');
  if (!/^[A-Za-z0-9][A-Za-z0-9._\-/]*(:[A-Za-z0-9._-]+)?$/.test(name))
    throw usageError(
      `models create: --name "${name}" is not a model name (letters, digits, . _ - /, optional :tag)`,
    );
  if ((flags.from === undefined) === (flags.gguf === undefined))
    throw usageError(
      'models create: give exactly one of --from BASE (a model on the server) and --gguf PATH (a local GGUF file)',
    );
  const localFile = (flag: 'gguf' | 'adapter', value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    const path = resolve(io.cwd, value);
    if (!existsSync(path) || !statSync(path).isFile())
      throw usageError(`models create: --${flag} ${value}: no such file`);
    return path;
  };
  const gguf = localFile('gguf', flags.gguf);
  const adapter = localFile('adapter', flags.adapter);
  const parameters = parseModelParameters(flags.parameter);
  const spec: ModelfileSpec = {
    ...(gguf ? { gguf } : { from: flags.from as string }),
    ...(adapter ? { adapter } : {}),
    ...(flags.system !== undefined ? { system: flags.system } : {}),
    ...(flags.template !== undefined ? { template: flags.template } : {}),
    ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
  };
  let modelfile: string;
  try {
    modelfile = buildModelfile(spec);
  } catch (error) {
    throw usageError(`models create: ${(error as Error).message}`);
  }
  if (flags['dry-run']) {
    io.stdout.write(modelfile);
    return 0;
  }
  const modelfilePath = resolve(io.cwd, flags.modelfile ?? `${name.replace(/[/:]/g, '-')}.Modelfile`);
  if (existsSync(modelfilePath) && !flags.force)
    throw usageError(
      `models create: ${modelfilePath} exists; pass --force to overwrite it or --modelfile PATH for another`,
    );

  const host = resolveOllamaHost(flags.host, io.env);
  let result: CreateModelResult;
  try {
    result = await createModel({
      host,
      name,
      ...(gguf ? { ggufPath: gguf } : { from: flags.from as string }),
      ...(adapter ? { adapterPath: adapter } : {}),
      ...(spec.system !== undefined ? { system: spec.system } : {}),
      ...(spec.template !== undefined ? { template: spec.template } : {}),
      ...(spec.parameters ? { parameters: spec.parameters } : {}),
      onProgress: (status) => {
        if (!flags.quiet && !flags.json) io.stderr.write(`${status}\n`);
      },
    });
  } catch (error) {
    throw ollamaCommandError(error, host, 'models create');
  }
  await writeFile(modelfilePath, modelfile, 'utf8');
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify({ name: result.name, host, modelfile: modelfilePath, blobs: result.blobs, statuses: result.statuses }, null, 2)}\n`,
    );
    return 0;
  }
  io.stdout.write(
    `created ${result.name} on ${host}\nModelfile: ${modelfilePath}\ntry it: emocrowd run --model ollama:${result.name} --host ${host}\n`,
  );
  return 0;
}
