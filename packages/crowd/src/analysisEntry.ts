/**
 * The browser-safe part of `@emocrowd/crowd` (`@emocrowd/crowd/analysis`): the event and record
 * types, the contract between `emocrowd serve` and the viewer (`ServeApi`), the one CSV reader
 * (`parseCsv`, `parseCsvTable`, `parseEstimateCell`, `extractCrowds`) and the pure statistics
 * (stats, strategies, metrics, analysis, per-round measures), with no RxJS run code, no run
 * store and no Node modules. The viewer imports this, so every number it
 * shows is computed by the same code as the command line's.
 */

export type { Breakdown, BreakdownOptions, GroupSummary } from './analysis/breakdown.js';
export { breakdown, orderLabels } from './analysis/breakdown.js';
export type {
  CrossItemAnalysis,
  CrossItemOptions,
  CrossItemStrategy,
  ScoredItem,
  StrategyDifference,
} from './analysis/crossItemRanking.js';
export { crossItemRanking } from './analysis/crossItemRanking.js';
export type { EffectSize } from './analysis/effectSizes.js';
export { effectSizes } from './analysis/effectSizes.js';
/** Type only: `humanFidelity` itself reads files (Node), and is exported by `@emocrowd/crowd`. */
export type { HumanFidelity } from './analysis/humanFidelity.js';
export type {
  IntensityTrend,
  IntensityTrendOptions,
  TrendLevel,
  TrendSlope,
} from './analysis/intensityTrends.js';
export { intensityTrends, TREND_RESAMPLE_LIMIT } from './analysis/intensityTrends.js';
export { leaveOneItemOutCue } from './analysis/leaveOneItemOutCue.js';
export { logSpacedSizes } from './analysis/logSpacedSizes.js';
export type { PartitionedAggregates } from './analysis/partitionAggregates.js';
export { partitionAggregates } from './analysis/partitionAggregates.js';
export type {
  PersonaSkillOptions,
  RespondentSkill,
  SkillByDimension,
  SkillGroup,
  SkillReliability,
  SkillSummary,
} from './analysis/personaSkill.js';
export { personaSkill } from './analysis/personaSkill.js';
export type { RespondentErrors } from './analysis/respondentErrors.js';
export { meanError, respondentErrors } from './analysis/respondentErrors.js';
export type { CrowdRound, CrowdRounds, RoundAnalysis } from './analysis/roundAnalysis.js';
export { roundAnalysis } from './analysis/roundAnalysis.js';
export type {
  PooledTransition,
  RoundEffect,
  RoundEffectTest,
  RoundTrajectoryPoint,
} from './analysis/roundEffects.js';
export { roundEffects, roundEffectTests } from './analysis/roundEffects.js';
export type { RoundTransition } from './analysis/roundTransition.js';
export { revisionWeights, roundTransition } from './analysis/roundTransition.js';
export type { ScoredAggregate, ScoredEstimate } from './analysis/scoreStrategies.js';
export { scoreStrategies } from './analysis/scoreStrategies.js';
export type {
  SubsetAnalysis,
  SubsetAnalysisOptions,
  SubsetNotComputed,
  SubsetPoint,
  SubsetStrategyResult,
} from './analysis/subsetAnalysis.js';
export { subsetAnalysis } from './analysis/subsetAnalysis.js';
export type {
  BatteryItem,
  BatterySummary,
  BatterySummaryOptions,
  ItemSummary,
} from './analysis/summarizeBattery.js';
export { summarizeBattery } from './analysis/summarizeBattery.js';
export type {
  ConductCrowd,
  ConductGroup,
  ConductRow,
  ConductSummary,
  ConductSummaryOptions,
} from './analysis/summarizeConduct.js';
export { summarizeConduct } from './analysis/summarizeConduct.js';
export type { CrowdMetrics, EstimateSummary, SummaryOptions } from './analysis/summarizeEstimates.js';
export { summarizeEstimates } from './analysis/summarizeEstimates.js';
export type {
  AnyServeRoute,
  ApiError,
  HumanAnswers,
  ReviewDecisions,
  ReviewInfo,
  RouteParams,
  RunInfo,
  RunListing,
  RunNetworkInfo,
  RunParams,
  RunRow,
  RunStartBody,
  RunStatus,
  RunStreamEnd,
  ServeApi,
  ServeRoute,
  ServeStreams,
  StudyListing,
  StudyParams,
  ViewerOptions,
} from './api/ServeApi.js';
export { apiPath, MAX_DRAWN_NETWORK_NODES } from './api/ServeApi.js';
export type { ConductReview, ConductReviewEntry } from './conduct/ConductReview.js';
export { reviewerVerdict } from './conduct/ConductReview.js';
export type { ReviewAgreement } from './conduct/reviewAgreement.js';
export { reviewAgreement } from './conduct/reviewAgreement.js';
export type {
  CrowdEvent,
  CrowdEventType,
  CrowdSnapshot,
  ItemSnapshot,
  SnapshotAggregates,
} from './events/CrowdEvent.js';
export type { ResponseRecord } from './events/ResponseRecord.js';
export { recordKey } from './events/ResponseRecord.js';
export type {
  ConductDescriptor,
  InfluenceConfig,
  ItemDescriptor,
  NetworkDescription,
  RunDescriptor,
  TaskDescriptor,
} from './events/RunDescriptor.js';
export { descriptorItems, isBatteryDescriptor } from './events/RunDescriptor.js';
export type { JudgeUsage, RoundStats, RunCounts, RunSummary, RunUsage } from './events/RunSummary.js';
export type { DataTable, TableCell } from './import/DataTable.js';
export type {
  ExtractCrowdsOptions,
  ExtractedCrowd,
  ExtractedCrowds,
  SkippedRow,
  SkippedRows,
} from './import/extractCrowds.js';
export { extractCrowds } from './import/extractCrowds.js';
export { parseCsv } from './import/parseCsv.js';
export { parseCsvTable } from './import/parseCsvTable.js';
export type { NonNumberReason } from './import/parseEstimateCell.js';
export { parseEstimateCell } from './import/parseEstimateCell.js';
export { PeerAnswers } from './influence/PeerAnswers.js';
export type { ShownTo } from './influence/shownToAgent.js';
export { shownToAgent, shownValue } from './influence/shownToAgent.js';
export type { BeatenShare } from './metrics/beatenShare.js';
export { beatenShare } from './metrics/beatenShare.js';
export { bracketingRate } from './metrics/bracketingRate.js';
export type { DiversityPrediction } from './metrics/diversityPrediction.js';
export { diversityPrediction, logDiversityPrediction } from './metrics/diversityPrediction.js';
export type { EstimateError } from './metrics/estimateError.js';
export { estimateError } from './metrics/estimateError.js';
export { expectedSubsetMeanError } from './metrics/expectedSubsetMeanError.js';
export type { CrowdProfile, Fidelity, FidelityInterval, FidelityOptions } from './metrics/fidelity.js';
export { fidelity } from './metrics/fidelity.js';
export type { HyperAccuracy, HyperAccuracyOptions } from './metrics/hyperAccuracy.js';
export { hyperAccuracy } from './metrics/hyperAccuracy.js';
export type { RatioSummary } from './metrics/ratioSummary.js';
export { ratioSummary } from './metrics/ratioSummary.js';
export { revisionWeight } from './metrics/revisionWeight.js';
export { isRoundNumber, roundNumberShare } from './metrics/roundNumberShare.js';
export type { WocTieRule } from './metrics/wocIndicator.js';
export { wocIndicator } from './metrics/wocIndicator.js';
export { completeNetwork } from './networks/completeNetwork.js';
export { EDGE_LIST_HEADER, formatEdgeList, parseEdgeList } from './networks/edgeListNetwork.js';
export { erdosRenyiNetwork } from './networks/erdosRenyiNetwork.js';
export { latticeNetwork } from './networks/latticeNetwork.js';
export { Network } from './networks/Network.js';
export type { NetworkKind } from './networks/NetworkKind.js';
export { MAX_NETWORK_EDGES } from './networks/NetworkKind.js';
export type { NetworkSpec } from './networks/networks.js';
export { buildNetwork, networkKinds, parseNetworkSpec } from './networks/networks.js';
export { randomRegularNetwork } from './networks/randomRegularNetwork.js';
export { ringNetwork } from './networks/ringNetwork.js';
export { starNetwork } from './networks/starNetwork.js';
export { RoundState } from './run/RoundState.js';
export { roundStats } from './run/roundStats.js';
export { averageRanks } from './stats/averageRanks.js';
export type { BootstrapInterval, BootstrapOptions } from './stats/bootstrapCi.js';
export { bootstrapCi } from './stats/bootstrapCi.js';
export type { CrowdSample } from './stats/CrowdSample.js';
export { checkSample } from './stats/checkSample.js';
export { chiSquareSurvival } from './stats/chiSquareDistribution.js';
export type { ChiSquareTest } from './stats/chiSquareTest.js';
export { chiSquareTest } from './stats/chiSquareTest.js';
export type { KappaOptions, KappaResult } from './stats/cohenKappa.js';
export { cohenKappa } from './stats/cohenKappa.js';
export { densityMode } from './stats/densityMode.js';
export type { DifferenceTest, DifferenceTestOptions } from './stats/differenceTest.js';
export { differenceTest } from './stats/differenceTest.js';
export type { VarianceExplained } from './stats/etaSquared.js';
export { etaSquared } from './stats/etaSquared.js';
export type { FisherExactTest } from './stats/fisherExactTest.js';
export { fisherExactTest, holmAdjust } from './stats/fisherExactTest.js';
export { geometricMean } from './stats/geometricMean.js';
export type { DensityGrid, KernelDensityOptions } from './stats/kernelDensity.js';
export { kernelDensity } from './stats/kernelDensity.js';
export { kolmogorovPValue } from './stats/kolmogorovPValue.js';
export { ksStatistic } from './stats/ksStatistic.js';
export { logChoose, logGamma } from './stats/logGamma.js';
export { logValues } from './stats/logValues.js';
export type { MedianConfidenceSequenceOptions, MedianLook } from './stats/MedianConfidenceSequence.js';
export { MedianConfidenceSequence } from './stats/MedianConfidenceSequence.js';
export { mean } from './stats/mean.js';
export { MEAN_BOOTSTRAP_RESAMPLE_LIMIT, meanBootstrapCi } from './stats/meanBootstrapCi.js';
export { median } from './stats/median.js';
export { medianBootstrapCi } from './stats/medianBootstrapCi.js';
export { normalCdf, normalQuantile } from './stats/normalDistribution.js';
export type { LeastSquaresLine } from './stats/olsSlope.js';
export { olsSlope } from './stats/olsSlope.js';
export { pearsonCorrelation } from './stats/pearsonCorrelation.js';
export { quantile, quantileInPlace, quantileSorted } from './stats/quantile.js';
export { quickselect } from './stats/quickselect.js';
export { RankedMultiset } from './stats/RankedMultiset.js';
export { silvermanBandwidth } from './stats/silvermanBandwidth.js';
export type { RankCorrelation, SpearmanOptions } from './stats/spearman.js';
export { SPEARMAN_EXACT_MAX, SPEARMAN_PERMUTATION_MAX, spearman } from './stats/spearman.js';
export { spearmanBrown } from './stats/spearmanBrown.js';
export type { StandardizedDifference } from './stats/standardizedDifference.js';
export { standardizedDifference } from './stats/standardizedDifference.js';
export { subsetSample } from './stats/subsetSample.js';
export { trimCount } from './stats/trimCount.js';
export { trimmedMean } from './stats/trimmedMean.js';
export { variance } from './stats/variance.js';
export { wasserstein1 } from './stats/wasserstein1.js';
export type { ProportionInterval } from './stats/wilsonInterval.js';
export { wilsonInterval } from './stats/wilsonInterval.js';
export { winsorizedMean } from './stats/winsorizedMean.js';
export type { StopInterval, StoppingSummary } from './stopping/PrecisionStop.js';
export { PrecisionStop } from './stopping/PrecisionStop.js';
export type { StopRule } from './stopping/StopRule.js';
export { defaultCheckEvery, STOP_STRATEGIES } from './stopping/StopRule.js';
export { stopOrder } from './stopping/stopOrder.js';
export type {
  AggregateResult,
  ComputedAggregate,
  NotComputedAggregate,
} from './strategies/AggregateResult.js';
export { isComputed, notComputed } from './strategies/AggregateResult.js';
export type {
  AggregationStrategy,
  PrefixAggregator,
  PrefixContext,
  StrategyNeed,
  StrategyOptions,
} from './strategies/AggregationStrategy.js';
export { bestEmotionSubsetStrategy } from './strategies/bestEmotionSubsetStrategy.js';
export { confidenceWeightedMeanStrategy } from './strategies/confidenceWeightedMeanStrategy.js';
export { geometricMeanStrategy } from './strategies/geometricMeanStrategy.js';
export { kdeModeStrategy } from './strategies/kdeModeStrategy.js';
export { meanStrategy } from './strategies/meanStrategy.js';
export { medianStrategy } from './strategies/medianStrategy.js';
export { precisionWeightedMeanStrategy } from './strategies/precisionWeightedMeanStrategy.js';
export { selectCrowdStrategy } from './strategies/selectCrowdStrategy.js';
export { getStrategy, resolveStrategies, strategies, strategyNames } from './strategies/strategies.js';
export { trimmedMeanStrategy } from './strategies/trimmedMeanStrategy.js';
export { winsorizedMeanStrategy } from './strategies/winsorizedMeanStrategy.js';
export type { ContrastHistogram } from './study/contrastHistogram.js';
export type { ContrastEffectSize, ContrastMetric } from './study/contrastMetrics.js';
export { contrastForestSvg } from './study/figures/contrastForestSvg.js';
export { contrastHistogramSvg } from './study/figures/contrastHistogramSvg.js';
export type { ContrastFigures, StudyFigures } from './study/figures/studyFigures.js';
export { studyFigures } from './study/figures/studyFigures.js';
export type { SubsetCurveSeries, SubsetMeasure } from './study/figures/subsetCurvesSvg.js';
export { subsetCurvesSvg } from './study/figures/subsetCurvesSvg.js';
export {
  escapeMarkup,
  FIGURE_COLORS,
  formatFigureNumber,
  linearTicks,
  logTicks,
} from './study/figures/svgMarkup.js';
export type { StudyFactor, StudyLevel } from './study/StudyDesign.js';
export type {
  StudyCellSummary,
  StudyPairing,
  StudyReport,
  StudyReportCell,
  StudyReportContrast,
} from './study/StudyReport.js';
export type { StudyTable } from './study/studyReportTables.js';
export { contrastMetricsTable, describePairing, studyCellsTable } from './study/studyReportTables.js';
