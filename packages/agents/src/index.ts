// Emotion model
// (the label list and the authors' groupings themselves live in @emocrowd/models)

// The agent
export {
  answerSeed,
  ITEM_SEED_STRIDE,
  REPLICATE_SEED_STRIDE,
  ROUND_SEED_STRIDE,
} from './agent/answerSeed.js';
export { buildSimulationHints, KNOWS_SUBJECT_FAMILIARITY } from './agent/buildSimulationHints.js';
export type {
  AnswerContext,
  PersonaAgentOptions,
  PersonaAnswer,
  PersonaAnswerer,
} from './agent/PersonaAgent.js';
export { PersonaAgent } from './agent/PersonaAgent.js';
export type { JudgedAnswer } from './conduct/buildJudgePrompt.js';
// The conduct check
export { buildJudgePrompt, judgeSchema, renderCode, renderExamples } from './conduct/buildJudgePrompt.js';
export type { CodeOfConduct, ConductExample, ConductVirtue } from './conduct/CodeOfConduct.js';
export { CONDUCT_OK, conductExamples, conductVices, virtueOfVice } from './conduct/CodeOfConduct.js';
export type { ConductAgentOptions } from './conduct/ConductAgent.js';
export { ConductAgent, JUDGE_TEMPERATURE } from './conduct/ConductAgent.js';
export type { ConductOutcome } from './conduct/ConductOutcome.js';
export {
  DEFAULT_CODE_OF_CONDUCT,
  DEFAULT_JUDGE_TEMPLATE,
  DEFAULT_REVISION_TEMPLATE,
  JUDGE_PLACEHOLDERS,
  REVISION_PLACEHOLDERS,
} from './conduct/defaultCodeOfConduct.js';
export {
  fillPromptTemplate,
  promptTemplatePlaceholders,
  promptTemplateProblem,
} from './conduct/fillPromptTemplate.js';
export { heuristicJudge } from './conduct/heuristicJudge.js';
export type { Judgement } from './conduct/Judgement.js';
export {
  CODE_OF_CONDUCT_SCHEMA,
  codeOfConductFromDocument,
  loadCodeOfConduct,
  resolveCodeOfConduct,
} from './conduct/loadCodeOfConduct.js';
export { readJudgement } from './conduct/readJudgement.js';
export {
  BEAM_TO_GOEMOTION,
  BEAM_TO_PLUTCHIK,
  beamToGoEmotion,
  beamToPlutchik,
  GOEMOTION_TO_BEAM,
} from './emotion/beamMapping.js';
export type { BeamSpectrum, BeamSpectrumId } from './emotion/beamSpectra.js';
export {
  BEAM_LEVELS,
  BEAM_SPECTRA,
  BEAM_SPECTRUM_IDS,
  beamWord,
  formatIntensity,
  isBeamSpectrumId,
  nearestBeamLevel,
  parseBeamWord,
} from './emotion/beamSpectra.js';
export type { CircumplexPoint } from './emotion/circumplex.js';
export { GOEMOTIONS_CIRCUMPLEX } from './emotion/circumplex.js';
export type { EmotionModel, EmotionState } from './emotion/EmotionState.js';
export {
  beamState,
  createEmotionState,
  DEFAULT_EMOTION_INTENSITY,
  EMOTION_MODELS,
  plutchikState,
} from './emotion/EmotionState.js';
export type { EkmanGroup, SentimentGroup } from './emotion/goEmotionGroups.js';
export { ekmanGroupOf, sentimentOf } from './emotion/goEmotionGroups.js';
export type { IntensityScale } from './emotion/intensityScale.js';
export { intensityScaleOf } from './emotion/intensityScale.js';
export type { GoEmotionLabel } from './emotion/isGoEmotionLabel.js';
export { isGoEmotionLabel } from './emotion/isGoEmotionLabel.js';
export type { PlutchikEmotion, PlutchikLevel, PlutchikSpoke } from './emotion/plutchik.js';
export {
  PLUTCHIK_EMOTIONS,
  PLUTCHIK_LEVEL_INTENSITY,
  PLUTCHIK_PAIRS,
  PLUTCHIK_WHEEL,
  parsePlutchikTerm,
  plutchikLevel,
  plutchikTerm,
} from './emotion/plutchik.js';
export {
  GOEMOTION_TO_PLUTCHIK,
  goEmotionToPlutchik,
  PLUTCHIK_TO_GOEMOTION,
  plutchikToGoEmotion,
} from './emotion/plutchikMapping.js';
export type { EmotionEvent, EmotionUpdateOptions } from './emotion/updateEmotion.js';
export { relativeGap, updateEmotion } from './emotion/updateEmotion.js';
// Expressing emotions in text
export {
  buildRewritePrompt,
  cleanRewrite,
  REWRITE_SYSTEM_PROMPT,
  templateRewrite,
} from './express/buildRewritePrompt.js';
export type { ExpressionScore } from './express/scoreExpression.js';
export { intendedEkman, poleLabels, scoreExpression } from './express/scoreExpression.js';
// Definition files
export { DefinitionFileError, formatDocumentPath } from './file/DefinitionFileError.js';
export { loadDefinitionFile, validateDefinition } from './file/loadDefinitionFile.js';
export { answerReasoning } from './parse/answerReasoning.js';
export type { ParsedAnswer } from './parse/parseAnswer.js';
// Answer parsing
export { parseAnswer, parseStructuredAnswer } from './parse/parseAnswer.js';
export { replaceSpelledNumbers } from './parse/spelledNumbers.js';
export type { BuiltInSpaceOptions } from './persona/builtInEmotions.js';
export { builtInEmotions, checkIntensities } from './persona/builtInEmotions.js';
export type { Condition } from './persona/Condition.js';
export { CONDITIONS, showsEmotion, showsSocial } from './persona/Condition.js';
export { defaultSpace } from './persona/defaultSpace.js';
export type { PersonaSpaceFile } from './persona/loadPersonaSpaceFile.js';
export {
  loadPersonaSpaceFile,
  PERSONA_SPACE_FILE_SCHEMA,
  personaSpaceFromDocument,
} from './persona/loadPersonaSpaceFile.js';
export type { Persona } from './persona/Persona.js';
export { emotionKey, personaId, personaKey } from './persona/Persona.js';
export type {
  PersonaSpace,
  PersonaSpaceDefinition,
  SpaceDimension,
  SpaceEmotions,
} from './persona/PersonaSpace.js';
export { createPersonaListSpace, createPersonaSpace, samplePositions } from './persona/PersonaSpace.js';
export {
  PAPER_DIMENSIONS,
  PAPER_SOCIAL_CONFIGURATIONS,
  paperSocialSelection,
  paperSpace,
} from './persona/paperSpace.js';
export type { PersonaSelection, ResolvePersonasOptions } from './persona/resolvePersonas.js';
export { resolvePersonas } from './persona/resolvePersonas.js';
// Personas and persona spaces
export { stableHash } from './persona/stableHash.js';
// Prompts
export { ANSWER_SCHEMA } from './prompt/answerSchema.js';
export { beamPlace } from './prompt/beamPlace.js';
export { describeEmotion } from './prompt/describeEmotion.js';
export type { PromptBuilder, PromptInput, SocialContext, SocialShown } from './prompt/PromptBuilder.js';
export { createPromptBuilder, formatQuantity, SYSTEM_PROMPT } from './prompt/PromptBuilder.js';
export { AGE_GROUP } from './social/ageGroup.js';
export { EDUCATION } from './social/education.js';
export { GENDER } from './social/gender.js';
export { OCCUPATION } from './social/occupation.js';
export { POLITICAL_LEANING } from './social/politicalLeaning.js';
export { REGION } from './social/region.js';
// Social attributes
export type { SocialDimension, SocialTraits, SocialValue } from './social/SocialDimension.js';
export { SOCIAL_DIMENSIONS, socialValue } from './social/socialDimensions.js';
export { socialTraits } from './social/socialTraits.js';
export {
  BUILT_IN_BATTERIES,
  findTask,
  getBattery,
  listAllTasks,
  listBatteries,
} from './task/builtInBatteries.js';
export { BUILT_IN_TASKS, FARGO, getTask, listTasks, SEATTLE } from './task/builtInTasks.js';
// Tasks
export type {
  EstimationTask,
  HumanCrowd,
  TaskSubject,
  TaskTruth,
  TaskUnit,
  TruthKind,
} from './task/EstimationTask.js';
export type { TemplateLookup, TemplateRow } from './task/fillTemplate.js';
export { fillTemplate } from './task/fillTemplate.js';
export { greatCircleTruth } from './task/greatCircleTruth.js';
export type { LatLon } from './task/haversine.js';
export { EARTH_MEAN_RADIUS_KM, haversineKm, KM_PER_MILE } from './task/haversine.js';
export { parseIso6709 } from './task/iso6709.js';
export { loadTaskFile, TASK_FILE_SCHEMA, tasksFromDocument } from './task/loadTaskFile.js';
export type { SourcedPlace } from './task/SourcedPlace.js';
export type { Task, TaskBattery } from './task/TaskBattery.js';
export { isBattery, taskItems, taskTitle } from './task/TaskBattery.js';
export { TASK_UNITS } from './task/taskUnits.js';
