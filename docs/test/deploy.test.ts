import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OllamaTestServer, startOllamaTestServer } from '@emocrowd/models/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

/**
 * docs/deploy holds what runs emocrowd on a cluster. Its files are checked for what they must
 * contain, and the shard commands of the Kubernetes Job and of the Slurm array script are run for
 * real with the schedulers' variables set (JOB_COMPLETION_INDEX; SLURM_ARRAY_TASK_ID, _MIN,
 * _COUNT), against the Ollama test server standing in for vLLM, followed by their merge step.
 * The image is built only where a docker engine answers.
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DEPLOY = join(REPO, 'docs', 'deploy');
const CLI = join(REPO, 'packages', 'cli', 'src', 'cli.ts');
const read = (path: string): string => readFileSync(join(DEPLOY, path), 'utf8');

interface K8sDoc {
  kind: string;
  metadata: { name: string };
  spec: Record<string, unknown> & {
    template: { spec: { containers: K8sContainer[]; restartPolicy?: string; volumes?: unknown[] } };
  };
}
interface K8sContainer {
  image: string;
  args?: string[];
  command?: string[];
  env?: { name: string; value: string }[];
  ports?: { containerPort: number }[];
  volumeMounts?: { name: string; mountPath: string }[];
}
const manifest = (path: string): K8sDoc[] => parseAllDocuments(read(path)).map((d) => d.toJSON() as K8sDoc);
const envOf = (c: K8sContainer): Record<string, string> => Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value]));

let server: OllamaTestServer;
let scratch = '';
let bin = '';
beforeAll(async () => {
  server = await startOllamaTestServer({ models: ['llama3.2:1b'] });
  scratch = mkdtempSync(join(tmpdir(), 'emocrowd-deploy-'));
  // `emocrowd` on the PATH, as the image has it: the CLI from source.
  bin = join(scratch, 'bin');
  mkdirSync(bin);
  writeFileSync(
    join(bin, 'emocrowd'),
    `#!/bin/sh\nexec "${process.execPath}" --conditions=@emocrowd/source --import tsx "${CLI}" "$@"\n`,
  );
  chmodSync(join(bin, 'emocrowd'), 0o755);
});
afterAll(async () => {
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** The environment of a child: this one without vitest's loader, plus `extra`. */
function env(extra: Record<string, string>): Record<string, string> {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && k !== 'NODE_OPTIONS' && !k.startsWith('SLURM_') && k !== 'JOB_COMPLETION_INDEX') base[k] = v;
  return { ...base, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1', ...extra };
}

/**
 * Runs a command to its end without blocking this process (the test server answering the
 * command lives here: a synchronous spawn would keep it from answering).
 */
function exec(
  command: string,
  args: string[],
  extra: Record<string, string>,
): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO, env: env(extra), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

function shardOf(dir: string): unknown {
  return JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')).descriptor.personas.shard;
}

function merged(dir: string): { answered: number; unparsed: number; failed: number; missing: number } {
  return JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).counts;
}

describe('docs/deploy/Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('builds the CLI with npm ci on Node 20 and runs it as emocrowd, not as root, with runs and cache outside', () => {
    expect(dockerfile).toMatch(/^FROM node:20[\w.-]* AS build$/m);
    expect(dockerfile).toMatch(/^RUN npm ci$/m);
    expect(dockerfile).toMatch(/^RUN npm prune --omit=dev$/m);
    expect(dockerfile).toMatch(/ln -s \/app\/packages\/cli\/bin\/emocrowd\.js \/usr\/local\/bin\/emocrowd/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^VOLUME \["\/runs", "\/cache"\]$/m);
    expect(dockerfile).toMatch(/XDG_CACHE_HOME=\/cache/);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["emocrowd"\]$/m);
    const engines = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).engines.node as string;
    expect(engines).toMatch(/^>=20\./);
  });

  it('copies only what exists, and leaves build output and dependencies out of the context', () => {
    for (const line of dockerfile.split('\n').filter((l) => l.startsWith('COPY ') && !l.includes('--from'))) {
      const sources = line.replace(/^COPY /, '').split(/\s+/).slice(0, -1);
      for (const source of sources) expect(existsSync(join(REPO, source)), `${source} (${line})`).toBe(true);
    }
    const ignored = read('Dockerfile.dockerignore');
    for (const entry of ['**/node_modules', '**/dist', '.git', 'runs']) expect(ignored).toContain(entry);
    expect(existsSync(join(REPO, 'packages', 'cli', 'bin', 'emocrowd.js'))).toBe(true);
  });

  const docker = spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!docker)('builds, and the image answers emocrowd --version (only where a docker engine runs)', () => {
    execFileSync('docker', ['build', '-f', 'docs/deploy/Dockerfile', '-t', 'emocrowd:test', '.'], { cwd: REPO, stdio: 'inherit' });
    const version = execFileSync('docker', ['run', '--rm', 'emocrowd:test', '--version'], { encoding: 'utf8' });
    expect(version).toMatch(/^emocrowd \d/);
  });
});

describe('docs/deploy/k8s', () => {
  const [claim, job] = manifest('k8s/emocrowd-shards.yaml') as [K8sDoc, K8sDoc];
  const [vllm, vllmService] = manifest('k8s/vllm-service.yaml') as [K8sDoc, K8sDoc];
  const [ollama, ollamaService] = manifest('k8s/ollama-service.yaml') as [K8sDoc, K8sDoc];
  const [merge] = manifest('k8s/emocrowd-merge.yaml') as [K8sDoc];
  const container = job.spec.template.spec.containers[0] as K8sContainer;
  const jobEnv = envOf(container);

  it('is an Indexed Job of as many completions as shards, all at once, against the vLLM Service', () => {
    expect(job.kind).toBe('Job');
    expect(job.spec.completionMode).toBe('Indexed');
    expect(job.spec.completions).toBe(Number(jobEnv.SHARDS));
    expect(job.spec.parallelism).toBe(job.spec.completions);
    expect(job.spec.template.spec.restartPolicy).toBe('OnFailure');
    expect(container.image).toBe('emocrowd:0.1.0');
    const script = (container.command ?? []).join(' ');
    expect(script).toContain('--shard auto --shards "$SHARDS"');
    expect(script).toContain('$JOB_COMPLETION_INDEX');
    expect(script).toMatch(/--resume \$dir.*--out \$dir/s);
    // The server the Job asks is the Service the vLLM Deployment sits behind, serving the model it names.
    expect(vllm.kind).toBe('Deployment');
    expect(vllmService.kind).toBe('Service');
    const served = (vllm.spec.template.spec.containers[0]?.args ?? []).find((a) => a.startsWith('--served-model-name='));
    expect(jobEnv.MODEL_SPEC).toBe(`openai:${served?.split('=')[1]}`);
    const port = (vllmService.spec.ports as { port: number }[])[0]?.port;
    expect(jobEnv.SERVER_URL).toBe(`http://${vllmService.metadata.name}:${port}`);
    expect(ollama.kind).toBe('Deployment');
    expect((ollamaService.spec.ports as { port: number }[])[0]?.port).toBe(11434);
    // Shards and the merge share the volume.
    expect(claim.kind).toBe('PersistentVolumeClaim');
    expect(container.volumeMounts).toContainEqual({ name: 'runs', mountPath: '/runs' });
    expect(merge.kind).toBe('Job');
    expect(envOf(merge.spec.template.spec.containers[0] as K8sContainer).RUN_DIR).toBe(jobEnv.RUN_DIR);
  });

  const shardEnv = (runDir: string): Record<string, string> => ({
    ...jobEnv,
    SHARDS: '3',
    PERSONAS: '30',
    MODEL_SPEC: 'openai:llama3.2:1b',
    SERVER_URL: server.url,
    RUN_DIR: runDir,
    CONCURRENCY: '4',
  });

  it('runs each completion index as its shard (index 1 of 3 is --shard 2/3), and the merge joins them', async () => {
    const runDir = join(scratch, 'k8s');
    const script = (container.command ?? []).slice(2).join(' ');
    for (const index of [0, 1, 2]) {
      const out = await exec('/bin/sh', ['-c', script], { ...shardEnv(runDir), JOB_COMPLETION_INDEX: String(index) });
      expect(out.status, out.stderr).toBe(0);
      expect(out.stderr).toContain(`shard ${index + 1}/3 (from JOB_COMPLETION_INDEX=${index} with --shards 3)`);
      expect(shardOf(join(runDir, `shard-${index}`))).toEqual({ index, count: 3 });
    }
    // A restarted pod continues its shard instead of failing on the existing directory.
    const again = await exec('/bin/sh', ['-c', script], { ...shardEnv(runDir), JOB_COMPLETION_INDEX: '1' });
    expect(again.status, again.stderr).toBe(0);
    const mergeScript = (merge.spec.template.spec.containers[0]?.command ?? []).slice(2).join(' ');
    const merging = await exec('/bin/sh', ['-c', mergeScript], { RUN_DIR: runDir });
    expect(merging.status, merging.stderr).toBe(0);
    const counts = merged(join(runDir, 'whole'));
    expect(counts.answered + counts.unparsed + counts.failed).toBe(30);
    expect(counts.missing).toBe(0);
  }, 180_000);
});

describe('docs/deploy/slurm', () => {
  const array = read('slurm/emocrowd-array.sbatch');
  const mergeScript = read('slurm/emocrowd-merge.sbatch');

  it('is valid bash that asks one GPU per array task and starts vLLM or Ollama on it', () => {
    for (const file of ['slurm/emocrowd-array.sbatch', 'slurm/emocrowd-merge.sbatch'])
      expect(spawnSync('bash', ['-n', join(DEPLOY, file)]).status, file).toBe(0);
    expect(array).toMatch(/^#SBATCH --array=0-7$/m);
    expect(array).toMatch(/^#SBATCH --gres=gpu:1$/m);
    expect(array).toMatch(/^set -euo pipefail$/m);
    expect(array).toMatch(/vllm serve "\$MODEL" --port "\$port"/);
    expect(array).toMatch(/ollama serve &/);
    expect(array).toMatch(/trap .*kill "\$server_pid"/);
    expect(array).toMatch(/curl -sf "\$ready"/);
    expect(array).toContain('--shard auto');
    expect(mergeScript).toMatch(/merge "\$RUN_DIR"\/shard-\* --out "\$RUN_DIR\/whole"/);
    expect(array).toContain('sbatch --dependency=afterok:');
  });

  it('runs each array task as its shard counted from SLURM_ARRAY_TASK_MIN (--array=1-3: task 2 is --shard 2/3), and the merge joins them', async () => {
    const runDir = join(scratch, 'slurm');
    const emocrowd = `${process.execPath} --conditions=@emocrowd/source --import tsx ${CLI}`;
    for (const id of [1, 2, 3]) {
      const out = await exec('bash', [join(DEPLOY, 'slurm', 'emocrowd-array.sbatch')], {
        ENGINE: 'external',
        SERVER_URL: server.url,
        MODEL: 'llama3.2:1b',
        PERSONAS: '30',
        CONCURRENCY: '4',
        RUN_DIR: runDir,
        EMOCROWD: emocrowd,
        SLURM_ARRAY_TASK_ID: String(id),
        SLURM_ARRAY_TASK_MIN: '1',
        SLURM_ARRAY_TASK_MAX: '3',
        SLURM_ARRAY_TASK_COUNT: '3',
      });
      expect(out.status, out.stderr).toBe(0);
      expect(out.stderr).toContain(`shard ${id}/3 (from SLURM_ARRAY_TASK_ID=${id} of SLURM_ARRAY_TASK_COUNT=3 from SLURM_ARRAY_TASK_MIN=1)`);
      expect(shardOf(join(runDir, `shard-${id}`))).toEqual({ index: id - 1, count: 3 });
    }
    const merging = await exec('bash', [join(DEPLOY, 'slurm', 'emocrowd-merge.sbatch')], { RUN_DIR: runDir, EMOCROWD: emocrowd });
    expect(merging.status, merging.stderr).toBe(0);
    expect(merged(join(runDir, 'whole')).missing).toBe(0);
  }, 180_000);
});
