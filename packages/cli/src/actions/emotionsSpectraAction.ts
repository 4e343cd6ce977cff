import {
  BEAM_LEVELS,
  BEAM_SPECTRA,
  BEAM_SPECTRUM_IDS,
  BEAM_TO_GOEMOTION,
  BEAM_TO_PLUTCHIK,
  type BeamSpectrumId,
  beamState,
  formatIntensity,
  PLUTCHIK_WHEEL,
} from '@emocrowd/agents';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { emotionsSpectraFlags } from '../commands/emotionsSpectra.js';
import { formatNumber, renderTable } from '../output/renderTable.js';

/** What `emocrowd emotions spectra` does; its flags and help are in commands/emotionsSpectra.ts. */
export async function emotionsSpectraAction({
  flags,
  positionals,
  io,
}: CommandContext<typeof emotionsSpectraFlags>): Promise<number> {
  if (positionals.length > 0) throw usageError(`emotions spectra: unexpected argument "${positionals[0]}"`);
  const ids = flags.spectrum === undefined ? BEAM_SPECTRUM_IDS : [flags.spectrum as BeamSpectrumId];
  const spectra = ids.map((id) => ({
    id,
    negative: BEAM_SPECTRA[id].negative,
    positive: BEAM_SPECTRA[id].positive,
    levels: BEAM_LEVELS.map((level) => {
      const state = beamState(id, level);
      const plutchik = BEAM_TO_PLUTCHIK[state.label];
      return {
        level,
        word: state.label,
        valence: state.valence,
        arousal: state.arousal,
        goemotions: BEAM_TO_GOEMOTION[state.label] ?? null,
        plutchik: plutchik ? PLUTCHIK_WHEEL[plutchik.emotion].terms[plutchik.level] : null,
      };
    }),
  }));
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ levels: [...BEAM_LEVELS], spectra }, null, 2)}\n`);
    return 0;
  }
  const rows = spectra.flatMap((s) =>
    s.levels.map((l, i) => [
      i === 0 ? s.id : '',
      formatIntensity(l.level),
      l.word,
      formatNumber(l.valence, 2),
      formatNumber(l.arousal, 2),
      l.goemotions ?? '-',
      l.plutchik ?? '-',
    ]),
  );
  io.stdout.write(
    renderTable(
      [
        { header: 'spectrum' },
        { header: 'level', align: 'right' },
        { header: 'word' },
        { header: 'valence', align: 'right' },
        { header: 'arousal', align: 'right' },
        { header: 'GoEmotions' },
        { header: 'Plutchik' },
      ],
      rows,
    ),
  );
  return 0;
}
