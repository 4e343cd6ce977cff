import { GOEMOTIONS_LABELS } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { buildSimulationHints } from '../agent/buildSimulationHints.js';
import { personaKey } from '../persona/Persona.js';
import { createPersonaListSpace } from '../persona/PersonaSpace.js';
import { describeEmotion } from '../prompt/describeEmotion.js';
import { getTask } from '../task/builtInTasks.js';
import { BEAM_TO_GOEMOTION, BEAM_TO_PLUTCHIK, GOEMOTION_TO_BEAM } from './beamMapping.js';
import {
  BEAM_LEVELS,
  BEAM_SPECTRA,
  BEAM_SPECTRUM_IDS,
  beamWord,
  formatIntensity,
  nearestBeamLevel,
  parseBeamWord,
} from './beamSpectra.js';
import { beamState, createEmotionState } from './EmotionState.js';
import { intensityScaleOf } from './intensityScale.js';
import { PLUTCHIK_EMOTIONS, PLUTCHIK_WHEEL, parsePlutchikTerm } from './plutchik.js';
import { updateEmotion } from './updateEmotion.js';

const ALL_WORDS = BEAM_SPECTRUM_IDS.flatMap((id) => BEAM_SPECTRA[id].words);

describe('BEAM spectra', () => {
  it('has seven spectra of seven distinct words, as the source lists them', () => {
    expect(BEAM_SPECTRUM_IDS).toHaveLength(7);
    expect(BEAM_LEVELS).toEqual([-1, -0.6, -0.3, 0, 0.3, 0.6, 1]);
    expect(new Set(ALL_WORDS).size).toBe(49);
    expect(BEAM_SPECTRA['sadness-joy'].words).toEqual([
      'grief',
      'sadness',
      'pensiveness',
      'surprise',
      'serenity',
      'joy',
      'ecstasy',
    ]);
    expect(BEAM_SPECTRA['fear-courage'].words.at(-1)).toBe('heroism');
    for (const id of BEAM_SPECTRUM_IDS) {
      const s = BEAM_SPECTRA[id];
      expect(id).toBe(`${s.negative}-${s.positive}`);
      // Every negative pole is unpleasant, every positive pole pleasant: valence rises along a spectrum.
      expect(s.poles.negative.valence).toBeLessThan(0);
      expect(s.poles.positive.valence).toBeGreaterThan(0);
    }
  });

  it('contains all 24 terms of Plutchik’s wheel', () => {
    const terms = PLUTCHIK_EMOTIONS.flatMap((e) => PLUTCHIK_WHEEL[e].terms);
    for (const term of terms) expect(ALL_WORDS).toContain(term);
  });

  it('words a signed intensity by the nearest level, ties toward the neutral middle', () => {
    expect(beamWord('sadness-joy', -1)).toBe('grief');
    expect(beamWord('sadness-joy', -0.7)).toBe('sadness');
    expect(BEAM_LEVELS[nearestBeamLevel(-0.45)]).toBe(-0.3);
    expect(BEAM_LEVELS[nearestBeamLevel(0.15)]).toBe(0);
    expect(BEAM_LEVELS[nearestBeamLevel(0.8)]).toBe(0.6);
    expect(BEAM_LEVELS[nearestBeamLevel(0.81)]).toBe(1);
    expect(parseBeamWord('heroism')).toEqual({ spectrum: 'fear-courage', signedIntensity: 1 });
    expect(parseBeamWord('happiness')).toBeUndefined();
    expect(formatIntensity(-0.6)).toBe('-0.6');
    expect(formatIntensity(-0)).toBe('0');
  });
});

describe('BEAM mappings', () => {
  it('map every BEAM word, and every Plutchik term onto itself', () => {
    expect(Object.keys(BEAM_TO_GOEMOTION).sort()).toEqual([...ALL_WORDS].sort());
    expect(Object.keys(BEAM_TO_PLUTCHIK).sort()).toEqual([...ALL_WORDS].sort());
    for (const word of ALL_WORDS) {
      const term = parsePlutchikTerm(word);
      if (term !== undefined) expect(BEAM_TO_PLUTCHIK[word]).toEqual(term);
    }
    const goEmotions = Object.values(BEAM_TO_GOEMOTION).filter((l) => l !== null);
    expect(goEmotions).toHaveLength(29);
    expect(Object.values(BEAM_TO_PLUTCHIK).filter((p) => p !== null)).toHaveLength(31);
  });

  it('place GoEmotions labels on the spectra, and the words there map back', () => {
    expect(Object.keys(GOEMOTION_TO_BEAM).sort()).toEqual([...GOEMOTIONS_LABELS].sort());
    const placed = GOEMOTIONS_LABELS.filter((l) => GOEMOTION_TO_BEAM[l] !== null);
    expect(placed).toHaveLength(15);
    for (const label of placed) {
      const place = GOEMOTION_TO_BEAM[label];
      if (place === null) continue;
      const back = BEAM_TO_GOEMOTION[beamWord(place.spectrum, place.signedIntensity)];
      // approval sits at respect (whose GoEmotions word is admiration), disappointment at
      // pensiveness (sadness): the two documented exceptions.
      if (label === 'approval') expect(back).toBe('admiration');
      else if (label === 'disappointment') expect(back).toBe('sadness');
      else expect(back).toBe(label);
    }
  });
});

describe('BEAM emotion states', () => {
  it('take the pole they lean to, scaled by how far they lean', () => {
    const grief = beamState('sadness-joy', -1);
    expect(grief).toEqual({
      model: 'beam',
      label: 'grief',
      intensity: 1,
      valence: -0.8,
      arousal: -0.45,
      spectrum: 'sadness-joy',
      signedIntensity: -1,
    });
    const serenity = beamState('sadness-joy', 0.3);
    expect(serenity.label).toBe('serenity');
    expect(serenity.valence).toBeCloseTo(0.27, 12);
    expect(serenity.arousal).toBeCloseTo(0.15, 12);
    expect(beamState('sadness-joy', 0)).toMatchObject({
      label: 'surprise',
      valence: 0,
      arousal: 0,
      intensity: 0,
    });
    expect(beamState('anger-peace', 5).signedIntensity).toBe(1);
  });

  it('are created from a word, or a spectrum and a signed intensity', () => {
    expect(createEmotionState('pensiveness', { model: 'beam' })).toMatchObject({
      spectrum: 'sadness-joy',
      signedIntensity: -0.3,
    });
    expect(createEmotionState('fear-courage', { model: 'beam', intensity: 0.6 }).label).toBe('courage');
    expect(createEmotionState('grief', { model: 'beam', intensity: 1 }).label).toBe('ecstasy');
    expect(createEmotionState('anger-peace', { model: 'beam' }).label).toBe('tolerance');
    expect(() => createEmotionState('happiness', { model: 'beam' })).toThrow(/unknown BEAM word or spectrum/);
  });

  it('have a persona key naming spectrum and signed level', () => {
    expect(personaKey(beamState('sadness-joy', -0.6), { age: '25-34' })).toBe(
      'emotion=beam:sadness-joy@-0.6|age=25-34',
    );
    expect(personaKey(createEmotionState('calm', { model: 'beam' }), {})).toBe('emotion=beam:fear-courage@0');
  });

  it('are worded with their place on the spectrum', () => {
    expect(describeEmotion(beamState('sadness-joy', -1))).toBe(
      'You are feeling grief: the extreme sadness end of the spectrum from sadness to joy.',
    );
    expect(describeEmotion(beamState('fear-courage', 0.6))).toBe(
      'You are feeling courage: strongly toward courage on the spectrum from fear to courage.',
    );
    expect(describeEmotion(beamState('anger-peace', -0.3))).toBe(
      'You are feeling annoyance: mildly toward anger on the spectrum from anger to peace.',
    );
    expect(describeEmotion(beamState('sadness-joy', 0))).toBe(
      'You are feeling surprise: the neutral midpoint of the spectrum from sadness to joy.',
    );
  });

  it('move on the spectra under the update rule', () => {
    const courage = beamState('fear-courage', 0.6);
    const faded = updateEmotion(courage, { kind: 'decay', steps: 2 });
    expect(faded.spectrum).toBe('fear-courage');
    expect(faded.signedIntensity).toBeCloseTo(0.384, 12);
    expect(faded.label).toBe('boldness');
    const grief = beamState('sadness-joy', -0.3);
    // a large gap and a negative mood: annoyance, placed at the angry side of anger-peace
    const annoyed = updateEmotion(grief, { kind: 'feedback', own: 1000, shown: 3000 });
    expect(annoyed.spectrum).toBe('anger-peace');
    expect(annoyed.signedIntensity).toBeLessThan(-0.8);
    // agreement from a calm state: approval, on the trusting side of distrust-trust
    const approving = updateEmotion(beamState('sadness-joy', 0.3), {
      kind: 'feedback',
      own: 1000,
      shown: 1020,
    });
    expect(approving).toMatchObject({ spectrum: 'distrust-trust', signedIntensity: 0.5 });
    // a moderate gap: confusion has no place on the spectra, so the spectrum and its side stay
    const confused = updateEmotion(beamState('fear-courage', -0.3), {
      kind: 'feedback',
      own: 1000,
      shown: 1300,
    });
    expect(confused.spectrum).toBe('fear-courage');
    expect(confused.signedIntensity).toBeLessThan(-0.4);
  });

  it('reach the synthetic model as their GoEmotions counterpart, or as themselves', () => {
    const task = getTask('fargo-seattle');
    const [rage, heroism] = createPersonaListSpace('t', [
      { emotion: beamState('anger-peace', -1), attributes: {} },
      { emotion: beamState('fear-courage', 1), attributes: {} },
    ]).iterate();
    const rageHints = buildSimulationHints(rage as never, task, 'emotion');
    expect(rageHints.emotion).toEqual({ label: 'anger', valence: -0.75, arousal: 0.8, intensity: 1 });
    expect(buildSimulationHints(heroism as never, task, 'emotion').emotion?.label).toBe('heroism');
  });
});

describe('intensityScaleOf', () => {
  it('measures BEAM along the spectrum, Plutchik along the spoke, GoEmotions along the label', () => {
    expect(intensityScaleOf(beamState('sadness-joy', -0.3))).toEqual({ scale: 'sadness-joy', level: -0.3 });
    expect(intensityScaleOf(createEmotionState('joy', { model: 'plutchik', intensity: 0.2 }))).toEqual({
      scale: 'joy',
      level: 0.2,
    });
    expect(intensityScaleOf(createEmotionState('anger', { intensity: 0.4 }))).toEqual({
      scale: 'anger',
      level: 0.4,
    });
  });
});
