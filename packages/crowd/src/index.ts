/**
 * @emocrowd/crowd: the crowd engine. The pure statistics and event types live in the
 * browser-safe entry (`@emocrowd/crowd/analysis`) and are re-exported here; this file adds the
 * Node-only parts: the RxJS run, the run store and importers.
 */

export { humanFidelity } from './analysis/humanFidelity.js';
export * from './analysisEntry.js';
export type { BatchCrowd } from './batch/BatchCrowd.js';
export type { BatchRequestIdentity, ParsedBatchCustomId } from './batch/batchCustomId.js';
export {
  batchCustomId,
  batchRunTag,
  CUSTOM_ID_DIGEST_LENGTH,
  describeIdentity,
  parseBatchCustomId,
} from './batch/batchCustomId.js';
export type { ExportBatchOptions, ExportBatchResult } from './batch/exportBatch.js';
export { exportBatch } from './batch/exportBatch.js';
export type { BatchOutputLine, ImportBatchResult } from './batch/importBatch.js';
export { BatchImportError, importBatch, LISTED_AT_MOST } from './batch/importBatch.js';
export type { ConductReviewOptions } from './conduct/buildConductReview.js';
export { buildConductReview } from './conduct/buildConductReview.js';
export { refineCodeOfConduct } from './conduct/refineCodeOfConduct.js';
export type { ExtractBatteryOptions, ExtractedBattery, ExtractedItem } from './import/extractBattery.js';
export { extractBattery } from './import/extractBattery.js';
export type {
  ExtractedRoundCrowds,
  ExtractRoundCrowdsOptions,
  RoundCrowd,
} from './import/extractRoundCrowds.js';
export { extractRoundCrowds } from './import/extractRoundCrowds.js';
export { csvField, formatCsv } from './import/formatCsv.js';
export { itemTruths } from './import/itemTruths.js';
export { humanCrowdPath, loadHumanCrowd } from './import/loadHumanCrowd.js';
export { summaryHumanAnswers } from './import/summaryHumanAnswers.js';
export type { SocialInfluenceOptions } from './influence/SocialInfluence.js';
export { SocialInfluence } from './influence/SocialInfluence.js';
export { snapshotEvery } from './operators/snapshotEvery.js';
export { lastAnswered } from './run/lastAnswered.js';
export type { PersonaList } from './run/PersonaList.js';
export { personaListOf } from './run/PersonaList.js';
export { placeRecords } from './run/placeRecords.js';
export { RunRounds } from './run/RunRounds.js';
export type { RoundSample } from './run/roundSample.js';
export { roundSample } from './run/roundSample.js';
export type { RunCrowdOptions } from './run/runCrowd.js';
export { runCrowd } from './run/runCrowd.js';
export { summarizeRecords } from './run/summarizeRecords.js';
export type { RunSummaryOptions } from './run/summarizeRun.js';
export { summarizeRun } from './run/summarizeRun.js';
export { taskDescriptor } from './run/taskDescriptor.js';
export type { RankedMultisetOptions } from './stats/RankedMultiset.js';
export type { BatchExportEntry, BatchFileEntry, BatchLedger } from './store/BatchLedger.js';
export { BATCH_DIR, BATCH_LEDGER_FILE, readBatchLedger, writeBatchLedger } from './store/BatchLedger.js';
export { createRunDir } from './store/createRunDir.js';
export { describeDifference } from './store/describeDifference.js';
export { flattenRecords } from './store/flattenRecords.js';
export type { StoredRunListing } from './store/listRuns.js';
export { listRuns } from './store/listRuns.js';
export { ResponseLog } from './store/ResponseLog.js';
export type { RunManifest } from './store/RunManifest.js';
export { RUN_FILES } from './store/RunManifest.js';
export type { RunStoreErrorKind } from './store/RunStoreError.js';
export { RunStoreError } from './store/RunStoreError.js';
export type { ResponseChunk } from './store/readResponseChunk.js';
export { readResponseChunk } from './store/readResponseChunk.js';
export type { ReadResponsesResult } from './store/readResponses.js';
export { readResponses } from './store/readResponses.js';
export type { StoredRun } from './store/readRun.js';
export { readRun } from './store/readRun.js';
export { readRunManifest } from './store/readRunManifest.js';
export type { RunRecorder } from './store/recordRun.js';
export { recordRun } from './store/recordRun.js';
export type { ReopenedRun } from './store/reopenRunDir.js';
export { reopenRunDir } from './store/reopenRunDir.js';
export { describeNetwork, loadNetwork, readRunNetwork, writeRunNetwork } from './store/runNetwork.js';
export { storeAnswers } from './store/storeAnswers.js';
export { writeJsonAtomic } from './store/writeJsonAtomic.js';
export { applyStudyOverrides } from './study/applyStudyOverrides.js';
export type { StudyCellInput, StudyReportOverrides } from './study/buildStudyReport.js';
export { buildStudyReport } from './study/buildStudyReport.js';
export type { CellItemSample } from './study/cellSamples.js';
export { cellSamples } from './study/cellSamples.js';
export { contrastHistogram, HISTOGRAM_BINS } from './study/contrastHistogram.js';
export type { ContrastMetricsOptions } from './study/contrastMetrics.js';
export { contrastMetrics } from './study/contrastMetrics.js';
export { describeStudyDifference } from './study/describeStudyDifference.js';
export { designStudy, STUDY_REPORT_DEFAULTS } from './study/designStudy.js';
export { levelName } from './study/levelName.js';
export { loadStudyFile } from './study/loadStudyFile.js';
export { openStudyDir } from './study/openStudyDir.js';
export type { CellPairing } from './study/pairCells.js';
export { pairCells } from './study/pairCells.js';
export { parseScale } from './study/parseScale.js';
export { readStudy } from './study/readStudy.js';
export type {
  StudyCell,
  StudyContrast,
  StudyDesign,
  StudyReportOptions,
} from './study/StudyDesign.js';
export type { StudyFile, StudyFileContrast } from './study/StudyFile.js';
export { STUDY_FILE } from './study/StudyFile.js';
export type { StudyManifest } from './study/StudyManifest.js';
export { STUDY_FILES } from './study/StudyManifest.js';
export type { StudySettingName, StudySettings } from './study/studySettings.js';
export { isStudySetting, STUDY_SETTING_NAMES, STUDY_SETTINGS } from './study/studySettings.js';
