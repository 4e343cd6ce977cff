import { gunzipSync, gzipSync } from 'node:zlib';
import type { EmotionLevel } from '../goemotions/emotionLevel.js';
import type { EmotionClassifierModel } from './EmotionClassifierModel.js';
import type { TextFeatureConfig } from './textFeatures.js';

const MAGIC = 'EMOCLS1\n';

interface HeadHeader {
  level: EmotionLevel;
  labels: string[];
  bias: number[];
  /** Per-class dequantisation scale: weight = int8 * scale. */
  scales: number[];
  thresholds: number[];
  fallback: boolean;
}
interface FileHeader {
  version: 1;
  features: TextFeatureConfig;
  featureCount: number;
  vocabularyBytes: number;
  idfScale: number;
  heads: HeadHeader[];
  info: Record<string, unknown>;
}

/**
 * Serialises a classifier into the compact file shipped in `assets/` (gzip of: magic line,
 * JSON header, newline-joined vocabulary, idf as uint16, weights as int8).
 *
 * Weights are quantised symmetrically per class to int8 (scale = max |w| / 127; Jacob et al.
 * 2018), idf to uint16; both errors are far below what moves a prediction. Decode what you
 * encode before tuning thresholds, so thresholds match the shipped weights.
 *
 * @param model - the model
 * @returns the file's bytes
 */
export function encodeClassifierModel(model: EmotionClassifierModel): Buffer {
  const V = model.vocabulary.length;
  const vocab = Buffer.from(model.vocabulary.join('\n'), 'utf8');
  let maxIdf = 0;
  for (let j = 0; j < V; j++) maxIdf = Math.max(maxIdf, model.idf[j] as number);
  const idfScale = maxIdf / 65535;
  const idf = new Uint16Array(V);
  for (let j = 0; j < V; j++) idf[j] = Math.round((model.idf[j] as number) / idfScale);
  const heads: HeadHeader[] = [];
  const blocks: Buffer[] = [];
  for (const head of model.heads) {
    const K = head.labels.length;
    const scales = new Array<number>(K).fill(0);
    for (let j = 0; j < V; j++) {
      for (let k = 0; k < K; k++)
        scales[k] = Math.max(scales[k] as number, Math.abs(head.weights[j * K + k] as number));
    }
    for (let k = 0; k < K; k++) scales[k] = (scales[k] as number) / 127 || 1;
    const q = new Int8Array(V * K);
    for (let j = 0; j < V; j++) {
      for (let k = 0; k < K; k++)
        q[j * K + k] = Math.round((head.weights[j * K + k] as number) / (scales[k] as number));
    }
    heads.push({
      level: head.level,
      labels: head.labels,
      bias: Array.from(head.bias),
      scales,
      thresholds: head.thresholds,
      fallback: head.fallback,
    });
    blocks.push(Buffer.from(q.buffer, q.byteOffset, q.byteLength));
  }
  const header: FileHeader = {
    version: 1,
    features: model.features,
    featureCount: V,
    vocabularyBytes: vocab.byteLength,
    idfScale,
    heads,
    info: model.info,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.byteLength);
  const idfBytes = Buffer.from(idf.buffer, idf.byteOffset, idf.byteLength);
  return gzipSync(
    Buffer.concat([Buffer.from(MAGIC, 'latin1'), length, headerBytes, vocab, idfBytes, ...blocks]),
    {
      level: 9,
    },
  );
}

/**
 * Reads a classifier file written by `encodeClassifierModel`.
 *
 * @param bytes - the file's bytes
 * @returns the model, with dequantised weights
 * @throws Error when the bytes are not a classifier file
 */
export function decodeClassifierModel(bytes: Uint8Array): EmotionClassifierModel {
  const raw = gunzipSync(bytes);
  if (raw.subarray(0, MAGIC.length).toString('latin1') !== MAGIC)
    throw new Error('not an emocrowd classifier file');
  let off = MAGIC.length;
  const headerLength = raw.readUInt32LE(off);
  off += 4;
  const header = JSON.parse(raw.subarray(off, off + headerLength).toString('utf8')) as FileHeader;
  off += headerLength;
  if (header.version !== 1) throw new Error(`unsupported classifier file version ${String(header.version)}`);
  const V = header.featureCount;
  const vocabulary = raw
    .subarray(off, off + header.vocabularyBytes)
    .toString('utf8')
    .split('\n');
  off += header.vocabularyBytes;
  if (vocabulary.length !== V) throw new Error('corrupt classifier file: vocabulary size mismatch');
  // copy to an aligned buffer (typed-array views need 2-byte alignment); little-endian, as written
  const idfRaw = new Uint16Array(new Uint8Array(raw.subarray(off, off + 2 * V)).buffer);
  const idf = new Float32Array(V);
  for (let j = 0; j < V; j++) idf[j] = (idfRaw[j] as number) * header.idfScale;
  off += 2 * V;
  const heads = header.heads.map((h) => {
    const K = h.labels.length;
    const q = new Int8Array(raw.buffer, raw.byteOffset + off, V * K);
    off += V * K;
    const weights = new Float32Array(V * K);
    const scales = Float32Array.from(h.scales);
    for (let j = 0, i = 0; j < V; j++) {
      for (let k = 0; k < K; k++, i++) weights[i] = (q[i] as number) * (scales[k] as number);
    }
    return {
      level: h.level,
      labels: h.labels,
      weights,
      bias: Float32Array.from(h.bias),
      thresholds: h.thresholds,
      fallback: h.fallback,
    };
  });
  return { version: 1, features: header.features, vocabulary, idf, heads, info: header.info };
}
