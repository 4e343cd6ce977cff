import { ChatOllama } from '@langchain/ollama';
import { HumanMessage } from '@langchain/core/messages';
const N = 5000;
let t = process.cpuUsage();
for (let i = 0; i < N; i++) new ChatOllama({ model: 'x', baseUrl: 'http://127.0.0.1:1', maxRetries: 0, seed: i, temperature: 0.8, numPredict: 256, keepAlive: '30m', format: { type: 'object' } });
let u = process.cpuUsage(t); console.log('ctor us/call', ((u.user + u.system) / N).toFixed(1));
