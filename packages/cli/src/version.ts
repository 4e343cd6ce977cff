/** The emocrowd version, written into every run.json. */
export const VERSION = '0.1.0';
