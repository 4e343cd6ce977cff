import type { TaskUnit } from './EstimationTask.js';
import { KM_PER_MILE } from './haversine.js';

const MILE_ALIASES = ['miles', 'mile', 'mi'] as const;
const KM_ALIASES = ['kilometers', 'kilometres', 'kilometer', 'kilometre', 'kms', 'km'] as const;

/**
 * Unit tables of the built-in tasks: each lists the task's own unit (factor 1) and the units
 * an answer may come in, with their size in the task's unit.
 *
 * Sources: international mile = 1.609344 km and pound = 0.45359237 kg (exact, 1959
 * international yard and pound agreement); 1 mi² = 2.589988 km².
 */
export const TASK_UNITS = {
  miles: [
    { unit: 'mi', factor: 1, aliases: MILE_ALIASES },
    { unit: 'km', factor: 1 / KM_PER_MILE, aliases: KM_ALIASES },
  ],
  kilometres: [
    { unit: 'km', factor: 1, aliases: KM_ALIASES },
    { unit: 'mi', factor: KM_PER_MILE, aliases: MILE_ALIASES },
  ],
  pounds: [
    { unit: 'lb', factor: 1, aliases: ['pounds', 'pound', 'lbs', 'lb'] },
    { unit: 'kg', factor: 1 / 0.45359237, aliases: ['kilograms', 'kilogram', 'kilos', 'kilo', 'kgs', 'kg'] },
  ],
  perSquareKm: [
    {
      unit: '/km²',
      factor: 1,
      aliases: [
        'per square kilometer',
        'per square kilometre',
        'per sq km',
        'per km²',
        'per km2',
        '/km²',
        '/km2',
      ],
    },
    {
      unit: '/mi²',
      factor: 1 / 2.589988,
      aliases: ['per square mile', 'per sq mi', 'per mi²', 'per mi2', '/mi²', '/mi2'],
    },
  ],
  count: [{ unit: '', factor: 1, aliases: [] }],
} as const satisfies Record<string, readonly TaskUnit[]>;
