import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelError, type ModelRequest, SyntheticModel } from '@emocrowd/models';
import { FakeModel } from '@emocrowd/models/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { PersonaAgent } from '../agent/PersonaAgent.js';
import { createEmotionState } from '../emotion/EmotionState.js';
import { DefinitionFileError } from '../file/DefinitionFileError.js';
import { createPersonaListSpace } from '../persona/PersonaSpace.js';
import { getTask } from '../task/builtInTasks.js';
import type { EstimationTask } from '../task/EstimationTask.js';
import { buildJudgePrompt, judgeSchema, renderExamples } from './buildJudgePrompt.js';
import type { CodeOfConduct } from './CodeOfConduct.js';
import { ConductAgent } from './ConductAgent.js';
import { DEFAULT_CODE_OF_CONDUCT, DEFAULT_REVISION_TEMPLATE } from './defaultCodeOfConduct.js';
import { fillPromptTemplate, promptTemplateProblem } from './fillPromptTemplate.js';
import { heuristicJudge } from './heuristicJudge.js';
import { codeOfConductFromDocument, loadCodeOfConduct } from './loadCodeOfConduct.js';
import { readJudgement } from './readJudgement.js';

const dir = mkdtempSync(join(tmpdir(), 'emocrowd-conduct-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CODE = DEFAULT_CODE_OF_CONDUCT;
const task = getTask('fargo-seattle') as EstimationTask;

const messageOf = (document: unknown): string => {
  try {
    codeOfConductFromDocument('code.yaml', document);
  } catch (error) {
    expect(error).toBeInstanceOf(DefinitionFileError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error('expected an error');
};

describe('the default code of conduct', () => {
  it('ships the two sourced pairs of the wheel and marks what emocrowd added', () => {
    const pairs = CODE.virtues.map((v) => [v.virtue, ...v.between]);
    expect(pairs).toEqual([
      ['patience', 'wrath', 'docility'],
      ['self-respect', 'pride', 'insecurity'],
      ['truthfulness', 'boastfulness', 'mock modesty'],
      ['courage', 'rashness', 'cowardice'],
    ]);
    for (const v of CODE.virtues.slice(0, 2)) expect(v.source).toMatch(/^Chang 2024/);
    for (const v of CODE.virtues.slice(2)) expect(v.source).toMatch(/emocrowd's own choice/);
    // and is a valid code by its own rules
    expect(codeOfConductFromDocument('default', JSON.parse(JSON.stringify(CODE)))).toEqual(CODE);
  });
});

describe('code of conduct files', () => {
  const minimal = { virtues: [{ virtue: 'patience', between: ['wrath', 'docility'], description: 'Calm.' }] };

  it('reads a YAML file, naming the code after the file', () => {
    const file = join(dir, 'calm.yaml');
    writeFileSync(
      file,
      `virtues:
  - virtue: patience
    between: [wrath, docility]
    description: Calm.
    cues: { wrath: [ugh] }
    examples: [{ text: "Ugh, 1,000.", verdict: wrath }]
examples:
  - { text: "About 1,200 from the map.", verdict: ok, note: careful }
judgePrompt: "Judge {answer} by {code}, reply {{\\"verdict\\": ...}}"
`,
    );
    const code = loadCodeOfConduct(file);
    expect(code.name).toBe('calm');
    expect(code.virtues[0]?.cues).toEqual({ wrath: ['ugh'] });
    expect(code.examples).toEqual([{ text: 'About 1,200 from the map.', verdict: 'ok', note: 'careful' }]);
  });

  it('refuses what the schema cannot see, one line naming the path', () => {
    expect(messageOf({ virtues: [] })).toBe('code.yaml: virtues: expected at least one virtue');
    expect(
      messageOf({
        virtues: [...minimal.virtues, { virtue: 'calm', between: ['wrath', 'apathy'], description: 'x' }],
      }),
    ).toBe('code.yaml: virtues[1].between[0]: "wrath" is already a vice of patience');
    expect(messageOf({ virtues: [{ virtue: 'ok', between: ['a-b', 'c-d'], description: 'x' }] })).toBe(
      'code.yaml: virtues[0].virtue: "ok" is already reserved for answers that keep to the code',
    );
    expect(messageOf({ virtues: [{ ...minimal.virtues[0], cues: { anger: ['ugh'] } }] })).toBe(
      "code.yaml: virtues[0].cues.anger: expected one of patience's vices (wrath, docility)",
    );
    expect(messageOf({ ...minimal, examples: [{ text: 'x', verdict: 'patience' }] })).toBe(
      'code.yaml: examples[0].verdict: expected one of ok, wrath, docility, got "patience"',
    );
    expect(messageOf({ ...minimal, judgePrompt: 'Judge {answr}' })).toBe(
      'code.yaml: judgePrompt: unknown placeholder {answr}; the placeholders are {code}, {examples}, {vices}, {question}, {answer}, {estimate}',
    );
    expect(messageOf({ ...minimal, judgePrompt: 'Judge {code}' })).toBe(
      'code.yaml: judgePrompt: the template must use {answer}',
    );
    expect(messageOf({ ...minimal, revisionPrompt: 'Again {note} {"x": 1}' })).toBe(
      'code.yaml: revisionPrompt: a "{" at character 14 opens no {placeholder}; write {{ for a literal brace',
    );
    expect(
      messageOf({ ...minimal, virtues: [{ ...minimal.virtues[0], between: ['Wrath', 'docility'] }] }),
    ).toBe('code.yaml: virtues[0].between[0]: expected a lower-case name (letters, spaces, hyphens)');
  });
});

describe('prompt templates', () => {
  it('fill placeholders and keep doubled braces as braces', () => {
    expect(fillPromptTemplate('{a} and {{b}} {a}', { a: 'x' })).toBe('x and {b} x');
    expect(() => fillPromptTemplate('{a}', {})).toThrow(/no value for the placeholder \{a\}/);
    expect(promptTemplateProblem('ok }', ['a'], [])).toMatch(/a "}" at character 4 closes nothing/);
  });
});

describe('the judge prompt', () => {
  it('lists the code, the examples, the question and the answer', () => {
    const code: CodeOfConduct = {
      ...CODE,
      examples: [{ text: 'Ugh, obviously 1,000.', verdict: 'wrath', note: 'contempt for the question' }],
    };
    const [message] = buildJudgePrompt(code, {
      question: 'How far?',
      answer: 'I looked at a map.',
      estimate: 1200,
    });
    expect(message?.role).toBe('user');
    const content = message?.content ?? '';
    expect(content).toContain(
      '- patience, between wrath and docility: Meets the question calmly: neither hostile or contemptuous toward it (wrath)',
    );
    expect(content).toContain(
      'Examples judged before:\n- "Ugh, obviously 1,000." -> violation of patience (wrath): contempt for the question\n\nQuestion: How far?\nAnswer: I looked at a map.',
    );
    expect(content).toContain(
      '({vices})'.replace(
        '{vices}',
        'wrath, docility, pride, insecurity, boastfulness, mock modesty, rashness, cowardice',
      ),
    );
    expect(content).toContain('Reply with JSON only: {"verdict": "ok" or "violation"');
    expect(renderExamples(CODE)).toBe('');
    const custom = buildJudgePrompt(
      { ...CODE, judgePrompt: 'Q={question} A={answer} E={estimate}' },
      { question: 'q', answer: 'a' },
    );
    expect(custom[0]?.content).toBe('Q=q A=a E=none');
    expect(judgeSchema(CODE)).toMatchObject({
      properties: {
        verdict: { enum: ['ok', 'violation'] },
        vice: { enum: expect.arrayContaining(['wrath', 'none']) },
      },
    });
  });
});

describe('readJudgement', () => {
  const response = (text: string, structured?: unknown) => ({
    text,
    ...(structured === undefined ? {} : { structured }),
    usage: { promptTokens: 0, completionTokens: 0 },
    latencyMs: 0,
    cached: false,
    model: 'm',
  });
  it('reads structured and text verdicts, trusting the vice over the virtue', () => {
    expect(
      readJudgement(response('', { verdict: 'ok', virtue: 'none', vice: 'none', note: '' }), CODE),
    ).toEqual({
      verdict: 'ok',
      note: '',
    });
    expect(
      readJudgement(
        response(
          'Sure: {"verdict": "Violation", "virtue": "courage", "vice": "wrath", "note": "Calm down."}',
        ),
        CODE,
      ),
    ).toEqual({ verdict: 'violation', virtue: 'patience', vice: 'wrath', note: 'Calm down.' });
    expect(
      readJudgement(response('', { verdict: 'violation', virtue: 'courage', vice: 'none' }), CODE),
    ).toEqual({
      verdict: 'violation',
      virtue: 'courage',
      note: 'The reasoning shows a vice of the code.',
    });
    expect(readJudgement(response('Looks fine to me.'), CODE)).toEqual({
      unreadable: 'the judge gave no JSON object',
    });
    expect(readJudgement(response('{"verdict": "maybe"}'), CODE)).toEqual({
      unreadable: 'the judge\'s verdict is not "ok" or "violation" ("maybe")',
    });
  });
});

describe('heuristicJudge', () => {
  it('finds the vices of the synthetic model’s reasoning by their cue words', () => {
    const verdict = (text: string) => {
      const j = heuristicJudge(text, CODE);
      return j.verdict === 'ok' ? 'ok' : j.vice;
    };
    expect(verdict('Annoyed, I just went with the obvious figure.')).toBe('wrath');
    expect(verdict('Nervously, I assumed it is farther than it looks.')).toBe('insecurity');
    expect(verdict('Surprised by the question, I guessed quickly.')).toBe('rashness');
    expect(verdict('Put off by it, I did not think long.')).toBe('rashness');
    expect(verdict('Feeling upbeat, I pictured a long but pleasant trip.')).toBe('ok');
    expect(verdict('A rough estimate from general knowledge.')).toBe('ok');
  });

  it('takes the longest cue, skips negated ones, and breaks ties by code order', () => {
    expect(heuristicJudge('Whatever you say, 1,000.', CODE).vice).toBe('docility');
    expect(heuristicJudge('I am not annoyed at all.', CODE).verdict).toBe('ok');
    // one wrath cue, one pride cue: patience comes first in the code
    expect(heuristicJudge('Ugh, obviously.', CODE).vice).toBe('wrath');
    // two insecurity cues beat one wrath cue
    expect(heuristicJudge('Ugh, I am nervous and scared.', CODE)).toMatchObject({
      vice: 'insecurity',
      virtue: 'self-respect',
      note: 'The reasoning reads as insecurity ("nervous", "scared"), where self-respect lies between pride and insecurity.',
    });
  });
});

describe('ConductAgent', () => {
  const [angry] = createPersonaListSpace('t', [
    { emotion: createEmotionState('anger'), attributes: {} },
  ]).iterate();
  const ctx = { runSeed: 7, replicate: 0, round: 0 };
  const json = (estimate: number, reasoning: string) =>
    JSON.stringify({ estimate, confidence: 0.5, reasoning });

  it('judges with a model, revises a violation once, and keeps both answers', async () => {
    const persona = new FakeModel({
      answers: (request: ModelRequest) =>
        request.messages.length > 2
          ? {
              text: json(1150, 'Calmly: the map says about that.'),
              usage: { promptTokens: 60, completionTokens: 12 },
            }
          : { text: json(900, 'Ugh, whatever.'), usage: { promptTokens: 40, completionTokens: 10 } },
    });
    const judge = new FakeModel({
      answers: [
        {
          text: JSON.stringify({
            verdict: 'violation',
            virtue: 'patience',
            vice: 'wrath',
            note: 'Drop the contempt.',
          }),
          usage: { promptTokens: 200, completionTokens: 30 },
        },
      ],
      model: 'judge',
    });
    const agent = new ConductAgent({ agent: new PersonaAgent({ backend: persona }), code: CODE, judge });
    const answer = await agent.answer(angry as never, task, ctx);
    expect(answer.estimate).toBe(1150);
    expect(answer.conduct).toMatchObject({
      verdict: 'violation',
      virtue: 'patience',
      vice: 'wrath',
      note: 'Drop the contempt.',
      judge: 'fake:judge',
      revised: true,
      original: {
        status: 'ok',
        estimate: 900,
        confidence: 0.5,
        tokens: { prompt: 40, completion: 10 },
        cached: false,
      },
      revision: { status: 'ok', cached: false, tokens: { prompt: 60, completion: 12 } },
      judgeTokens: { prompt: 200, completion: 30 },
      judgeCached: false,
    });
    // Every call's tokens are kept: the answer's own are the revision's.
    expect(answer.tokens).toEqual({ prompt: 60, completion: 12 });
    const [judged] = judge.requests;
    expect(judged?.options).toEqual({ seed: 7, temperature: 0, maxTokens: 256 });
    expect(judged?.schema).toEqual(judgeSchema(CODE));
    expect(judged?.messages[0]?.content).toContain('Answer: Ugh, whatever.');
    const revision = persona.requests[1] as ModelRequest;
    expect(revision.messages.slice(-2)).toEqual([
      { role: 'assistant', content: json(900, 'Ugh, whatever.') },
      {
        role: 'user',
        content: fillPromptTemplate(DEFAULT_REVISION_TEMPLATE, {
          note: 'Drop the contempt.',
          virtue: 'patience',
          vice: 'wrath',
          between: 'wrath and docility',
        }),
      },
    ]);
    expect(revision.hints?.previousEstimate).toBe(900);
    expect(revision.options?.seed).toBe(persona.requests[0]?.options?.seed);
  });

  it('leaves ok answers, unjudged answers and failed revisions as they were', async () => {
    const persona = new FakeModel({ answers: [json(900, 'From the map.')] });
    const ok = new ConductAgent({
      agent: new PersonaAgent({ backend: persona }),
      code: CODE,
      judge: new FakeModel({ answers: ['{"verdict": "ok", "virtue": "none", "vice": "none", "note": ""}'] }),
    });
    expect((await ok.answer(angry as never, task, ctx)).conduct).toEqual({
      verdict: 'ok',
      judge: 'fake',
      judgeRaw: '{"verdict": "ok", "virtue": "none", "vice": "none", "note": ""}',
      judgeCached: false,
      judgeTokens: { prompt: 0, completion: 0 },
      revised: false,
    });
    const broken = new ConductAgent({
      agent: new PersonaAgent({ backend: new FakeModel({ answers: [json(900, 'From the map.')] }) }),
      code: CODE,
      judge: new FakeModel({ answers: [new ModelError('server', 'judge down')] }),
    });
    expect((await broken.answer(angry as never, task, ctx)).conduct).toMatchObject({
      verdict: 'unjudged',
      reason: "the judge's call failed: judge down",
      revised: false,
    });
    const stubborn = new ConductAgent({
      agent: new PersonaAgent({
        backend: new FakeModel({ answers: [json(900, 'From the map.'), 'I will not answer again.'] }),
      }),
      code: CODE,
      judge: new FakeModel({ answers: ['{"verdict": "violation", "vice": "pride", "note": "Less smug."}'] }),
    });
    const kept = await stubborn.answer(angry as never, task, ctx);
    expect(kept.estimate).toBe(900);
    expect(kept.conduct).toMatchObject({
      revised: false,
      revision: { status: 'unparsed' },
      original: { estimate: 900 },
    });
    const unparsed = await new ConductAgent({
      agent: new PersonaAgent({ backend: new FakeModel({ answers: ['no idea'] }) }),
      code: CODE,
      judge: new FakeModel(),
    }).answer(angry as never, task, ctx);
    expect(unparsed.status).toBe('unparsed');
    expect(unparsed.conduct).toBeUndefined();
  });

  it('judges heuristically on the built-in model, whose revision keeps the answer up to revision noise', async () => {
    const synthetic = new SyntheticModel({ parameters: { refusalRate: 0 } });
    const agent = new ConductAgent({
      agent: new PersonaAgent({ backend: synthetic, condition: 'emotion' }),
      code: CODE,
      judge: synthetic,
    });
    let flagged = 0;
    for (let seed = 0; seed < 20; seed++) {
      const answer = await agent.answer(angry as never, task, { ...ctx, runSeed: seed });
      expect(answer.conduct?.judge).toBe('synthetic');
      expect(answer.conduct?.judgeRaw).toBeUndefined();
      if (answer.conduct?.verdict !== 'violation') continue;
      flagged++;
      expect(answer.conduct.vice).toBe('wrath');
      const before = answer.conduct.original?.estimate as number;
      // ln(revision) = ln(first) + 0.05 z before rounding: within a factor of e^0.25 (5 sd) and rounding
      expect(Math.abs(Math.log((answer.estimate as number) / before))).toBeLessThan(0.35);
    }
    // every reasoning sentence of the anger register carries a wrath cue
    expect(flagged).toBe(20);
  });
});
