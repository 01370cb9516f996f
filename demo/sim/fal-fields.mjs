// What every fal endpoint's input check shares (fal.mjs, fal-edits.mjs, fal-outpaint.mjs): a refusal's entry as fal
// writes it (FastAPI's `detail`: `{ loc: ['body', …field], msg, type }`), and the fields every family input with a
// prompt shares.

/** One refusal of a field, as fal's 422 lists it. */
export const detail = (loc, msg, type = 'value_error') => ({ loc: ['body', ...loc], msg, type });

/** The fields every family input shares: prompt, num_images (1..`most`), seed (where `seeded`). */
export function common(body, problems, most, seeded) {
  if (typeof body.prompt !== 'string' || !body.prompt.trim())
    problems.push(
      body.prompt === undefined
        ? detail(['prompt'], 'Field required', 'missing')
        : detail(['prompt'], 'String should have at least 1 character', 'string_too_short'),
    );
  const count = body.num_images ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > most)
    problems.push(detail(['num_images'], `Input should be between 1 and ${most}`, 'less_than_equal'));
  if (seeded && body.seed != null && !Number.isInteger(body.seed))
    problems.push(detail(['seed'], 'Input should be a valid integer', 'int_type'));
  return count;
}
