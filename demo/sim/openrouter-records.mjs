// OpenRouter's records of generations, as the simulator serves them (openrouter.mjs mounts these routes):
//   GET  /sim/openrouter/api/v1/generation?id=<id>  `Authorization: Bearer …` → 200 {data: {id, total_cost, usage,
//        is_byok, upstream_inference_cost, cancelled, api_type, model, provider_name, created_at, …}}, the fields of
//        OpenRouter's `GenerationResponse` (its OpenAPI document as OpenRouterTeam/typescript-sdk@cb9393a ships it,
//        2026-08-22, `.speakeasy/in.openapi.yaml`, operation `getGeneration`; read 2026-11-29), the fields the widget
//        does not read as null or as the example there says. Errors in OpenRouter's shape {error: {code, message}}: 401
//        without a key or with `sim-bad`; 400 without an `id` (the parameter is required, `minLength: 1`; the status
//        OpenRouter answers then is not recorded: stricter, refused); 404 "Generation not found" for an id it never
//        made, one another key made (stricter: whether another key of the same account may read it is not said; here
//        every key is an account of its own), or one not recorded yet (below).
//        A record is kept once a chat completion's generation is done and its reply written (`id` in the reply, "gen-…"),
//        its `total_cost` what OpenRouter debited (with `byok=1` its fee, `is_byok` true and
//        `upstream_inference_cost` the upstream provider's price), whatever the reply's `usage.cost` said (`cost=`).
//        The image API's reply names no generation (its schema has no `id`, nor the recorded reply): no record of its
//        generations is served, as the widget could not ask for one.
//   POST /sim/openrouter/_records?key=<key>  JSON {id, total_cost, is_byok?, upstream_inference_cost?}: a test plants a
//        record (for an entry it planted in a ledger), kept as a generation's is.
// Scenarios: recordlag=<n>  a record answers 404 for its first n reads (default 1: when a record appears is not
//   documented; third-party clients say "a few seconds after the request finishes" and wait before asking: stricter,
//   the first read never finds it). Counted in reads, not time, so that a test never races the machine.
//   records=down  500 in OpenRouter's shape; records=network  the connection dropped before any reply.
import { dropConnection, readJson, send } from './http.mjs';

const error = (code, message) => ({ error: { code, message } });

/** The records of the generations made, by id, and the routes that serve them. */
export function createGenerationRecords() {
  const records = new Map(); // id → { key, data, reads }

  /** Keeps the record of the generation `id`, made with `key`, once it is done. */
  function keep(id, key, { totalCost, byok = false, upstream = null, model = '', provider = 'Black Forest Labs' }) {
    records.set(id, {
      key,
      reads: 0,
      data: {
        id,
        upstream_id: null,
        total_cost: totalCost,
        usage: totalCost,
        cache_discount: null,
        upstream_inference_cost: upstream,
        created_at: new Date().toISOString(),
        model,
        app_id: null,
        streamed: false,
        cancelled: false,
        provider_name: provider,
        latency: null,
        moderation_latency: null,
        generation_time: null,
        finish_reason: 'stop',
        native_finish_reason: 'stop',
        service_tier: null,
        tokens_prompt: 0,
        tokens_completion: 0,
        native_tokens_prompt: 0,
        native_tokens_completion: 0,
        native_tokens_completion_images: 0,
        native_tokens_reasoning: 0,
        native_tokens_cached: 0,
        num_media_prompt: 0,
        num_input_audio_prompt: 0,
        num_media_completion: 1,
        num_search_results: 0,
        num_fetches: 0,
        web_search_engine: null,
        origin: '',
        is_byok: byok,
        external_user: null,
        api_type: 'completions',
        preset_id: null,
        router: null,
        provider_responses: null,
        user_agent: null,
        http_referer: null,
        data_region: 'global',
        workspace_id: null,
      },
    });
  }

  /** `GET /api/v1/generation?id=`: the record, to the key that made it, once it is recorded. */
  function serve(req, res, url, scenario, key) {
    if (scenario.records === 'network') return dropConnection(req, res);
    if (!key || key === 'sim-bad') return send(req, res, 401, error(401, 'User not found.'));
    if (scenario.records === 'down') return send(req, res, 500, error(500, 'Internal Server Error'));
    const id = url.searchParams.get('id');
    if (!id) return send(req, res, 400, error(400, 'Query parameter `id` required.'));
    const record = records.get(id);
    const lag = Number(scenario.recordlag ?? 1);
    if (!record || record.key !== key || record.reads++ < lag)
      return send(req, res, 404, error(404, 'Generation not found'));
    send(req, res, 200, { data: record.data });
  }

  /** `POST /_records?key=`: a record a test plants, kept as a generation's is. */
  async function plant(req, res, url) {
    const key = url.searchParams.get('key');
    const body = await readJson(req);
    if (!key || typeof body?.id !== 'string' || typeof body.total_cost !== 'number')
      return send(req, res, 400, error(400, 'key, id and total_cost required.'));
    keep(body.id, key, {
      totalCost: body.total_cost,
      byok: body.is_byok === true,
      upstream: body.upstream_inference_cost ?? null,
    });
    send(req, res, 200, { ok: true });
  }

  return { records, keep, serve, plant };
}
