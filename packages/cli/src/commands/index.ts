import type { CommandDef } from '../command/defineCommand.js';

/**
 * Every top-level command. A command is two files: its definition here in `commands/` (meta and
 * flags, importing no third-party package; `index.test.ts` checks that) and its action in
 * `actions/`, imported by the definition's `run` only when the command runs. So `emocrowd --help`
 * reads every definition, and `emocrowd run --help` one, without loading rxjs, LangChain, the
 * ollama client or SQLite.
 */
export const commands: Readonly<Record<string, () => Promise<CommandDef>>> = {
  run: async () => (await import('./run.js')).runCommand as unknown as CommandDef,
  analyze: async () => (await import('./analyze.js')).analyzeCommand as unknown as CommandDef,
  compare: async () => (await import('./compare.js')).compareCommand as unknown as CommandDef,
  export: async () => (await import('./export.js')).exportCommand as unknown as CommandDef,
  merge: async () => (await import('./merge.js')).mergeCommand as unknown as CommandDef,
  batch: async () => (await import('./batch.js')).batchCommand as unknown as CommandDef,
  tasks: async () => (await import('./tasks.js')).tasksCommand as unknown as CommandDef,
  personas: async () => (await import('./personas.js')).personasCommand as unknown as CommandDef,
  models: async () => (await import('./models.js')).modelsCommand as unknown as CommandDef,
  finetune: async () => (await import('./finetune.js')).finetuneCommand as unknown as CommandDef,
  eval: async () => (await import('./eval.js')).evalCommand as unknown as CommandDef,
  conduct: async () => (await import('./conduct.js')).conductCommand as unknown as CommandDef,
  emotions: async () => (await import('./emotions.js')).emotionsCommand as unknown as CommandDef,
  study: async () => (await import('./study.js')).studyCommand as unknown as CommandDef,
  serve: async () => (await import('./serve.js')).serveCommand as unknown as CommandDef,
};
