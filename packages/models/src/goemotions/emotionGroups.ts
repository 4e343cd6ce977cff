import type { GoEmotionsLabel } from './goEmotionsLabels.js';

/**
 * The authors' Ekman grouping of the GoEmotions labels (`ekman_mapping.json`): six basic
 * emotions, each gathering the fine-grained labels that belong to it. `neutral` is not in the
 * mapping and stays its own class, so the Ekman level has 7 classes.
 *
 * Source: Demszky et al., ACL 2020, §5 and google-research/goemotions/data/ekman_mapping.json.
 */
export const EKMAN_GROUPS: Readonly<Record<string, readonly GoEmotionsLabel[]>> = {
  anger: ['anger', 'annoyance', 'disapproval'],
  disgust: ['disgust'],
  fear: ['fear', 'nervousness'],
  joy: [
    'joy',
    'amusement',
    'approval',
    'excitement',
    'gratitude',
    'love',
    'optimism',
    'relief',
    'pride',
    'admiration',
    'desire',
    'caring',
  ],
  sadness: ['sadness', 'disappointment', 'embarrassment', 'grief', 'remorse'],
  surprise: ['surprise', 'realization', 'confusion', 'curiosity'],
};

/**
 * The authors' sentiment grouping of the GoEmotions labels (`sentiment_mapping.json`):
 * positive, negative and ambiguous; `neutral` stays its own class (4 classes).
 *
 * Source: Demszky et al., ACL 2020 and google-research/goemotions/data/sentiment_mapping.json.
 */
export const SENTIMENT_GROUPS: Readonly<Record<string, readonly GoEmotionsLabel[]>> = {
  positive: [
    'amusement',
    'excitement',
    'joy',
    'love',
    'desire',
    'optimism',
    'caring',
    'pride',
    'admiration',
    'gratitude',
    'relief',
    'approval',
  ],
  negative: [
    'fear',
    'nervousness',
    'remorse',
    'embarrassment',
    'disappointment',
    'sadness',
    'grief',
    'disgust',
    'anger',
    'annoyance',
    'disapproval',
  ],
  ambiguous: ['realization', 'surprise', 'curiosity', 'confusion'],
};
