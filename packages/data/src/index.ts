export { crowdDataPath, DATA_ROOT, goEmotionsDir } from './dataPaths.js';
