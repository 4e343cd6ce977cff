import { z } from 'zod';

/**
 * One chat-format training record, the shape chat fine-tuning tools read from JSONL
 * (OpenAI fine-tuning, TRL `SFTTrainer` "conversational" datasets, Unsloth's chat templates):
 * `{"messages": [{"role": "system"|"user"|"assistant", "content": "..."}, ...]}`.
 * The conversation must end with the assistant's answer, the text the model learns to produce.
 */
export const ChatRecordSchema = z
  .object({
    messages: z
      .array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string().min(1) }))
      .min(2),
  })
  .refine((r) => r.messages.at(-1)?.role === 'assistant', {
    message: 'the last message must be the assistant answer',
  })
  .refine((r) => r.messages.some((m) => m.role === 'user'), { message: 'a record needs a user message' });

/** A chat-format training record. */
export type ChatRecord = z.infer<typeof ChatRecordSchema>;

/**
 * One Alpaca-format training record (Taori et al. 2023, Stanford Alpaca `alpaca_data.json`):
 * `{"instruction": "...", "input": "...", "output": "..."}`; `input` may be empty.
 */
export const AlpacaRecordSchema = z.object({
  instruction: z.string().min(1),
  input: z.string(),
  output: z.string().min(1),
});

/** An Alpaca-format training record. */
export type AlpacaRecord = z.infer<typeof AlpacaRecordSchema>;

/** The two record formats `buildTrainingData` writes. */
export type TrainingFormat = 'chat' | 'alpaca';

/** A training record of either format. */
export type TrainingRecord = ChatRecord | AlpacaRecord;

/**
 * Checks parsed JSONL records against a training format, so a malformed file fails here with
 * the line number rather than hours into a training run.
 *
 * @param records - parsed records, in file order
 * @param format - 'chat' or 'alpaca'
 * @returns the problems found (`line` is 1-based), empty when every record is valid
 */
export function validateTrainingRecords(
  records: readonly unknown[],
  format: TrainingFormat,
): Array<{ line: number; message: string }> {
  const schema = format === 'chat' ? ChatRecordSchema : AlpacaRecordSchema;
  const problems: Array<{ line: number; message: string }> = [];
  records.forEach((record, i) => {
    const result = schema.safeParse(record);
    if (!result.success) {
      problems.push({
        line: i + 1,
        message: result.error.issues.map((e) => `${e.path.join('.') || '(record)'}: ${e.message}`).join('; '),
      });
    }
  });
  return problems;
}
