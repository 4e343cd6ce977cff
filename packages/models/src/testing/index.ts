export { ManualClock } from '../wrappers/ManualClock.js';
export type { FakeAnswer, FakeModelOptions } from './FakeModel.js';
export { FakeModel } from './FakeModel.js';
export type { OllamaRecordedRequest, OllamaTestServer, OllamaTestServerOptions } from './OllamaTestServer.js';
export { startOllamaTestServer } from './OllamaTestServer.js';
export type { OllamaTestServerPrompt, OllamaTestServerRespond } from './OllamaTestServerAnswer.js';
export { defaultOllamaTestAnswer, sampleForSchema } from './OllamaTestServerAnswer.js';
export type { OllamaFaultKind, OllamaFaultOptions } from './OllamaTestServerFaults.js';
export { OLLAMA_FAULT_KINDS, OllamaFaultPlan } from './OllamaTestServerFaults.js';
