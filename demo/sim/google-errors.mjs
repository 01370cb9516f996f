// Google's refusals, as the simulator answers them (google.mjs): its error's shape, the key refused (none, an unknown
// one, one in the address), a quota used up, and a request Google takes as invalid. The words are Google's where a
// source quotes them (google.mjs's header), the simulator's own (said "Simulator:") where it is stricter than Google.
import { send } from './http.mjs';

/** Google's error body: `{error: {code, message, status, details?}}` (vercel/ai packages/google/src/google-error.ts). */
export const googleError = (code, status, message, details) => ({
  error: { code, message, status, ...(details && { details }) },
});

/** Google's 400 INVALID_ARGUMENT with `message`. */
export const invalid = (req, res, message) => send(req, res, 400, googleError(400, 'INVALID_ARGUMENT', message));

/** Google's refusals of the key (see google.mjs's header), as [status, body], or undefined where the key is one it knows. */
export function keyProblem(req, url, fault) {
  if (url.searchParams.has('key'))
    return [
      400,
      googleError(
        400,
        'INVALID_ARGUMENT',
        'Simulator: a key in the address (?key=) is refused here: userpays sends it in the x-goog-api-key header only.',
      ),
    ];
  const key = req.headers['x-goog-api-key'];
  if (!key)
    return [
      403,
      googleError(
        403,
        'PERMISSION_DENIED',
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
      ),
    ];
  if (key === 'sim-bad-key' || fault === 'badkey')
    return [
      400,
      googleError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'API_KEY_INVALID',
          domain: 'googleapis.com',
          metadata: { service: 'generativelanguage.googleapis.com' },
        },
      ]),
    ];
  return undefined;
}

/**
 * As the Gemini API answers a key past its quota (per minute or per day, by its plan): a 429 RESOURCE_EXHAUSTED with no
 * Retry-After header, the wait (where it gives one: `retryAfter=<s>`, `none`) in a google.rpc.RetryInfo detail beside
 * the quota (`quota=day`: the day's too) and a link to its limits (ai.google.dev/gemini-api/docs/rate-limits; replies
 * quoted in gke-labs/gemini-for-kubernetes-development#1215 and googleapis/python-genai#2044).
 */
export function quotaUsed(model, scenario) {
  const perMinute = {
    quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
    quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
    ...(scenario.quota === 'day' && { quotaDimensions: { location: 'global', model } }),
  };
  const perDay = {
    quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
    quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier',
    quotaDimensions: { location: 'global', model },
  };
  return googleError(
    429,
    'RESOURCE_EXHAUSTED',
    'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
    [
      {
        '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
        violations: [...(scenario.quota === 'day' ? [perDay] : []), perMinute],
      },
      {
        '@type': 'type.googleapis.com/google.rpc.Help',
        links: [
          {
            description: 'Learn more about Gemini API quotas',
            url: 'https://ai.google.dev/gemini-api/docs/rate-limits',
          },
        ],
      },
      ...(scenario.retryAfter === 'none'
        ? []
        : [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${scenario.retryAfter ?? 1}s` }]),
    ],
  );
}

/** Google's 404 for a model it does not serve by `method` (on this day, or to this key). */
export const notServed = (model, method) =>
  googleError(
    404,
    'NOT_FOUND',
    `models/${model} is not found for API version v1beta, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`,
  );
