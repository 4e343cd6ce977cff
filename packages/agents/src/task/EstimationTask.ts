/** What kind of quantity a task's truth is (it must say which truth it uses). */
export type TruthKind =
  | 'great-circle'
  | 'driving'
  | 'count'
  | 'weight'
  | 'length'
  | 'density'
  | (string & {});

/** The true answer of a task and where it comes from. */
export interface TaskTruth {
  /** In the task's unit. */
  value: number;
  /** Citation or computation the value comes from. */
  source: string;
  kind: TruthKind;
  /** False when the value could not be confirmed (e.g. a driving distance not checked with a mapping service). */
  confirmed: boolean;
}

/** A unit an answer may be given in, and its size in the task's unit. */
export interface TaskUnit {
  /** Symbol, e.g. "km". */
  unit: string;
  /** Value of 1 of this unit in the task's unit (1 km = 0.621371 mi). */
  factor: number;
  /** Words that name it in answers, lower-case ("kilometers", "kilometres", "km"). */
  aliases: readonly string[];
}

/** What a task is about, for familiarity. */
export interface TaskSubject {
  /** 'us-geography' tasks use the persona's region familiarity; other kinds only `familiar`. */
  kind: 'us-geography' | 'general' | (string & {});
  description: string;
  places?: readonly string[];
  /** Attribute values whose holders know the subject well: dimension id -> value ids (e.g. { occupation: ['farming'] }). */
  familiar?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Real human answers to the same question, and how to read them: one column of a CSV file,
 * optionally filtered to the rows of this question.
 */
export interface HumanCrowd {
  /**
   * A file of the shipped human crowds, named as in packages/data/crowds (`lorenz_2011.csv`,
   * `clulab_calorie/responses.csv`), or an absolute path (a task file's `human.file` is resolved
   * against the task file's folder when it is loaded).
   */
  file: string;
  /** The column of estimates (the first, independent estimate when the study had rounds). */
  column: string;
  /** Keep only rows whose column has this text (e.g. `{ Question: '1' }`). */
  filter?: Readonly<Record<string, string>>;
  /** A column holding the truth, when the file has one (checked against the item's truth in tests). */
  truthColumn?: string;
  /** What the crowd is, in a few words (size, round, condition). */
  note: string;
}

/**
 * A numeric estimation question with its truth: a single-question task, or one item of a
 * battery (`TaskBattery`).
 *
 * Intuition: everything needed to ask it (question, unit wording), to read answers (accepted
 * units and conversions, plausible range) and to score them (truth with source and kind).
 */
export interface EstimationTask {
  /** The task's id; for an item of a battery, the item's id within the battery. */
  id: string;
  question: string;
  /** The unit answers are scored in, as a symbol ("mi"). */
  unit: string;
  /** How the unit is named in the prompt ("miles"); empty for plain counts. */
  unitName: string;
  truth: TaskTruth;
  /** Answers outside this range are implausible (kept, but flaggable by analyses). */
  plausibleRange: readonly [number, number];
  /** Accepted units including the task's own (factor 1). */
  units: readonly TaskUnit[];
  /** A unit a confused answer may be given in (simulation hint). */
  confusableUnit?: { unit: string; factor: number };
  subject: TaskSubject;
  /**
   * Where the question's wording comes from, when it is not the original study's own (e.g. a
   * published data set that holds the answers but not the questions).
   */
  questionSource?: string;
  /** Real human answers to the same question, when available. */
  humanData?: HumanCrowd;
}
