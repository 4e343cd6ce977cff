export { startOllamaTestServer } from './OllamaTestServer.js';
export type { OllamaRecordedRequest, OllamaTestServer, OllamaTestServerOptions } from './OllamaTestServer.js';
export { defaultOllamaTestAnswer, sampleForSchema } from './OllamaTestServerAnswer.js';
export type { OllamaTestServerPrompt, OllamaTestServerRespond } from './OllamaTestServerAnswer.js';
export { OLLAMA_FAULT_KINDS, OllamaFaultPlan } from './OllamaTestServerFaults.js';
export type { OllamaFaultKind, OllamaFaultOptions } from './OllamaTestServerFaults.js';
export { FakeModel } from './FakeModel.js';
export type { FakeAnswer, FakeModelOptions } from './FakeModel.js';
export { ManualClock } from '../wrappers/ManualClock.js';
