import * as batchesApi from './batchesApiHandlers.js';
import * as filesApi from './filesApiHandlers.js';
import * as ollamaApi from './ollamaApiHandlers.js';
import * as openAi from './openAiHandlers.js';
import type { Route } from './TestServerContext.js';

/**
 * The test server's routing table, one line per endpoint. A new endpoint is a handler (a
 * `RouteHandler`, in its own file when it is a new API) and one line here; the first matching
 * line wins, and a request no line matches gets Ollama's "404 page not found".
 */
export const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/', handler: ollamaApi.root },
  { method: 'HEAD', path: '/', handler: ollamaApi.root },
  { method: 'GET', path: '/api/version', handler: ollamaApi.version },
  { method: 'GET', path: '/api/tags', handler: ollamaApi.tags },
  { method: 'GET', path: '/api/ps', handler: ollamaApi.ps },
  { method: 'POST', path: '/api/show', handler: ollamaApi.show },
  { method: 'DELETE', path: '/api/delete', handler: ollamaApi.remove },
  { method: 'POST', path: '/api/create', handler: ollamaApi.create },
  { method: 'HEAD', path: /^\/api\/blobs\/([^/]+)$/, handler: ollamaApi.blobExists },
  { method: 'POST', path: /^\/api\/blobs\/([^/]+)$/, handler: ollamaApi.uploadBlob, body: 'raw' },
  { method: 'POST', path: '/api/chat', handler: ollamaApi.chat },
  { method: 'POST', path: '/api/generate', handler: ollamaApi.generate },
  { method: 'POST', path: '/v1/chat/completions', handler: openAi.chatCompletions },
  { method: 'GET', path: '/v1/models', handler: openAi.models },
  { method: 'POST', path: '/v1/files', handler: filesApi.uploadFile, body: 'raw' },
  { method: 'GET', path: '/v1/files', handler: filesApi.listFiles },
  { method: 'GET', path: /^\/v1\/files\/([^/]+)$/, handler: filesApi.getFile },
  { method: 'GET', path: /^\/v1\/files\/([^/]+)\/content$/, handler: filesApi.getFileContent },
  { method: 'DELETE', path: /^\/v1\/files\/([^/]+)$/, handler: filesApi.deleteFile },
  { method: 'POST', path: '/v1/batches', handler: batchesApi.createBatch },
  { method: 'GET', path: '/v1/batches', handler: batchesApi.listBatches },
  { method: 'GET', path: /^\/v1\/batches\/([^/]+)$/, handler: batchesApi.getBatch },
  { method: 'POST', path: /^\/v1\/batches\/([^/]+)\/cancel$/, handler: batchesApi.cancelBatch },
];
