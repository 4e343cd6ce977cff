export type {
  BackendAdapter,
  BackendContext,
  BackendDefinition,
  BackendFlag,
  BackendSetting,
  BackendSettings,
  HostPolicy,
  ListedModel,
} from './backends/BackendDefinition.js';
export { defineBackend } from './backends/BackendDefinition.js';
export { backendRegistry } from './backends/backendRegistry.js';
export type { BackendRegistry, ModelSpec, ResolvedModelSpec } from './backends/createBackendRegistry.js';
export { createBackendRegistry, modelSpecForm } from './backends/createBackendRegistry.js';
export type { BatchApiClientOptions, CreateBatchParams, ListPage } from './batch/BatchApiClient.js';
export { BatchApiClient } from './batch/BatchApiClient.js';
export type { BatchFileLimits, BatchFilePart } from './batch/BatchFileWriter.js';
export { BatchFileWriter, OPENAI_BATCH_LIMITS } from './batch/BatchFileWriter.js';
export type { BatchFile, BatchJob, BatchJobError, BatchStatus } from './batch/BatchJob.js';
export { FINAL_BATCH_STATUSES } from './batch/BatchJob.js';
export type { BatchCapture, CapturedRequest } from './batch/batchCaptureBackend.js';
export { batchCaptureBackend } from './batch/batchCaptureBackend.js';
export type { BatchOutput } from './batch/batchOutputLine.js';
export { decodeBatchOutputLine } from './batch/batchOutputLine.js';
export type { BatchAnswer, BatchReplayOptions } from './batch/batchReplayBackend.js';
export { BATCH_NOT_ANSWERED, batchReplayBackend } from './batch/batchReplayBackend.js';
export type { BatchRequestLine } from './batch/batchRequestLine.js';
export { BATCH_CHAT_URL, encodeBatchRequestLine } from './batch/batchRequestLine.js';
export { requestDigest } from './batch/requestDigest.js';
export { canonicalJson } from './cache/canonicalJson.js';
export { defaultCachePath } from './cache/defaultCachePath.js';
export { keyFor, legacyKeyFor } from './cache/keyFor.js';
export type { CacheEntry, CacheLookupOptions, CacheStats, CacheStatus } from './cache/ResponseCache.js';
export { ResponseCache } from './cache/ResponseCache.js';
export type { CachedBackend, WithCacheOptions } from './cache/withCache.js';
export { withCache } from './cache/withCache.js';
export type { BackendStack, BackendStackOptions } from './createBackendStack.js';
export { createBackendStack } from './createBackendStack.js';
export type {
  BuildTrainingDataOptions,
  MultiLabelPolicy,
  TrainingData,
  TrainingObjective,
} from './finetune/buildTrainingData.js';
export { buildTrainingData, expressSystemPrompt } from './finetune/buildTrainingData.js';
export { parseJsonl, readJsonl, toJsonl, writeJsonl } from './finetune/jsonl.js';
export { MASK_NAMES, MASK_RELIGIONS, replaceMasks } from './finetune/replaceMasks.js';
export type {
  AlpacaRecord,
  ChatRecord,
  TrainingFormat,
  TrainingRecord,
} from './finetune/trainingRecordSchemas.js';
export {
  AlpacaRecordSchema,
  ChatRecordSchema,
  validateTrainingRecords,
} from './finetune/trainingRecordSchemas.js';
export { EKMAN_GROUPS, SENTIMENT_GROUPS } from './goemotions/emotionGroups.js';
export type { EmotionLevel } from './goemotions/emotionLevel.js';
export { EMOTION_LEVELS, labelsForLevel, mapToLevel } from './goemotions/emotionLevel.js';
export type { GoEmotionsLabel } from './goemotions/goEmotionsLabels.js';
export { GOEMOTIONS_LABELS, goEmotionsLabelId, goEmotionsLabelName } from './goemotions/goEmotionsLabels.js';
export type { GoEmotionsRow, GoEmotionsSplit } from './goemotions/readGoEmotions.js';
export { parseGoEmotionsTsv, readGoEmotions, unquoteCsvField } from './goemotions/readGoEmotions.js';
export { errorMessageOf } from './http/errorMessageOf.js';
export type { ChatReply, HttpChatBackendOptions, ReadyFacts } from './http/HttpChatBackend.js';
export { HttpChatBackend } from './http/HttpChatBackend.js';
export { mergeOptions } from './http/mergeOptions.js';
export type { FailureContext, FailureFixes } from './http/modelErrorFromFailure.js';
export { GENERIC_FIXES, modelErrorFromFailure, modelErrorFromStatus } from './http/modelErrorFromFailure.js';
export { normalizeBaseUrl } from './http/normalizeBaseUrl.js';
export { DEFAULT_OLLAMA_HOST, normalizeOllamaHost } from './http/normalizeOllamaHost.js';
export { parseStructuredText } from './http/parseStructuredText.js';
export type { Deadline } from './http/withDeadline.js';
export { withDeadline } from './http/withDeadline.js';
export type { ChatModelBuilder, LangChainBackendOptions } from './langchain/LangChainBackend.js';
export { LANGCHAIN_HOST_PROVIDERS, LangChainBackend } from './langchain/LangChainBackend.js';
export type {
  ChatMessage,
  GenerationOptions,
  JsonSchema,
  ModelBackend,
  ModelCapabilities,
  ModelInfo,
  ModelRequest,
  ModelResponse,
  SimulationHints,
  TokenUsage,
} from './ModelBackend.js';
export type { ModelErrorKind } from './ModelError.js';
export { ModelError } from './ModelError.js';
export type { ModelfileParameters, ModelfileSpec } from './ollama/buildModelfile.js';
export { buildModelfile } from './ollama/buildModelfile.js';
export type { CreateModelOptions, CreateModelResult } from './ollama/createModel.js';
export { createModel } from './ollama/createModel.js';
export type { OllamaModelSummary } from './ollama/listModels.js';
export { listModels } from './ollama/listModels.js';
export type { OllamaBackendOptions, OllamaChatClient } from './ollama/OllamaBackend.js';
export { OllamaBackend } from './ollama/OllamaBackend.js';
export { OLLAMA_FIXES } from './ollama/ollamaFixes.js';
export type { OllamaModelDetails } from './ollama/showModel.js';
export { showModel } from './ollama/showModel.js';
export { uploadBlob } from './ollama/uploadBlob.js';
export type { ChatCompletionBody, ChatCompletionRequest } from './openai/buildChatCompletionBody.js';
export { buildChatCompletionBody } from './openai/buildChatCompletionBody.js';
export type { OpenAICompatibleBackendOptions } from './openai/OpenAICompatibleBackend.js';
export { OpenAICompatibleBackend } from './openai/OpenAICompatibleBackend.js';
export { OPENAI_FIXES } from './openai/openAiFixes.js';
export { readChatCompletion } from './openai/readChatCompletion.js';
export { parseModelSpec } from './parseModelSpec.js';
export type {
  EndpointPool,
  EndpointPoolOptions,
  HostState,
  HostStats,
  PoolReadiness,
  PoolStats,
} from './pool/createEndpointPool.js';
export { createEndpointPool } from './pool/createEndpointPool.js';
export { BUILTIN_PRICES_URL, loadPriceTable } from './pricing/loadPriceTable.js';
export type { PriceEntry, PriceTable } from './pricing/PriceTable.js';
export type { PriceQuote, TokenCounts } from './pricing/priceTokens.js';
export { priceTokens } from './pricing/priceTokens.js';
export type { Rng } from './Rng.js';
export { createRng, hashString } from './Rng.js';
export { buildRecognitionPrompt } from './recognition/buildRecognitionPrompt.js';
export { decodeClassifierModel, encodeClassifierModel } from './recognition/classifierModelFile.js';
export type { EmotionClassifier, EmotionPrediction } from './recognition/createEmotionClassifier.js';
export { createEmotionClassifier } from './recognition/createEmotionClassifier.js';
export type { ClassifierHead, EmotionClassifierModel } from './recognition/EmotionClassifierModel.js';
export { EMOTION_SYNONYMS } from './recognition/emotionSynonyms.js';
export type { ClassScores, RecognitionReport } from './recognition/evaluateRecognition.js';
export { evaluateRecognition } from './recognition/evaluateRecognition.js';
export type { FitLogisticOptions, LogisticWeights, SparseRows } from './recognition/fitLogisticRegression.js';
export { fitLogisticRegression } from './recognition/fitLogisticRegression.js';
export { BUILTIN_CLASSIFIER_URL, loadBuiltinClassifier } from './recognition/loadBuiltinClassifier.js';
export { parseEmotionLabels } from './recognition/parseEmotionLabels.js';
export type { TextFeatureConfig } from './recognition/textFeatures.js';
export { DEFAULT_TEXT_FEATURES, extractFeatures, tokenize } from './recognition/textFeatures.js';
export type { TrainEmotionClassifierOptions } from './recognition/trainEmotionClassifier.js';
export { trainEmotionClassifier } from './recognition/trainEmotionClassifier.js';
export type { SparseVector } from './recognition/vectorizeText.js';
export { vectorizeText } from './recognition/vectorizeText.js';
export type { GroupTemplates } from './synthetic/answerTemplates.js';
export { ANSWER_TEMPLATES } from './synthetic/answerTemplates.js';
export type { EmotionGroup } from './synthetic/emotionGroupOf.js';
export { emotionGroupOf } from './synthetic/emotionGroupOf.js';
export type { NumberStyle } from './synthetic/formatNumber.js';
export { formatNumber } from './synthetic/formatNumber.js';
export { hashHints } from './synthetic/hashHints.js';
export type { RenderedAnswer, RenderOptions, StructuredAnswer } from './synthetic/renderAnswer.js';
export { renderAnswer } from './synthetic/renderAnswer.js';
export type { RoundingMode } from './synthetic/roundLikeHuman.js';
export { roundingStep, roundLikeHuman } from './synthetic/roundLikeHuman.js';
export type { SyntheticModelOptions } from './synthetic/SyntheticModel.js';
export { SYNTHETIC_NO_HINTS_TEXT, SyntheticModel } from './synthetic/SyntheticModel.js';
export type { SimulatedEstimate } from './synthetic/simulateEstimate.js';
export { simulateEstimate } from './synthetic/simulateEstimate.js';
export { SYNTHETIC_BANNER } from './synthetic/syntheticBanner.js';
export type { SyntheticParameters } from './synthetic/syntheticParameters.js';
export { resolveSyntheticParameters, SYNTHETIC_PARAMETERS } from './synthetic/syntheticParameters.js';
export type { SyntheticVariant } from './synthetic/syntheticVariants.js';
export { SYNTHETIC_VARIANTS, syntheticVariant } from './synthetic/syntheticVariants.js';
export type { Clock, Sleep } from './wrappers/Clock.js';
export { abortedError, systemClock } from './wrappers/Clock.js';
export type { CallLimitedBackend } from './wrappers/withCallLimit.js';
export { withCallLimit } from './wrappers/withCallLimit.js';
export type { RetryEvent, RetryOptions } from './wrappers/withRetry.js';
export { backoffDelay, withRetry } from './wrappers/withRetry.js';
export { withTimeout } from './wrappers/withTimeout.js';
