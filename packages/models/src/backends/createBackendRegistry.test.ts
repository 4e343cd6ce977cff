import { describe, expect, it } from 'vitest';
import { FakeModel } from '../testing/FakeModel.js';
import { type BackendDefinition, type BackendFlag, defineBackend } from './BackendDefinition.js';
import { createBackendRegistry } from './createBackendRegistry.js';

const sharedFlag: BackendFlag = { type: 'string', description: 'A key.', secret: true };

function backend(prefix: string, extra: Partial<BackendDefinition> = {}): BackendDefinition {
  return defineBackend({
    prefix,
    modelName: 'NAME',
    summary: `${prefix} models`,
    example: `${prefix}:m`,
    isLanguageModel: true,
    hosts: {
      kind: 'required',
      normalize: (h) => `http://${h}`,
      env: `${prefix.toUpperCase()}_HOST`,
      example: 'x:1',
    },
    flags: {},
    readiness: 'always',
    create: () => Object.assign(new FakeModel(), { ready: () => Promise.resolve() }),
    ...extra,
  });
}

const local = backend('sim', { modelName: undefined, isLanguageModel: false, hosts: { kind: 'none' } });
const remote = backend('remote', {
  flags: {
    'remote-mode': { type: 'string', choices: ['a', 'b'], default: 'a', description: 'Mode.' },
    key: sharedFlag,
  },
});
const other = backend('other', {
  flags: { key: sharedFlag },
  hosts: { kind: 'optional', normalize: (h) => `https://${h}`, fallback: 'default.example', example: 'x' },
});
const registry = createBackendRegistry([remote, other, local]);

describe('createBackendRegistry', () => {
  it('lists in-process backends first, then by prefix, and words the --model forms from them', () => {
    expect(registry.definitions.map((d) => d.prefix)).toEqual(['sim', 'other', 'remote']);
    expect(registry.forms()).toBe('sim, other:NAME or remote:NAME');
  });

  it('parses PREFIX, PREFIX:NAME and names with colons; refuses the rest naming every form', () => {
    expect(registry.parse('sim')).toMatchObject({ backend: 'sim', model: 'sim' });
    expect(registry.parse(' remote:llama3.1:8b ')).toMatchObject({ backend: 'remote', model: 'llama3.1:8b' });
    for (const bad of ['', 'remote', 'remote:', 'nope:x', 'sim:x', ':x']) {
      const error = (() => {
        try {
          registry.parse(bad);
        } catch (e) {
          return e as Error;
        }
        return undefined;
      })();
      expect(error?.message, bad).toBe(
        `--model "${bad}" is not a model: use sim, other:NAME or remote:NAME (e.g. other:m, remote:m)`,
      );
    }
  });

  it('takes the prefix alone for a backend whose model name is optional', () => {
    const optional = backend('opt', { modelOptional: true, modelName: 'VARIANT' });
    const r = createBackendRegistry([optional]);
    expect(r.forms()).toBe('opt');
    expect(r.parse('opt')).toMatchObject({ backend: 'opt', model: 'opt' });
    expect(r.parse('opt:fast')).toMatchObject({ backend: 'opt', model: 'fast' });
  });

  it('runs a backend model check', () => {
    const checked = createBackendRegistry([
      backend('strict', {
        checkModel: (m) => {
          if (!m.includes('/')) throw new Error(`"${m}" needs a provider`);
        },
      }),
    ]);
    expect(() => checked.parse('strict:x')).toThrow('"x" needs a provider');
    expect(checked.parse('strict:a/b').model).toBe('a/b');
  });

  it('merges the flags, a shared flag once; two different flags of one name are refused', () => {
    expect(Object.keys(registry.flags())).toEqual(['key', 'remote-mode']);
    expect(() =>
      createBackendRegistry([remote, backend('clash', { flags: { key: { ...sharedFlag } } })]),
    ).toThrow('--key twice');
    expect(() => createBackendRegistry([remote, backend('remote')])).toThrow('two backends have the prefix');
    expect(() => createBackendRegistry([backend('Bad')])).toThrow('lowercase');
  });

  it('applies flag defaults and refuses a flag of another backend, naming who takes it', () => {
    expect(registry.settings(remote, { key: 'k' })).toEqual({ 'remote-mode': 'a', key: 'k' });
    expect(registry.settings(remote, { 'remote-mode': 'b', key: undefined })).toEqual({
      'remote-mode': 'b',
      key: undefined,
    });
    expect(() => registry.settings(other, { 'remote-mode': 'b' })).toThrow(
      '--remote-mode applies to remote: models, not other:NAME; drop it or pick such a model',
    );
    expect(() => registry.settings(local, { key: 'k' })).toThrow(
      '--key applies to other:, remote: models, not sim',
    );
  });

  it('resolves servers per backend: --host, else its variable, else its fallback; refuses what does not fit', () => {
    expect(registry.hosts(remote, ['a:1', ' b:2 '], {})).toEqual(['http://a:1', 'http://b:2']);
    expect(registry.hosts(remote, [], { REMOTE_HOST: 'env:3' })).toEqual(['http://env:3']);
    expect(() => registry.hosts(remote, [], {})).toThrow(
      '--model remote:NAME needs --host URL (e.g. --host x:1) or REMOTE_HOST',
    );
    expect(registry.hosts(other, [], {})).toEqual(['https://default.example']);
    expect(registry.hosts(local, [], {})).toEqual([undefined]);
    expect(() => registry.hosts(local, ['x:1'], {})).toThrow('--host does not apply to --model sim');
    const own = backend('own', { hosts: { kind: 'optional', normalize: (h) => h, example: 'x' } });
    expect(createBackendRegistry([own]).hosts(own, [], {})).toEqual([undefined]);
  });
});
