import type { Condition, Task } from '@emocrowd/agents';
import type { OpenAICompatibleBackend, ResponseCache } from '@emocrowd/models';
import type { ResponseRecord } from '../events/ResponseRecord.js';
import type { RunDescriptor } from '../events/RunDescriptor.js';
import type { Network } from '../networks/Network.js';
import type { PersonaList } from '../run/PersonaList.js';

/**
 * A run as batch export and import see it: everything `runCrowd` needs to ask exactly the
 * requests an online run asks, with the online adapter whose requests a batch carries.
 */
export interface BatchCrowd {
  descriptor: RunDescriptor;
  task: Task;
  /** The run's crowd (its shard, for a sharded run), in asking order. */
  personas: PersonaList;
  condition: Condition;
  network?: Network;
  /** The answers already in the run directory. */
  completed: readonly ResponseRecord[];
  /** The adapter an online run would send the requests with (`openai:` backend). */
  adapter: OpenAICompatibleBackend;
  /** The run's response cache, when it has one. */
  cache?: ResponseCache;
  /** The run's `--retry-failed`: unparsed answers in the cache are asked again, not served. */
  retryFailed?: boolean;
}
