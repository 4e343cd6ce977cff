import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import {
  RUN_FILES,
  type RunInfo,
  type RunRow,
  summaryHumanAnswers,
  type ViewerOptions,
} from '@emocrowd/crowd';
import { reviewInfo, saveReview } from '../conduct/reviewRoutes.js';
import { json, type RouteTable, stream } from './ApiRoute.js';
import type { EventStream } from './EventStream.js';
import { HttpError } from './HttpError.js';
import type { LiveRun, LiveRunSource } from './LiveRun.js';
import { resolveRunDir } from './resolveRunDir.js';
import { parseRunStart } from './runStartSchema.js';
import type { ServedRun, ServeRunStore } from './ServeRunStore.js';
import { streamLiveRun, streamStoredRun } from './streamRun.js';
import { listStudies, studyReportOf } from './studyRoutes.js';

/** What the route handlers share: the store, the runs this server executes, the streams it has open. */
export interface ApiContext {
  runsDir: string;
  store: ServeRunStore;
  env: Readonly<Record<string, string | undefined>>;
  /** The runs this server started, by id. */
  live: ReadonlyMap<string, LiveRun>;
  /** Subscribes to a started run and keeps it among the live runs. */
  adopt(source: LiveRunSource): LiveRun;
  /** The run panel's choices. */
  options(): Promise<ViewerOptions>;
  /** Opens a Server-Sent Events stream that `close()` of the server also ends. */
  openStream(response: ServerResponse): EventStream;
}

/**
 * The route table of `emocrowd serve`'s API: one short handler per route of the contract
 * (`ServeApi`, `ServeStreams` in `@emocrowd/crowd`). Adding a route is one entry in the contract
 * and one here; the build fails while either is missing.
 *
 * @param ctx the store, live runs and server hooks the handlers use.
 * @returns the table.
 */
export function apiRoutes(ctx: ApiContext): RouteTable {
  return {
    'GET /api/options': json(async () => ({ status: 200, body: await ctx.options() })),
    'GET /api/runs': json(async () => ({ status: 200, body: { runs: await runRows(ctx) } })),
    'POST /api/runs': json(async ({ body }) => {
      const request = parseRunStart(body, ctx.env);
      const source = await ctx.store.startRun(request, ctx.runsDir).catch((error: unknown) => {
        throw new HttpError(400, `cannot start the run: ${oneLine(error)}`);
      });
      const run = ctx.adopt(source);
      return { status: 201, body: { runId: run.runId, descriptor: run.descriptor, status: run.status } };
    }),
    'GET /api/runs/:id': json(async ({ params }) => ({ status: 200, body: await runInfo(ctx, params.id) })),
    'GET /api/runs/:id/responses': json(async ({ params }) => {
      const run = ctx.live.get(runDir(ctx, params.id).id);
      run?.flush(); // a live run's answers so far, all of them in the file
      const stored = await readStored(ctx, params.id);
      return { status: 200, body: { runId: params.id, records: stored.records } };
    }),
    'GET /api/runs/:id/human': json(async ({ params }) => {
      const info = await runInfo(ctx, params.id);
      if (!info.summary) return { status: 200, body: { runId: params.id, items: [] } };
      try {
        const items = summaryHumanAnswers(info.summary, info.descriptor.task.id);
        return { status: 200, body: { runId: params.id, items } };
      } catch (error) {
        throw new HttpError(500, `cannot read the human crowd of run ${params.id}: ${oneLine(error)}`);
      }
    }),
    'GET /api/runs/:id/review': json(async ({ params }) => {
      const { dir } = runDir(ctx, params.id);
      return { status: 200, body: reviewInfo(ctx.runsDir, params.id, dir) };
    }),
    'POST /api/runs/:id/review': json(async ({ params, body }) => {
      const { dir } = runDir(ctx, params.id);
      return { status: 200, body: saveReview(ctx.runsDir, params.id, dir, body) };
    }),
    'POST /api/runs/:id/stop': json(async ({ params }) => {
      const run = ctx.live.get(runDir(ctx, params.id).id);
      if (!run) throw new HttpError(404, `run ${params.id} is not running on this server`);
      run.stop();
      return { status: 202, body: { runId: params.id, status: run.status } };
    }),
    'GET /api/studies': json(async () => ({
      status: 200,
      body: { studies: await listStudies(ctx.runsDir) },
    })),
    'GET /api/studies/:id': json(async ({ params }) => ({
      status: 200,
      body: studyReportOf(ctx.runsDir, params.id),
    })),
    'GET /api/runs/:id/events': stream(async ({ params, request, response }) => {
      const run = ctx.live.get(runDir(ctx, params.id).id);
      if (run) return streamLiveRun(run, ctx.openStream(response), request);
      const { dir } = runDir(ctx, params.id);
      await readStored(ctx, params.id, false);
      await streamStoredRun(dir, params.id, ctx.openStream(response));
    }),
  };
}

/** Checks a run id from a URL: a plain directory name inside the store. */
function runDir(ctx: ApiContext, id: string): { id: string; dir: string } {
  const dir = resolveRunDir(ctx.runsDir, id);
  if (dir === undefined) throw new HttpError(400, `not a run id: "${id.slice(0, 80)}"`);
  return { id, dir };
}

/** A stored run (404 when the directory holds none); only checks it is there with `read` false. */
async function readStored(ctx: ApiContext, id: string): Promise<ServedRun>;
async function readStored(ctx: ApiContext, id: string, read: false): Promise<undefined>;
async function readStored(ctx: ApiContext, id: string, read = true): Promise<ServedRun | undefined> {
  const { dir } = runDir(ctx, id);
  try {
    await stat(join(dir, RUN_FILES.manifest));
  } catch {
    throw new HttpError(404, `no run ${id} in ${ctx.runsDir}`);
  }
  return read ? ctx.store.readRun(dir) : undefined;
}

async function runInfo(ctx: ApiContext, id: string): Promise<RunInfo> {
  const run = ctx.live.get(runDir(ctx, id).id);
  if (run && !run.completed) {
    const summary = run.summary();
    return {
      runId: id,
      descriptor: run.descriptor,
      status: run.status,
      live: true,
      ...(summary ? { summary } : {}),
    };
  }
  const stored = await readStored(ctx, id);
  return {
    runId: id,
    descriptor: stored.run.descriptor,
    createdAt: stored.run.createdAt,
    status: run?.status ?? (stored.summary ? 'completed' : 'incomplete'),
    live: false,
    ...(stored.summary ? { summary: stored.summary } : {}),
  };
}

/** The store's runs with the status of those this server runs, and live runs not yet listed first. */
async function runRows(ctx: ApiContext): Promise<RunRow[]> {
  const stored = await ctx.store.listRuns(ctx.runsDir).catch(() => []);
  const rows: RunRow[] = stored.map((row) => {
    const run = ctx.live.get(row.runId);
    return run ? { ...row, status: run.status, live: !run.completed } : { ...row };
  });
  const listed = new Set(rows.map((row) => row.runId));
  const extra = [...ctx.live.values()]
    .filter((run) => !listed.has(run.runId))
    .map(
      (run): RunRow => ({
        runId: run.runId,
        createdAt: run.createdAt,
        task: run.descriptor.task.id,
        model: run.descriptor.model.id,
        personas: run.descriptor.personas.count,
        state: 'incomplete',
        status: run.status,
        live: !run.completed,
      }),
    );
  return [...extra, ...rows];
}

/** The first line of an error's message, at most 500 characters. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? message).slice(0, 500);
}
