import { DefinitionFileError, loadDefinitionFile } from '@emocrowd/agents';
import { STUDY_FILE, type StudyFile } from './StudyFile.js';
import { STUDY_SETTING_NAMES } from './studySettings.js';

/**
 * Reads and checks a study file (YAML, or JSON for `.json`). Errors are one line naming the
 * file and the path inside it; an unknown top-level key also lists the keys a study may have.
 *
 * @param path the file
 * @param shown the name to show in errors (default `path`)
 * @returns the validated file
 * @throws DefinitionFileError
 */
export function loadStudyFile(path: string, shown = path): StudyFile {
  try {
    return loadDefinitionFile(path, STUDY_FILE);
  } catch (error) {
    if (!(error instanceof DefinitionFileError)) throw error;
    const file = error.file === path ? shown : error.file;
    const unknownKey = error.at === '' && /^unknown key/.test(error.expected);
    throw new DefinitionFileError(
      file,
      error.at,
      unknownKey
        ? `${error.expected}; a study has name, description, factors, tasks, cells, contrasts, report and the run settings ${STUDY_SETTING_NAMES.join(', ')}`
        : error.expected,
    );
  }
}
