// docs/prices.md, written from the built-in price book (scripts/price-book.mjs loads it from src/): every model of
// every provider with the id sent, the price of one 1024×1024 image, its rule, its source and date, and its life (the
// release, the shutdown and the replacement, each with its source). `npm run docs:prices` rewrites the file;
// `npm run docs:prices -- --check` (in `npm test`) fails when the file is not what the book says, so that the page
// cannot drift from the prices the widget quotes. Formatted by prettier, as `npm run format` would write it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { loadPriceBook } from './price-book.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const docPath = join(root, 'docs/prices.md');
const book = await loadPriceBook();
// Every entry priced as it is, whatever its dates (a model past its shutdown would be priced as its replacement).
book.clock.now = () => Date.parse('2000-01-01T00:00:00Z');

const cell = (text = '') => String(text).replace(/\s+/g, ' ').trim().replaceAll('|', '\\|');
const code = (text) => `\`${text}\``;
/** Where a price is others' statement of the provider's (`restated`), whose: the widget says it is an estimate. */
const RESTATED = { resellers: "resellers' price", others: "others' account" };
/** A source, linked, and its date; of a price (`price`), whose it is where not the provider's own. */
const sourced = (source, price = false) =>
  source
    ? `${source.url ? `[${cell(source.name)}](${source.url})` : cell(source.name)}${
        price && source.restated ? ` (${RESTATED[source.restated] ?? source.restated}, not the provider's own)` : ''
      }, ${source.asOf}`
    : '';

/** The rule in words: what the provider bills, per what. */
function ruleOf(rule) {
  const unit = (amount) => (rule.unit === 'credit' ? `${amount} credits` : `$${amount}`);
  switch (rule.kind) {
    case 'megapixel':
      return `${unit(rule.first)} for the first MP, ${unit(rule.extra)} each further${rule.inputs ? ' and each input' : ''} MP`;
    case 'flat':
      return `${unit(rule.perImage)} per image`;
    case 'per-megapixel':
      return `$${rule.perMp} per ${rule.mp ? `${rule.mp.toLocaleString('en')} px` : 'MP'}${rule.edit ? ` (edit $${rule.edit})` : ''}`;
    case 'puter':
      return `US cents: ${Object.entries(rule.costs)
        .map(([key, cents]) => `${key} ${cents}`)
        .join(', ')}`;
    case 'tier':
      return `per image by ${rule.quality ? 'tier' : 'quality'}: ${rule.qualities
        .map(
          (quality) => `${quality} ${unit(rule.unit === 'credit' ? rule.costs[quality] : `${rule.costs[quality]}¢`)}`,
        )
        .join(', ')}`.replace(/\$(\d[^,]*)¢/g, '$1¢');
    case 'tokens': {
      const { textIn, imageIn, imageOut, textOut } = rule.rates;
      const listed = rule.imageTokens.most
        ? `; image tokens at most ${rule.qualities.map((quality, index) => `${quality} ${rule.imageTokens.most[index].toLocaleString('en')}`).join(', ')}`
        : '';
      const most = rule.imageMost ? `; image tokens at most ${rule.imageMost}× those expected` : listed;
      return `per 1M tokens: text in $${textIn}, image in $${imageIn}, image out $${imageOut}${textOut ? `, text out $${textOut}` : ''}${most}`;
    }
    default:
      return rule.kind;
  }
}

/** One 1024×1024 image of `model` at `provider` with `prices`, as the widget quotes it. */
function oneImage(prices, provider, model) {
  try {
    const quote = book.quoteFor({ provider, model, width: 1024, height: 1024, prompt: '' }, prices);
    const made = quote.problem ? ' ¹' : '';
    const total = quote.atMost ? `$${quote.total}, at most $${quote.atMost}` : `$${quote.total}`;
    return `${total}${quote.exact ? '' : ' (estimate)'}${made}`;
  } catch {
    return '— ²';
  }
}

/** A model's life on the path: released, and its shutdown and replacement with the source that says them. */
function lifeOf(lifecycle) {
  if (!lifecycle) return ['', ''];
  const gone = lifecycle.shutdown
    ? `${lifecycle.shutdown}${lifecycle.replacement ? ` → ${code(lifecycle.replacement)}` : ''}`
    : '';
  return [lifecycle.released ?? '', `${gone}${gone || lifecycle.released ? ` (${sourced(lifecycle.source)})` : ''}`];
}

function table(prices, provider) {
  const rows = book.MODELS.filter(({ id }) => prices[id]?.[provider]).map(({ id }) => {
    const entry = prices[id][provider];
    const [released, shutdown] = lifeOf(entry.lifecycle);
    return [
      code(id),
      entry.model ? code(entry.model) : '—',
      oneImage(prices, provider, id),
      ruleOf(entry.rule),
      sourced(entry.source, true),
      released,
      shutdown,
    ].map(cell);
  });
  if (!rows.length) return [];
  const head = ['model', 'sent as', 'one 1024² image', 'rule', 'price source', 'released', 'shut down → replacement'];
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => ' --- ').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

const INTRO = `# Prices

<!-- Written by \`npm run docs:prices\` from the built-in price book (src/providers/<id>/prices.ts and families.ts);
edit those, then run it. \`npm test\` fails when this file is not what the book says. -->

The end user pays their provider directly; the widget shows what a submission will cost before it is sent. The prices
are data, each provider's in its folder (\`src/providers/<id>/prices.ts\`, the families besides FLUX in \`families.ts\`),
model → rule, each with its source and date; together they are the built-in price book, model → provider → rule. A
page overrides or extends it with the \`priceBook\` property. Money is \`decimal.js\` from the book to the formatted
string.

Each entry also carries the model's life on that path, as its provider announced it: the release, the shutdown and
the replacement, each with its source. From the first day of its shutdown (UTC, by the page's clock) a model is
neither offered nor sent there; a page that names it gets the replacement and a sentence saying so (or, where the path
prices none, a refusal in words before anything is sent); within 30 days of it, the quote says it is going.

A page's \`priceBook\` entry changes a price, never a model's life, nor a price below the provider's own
(src/providers/registry/page-prices.ts):

- Where the built-in book knows a shutdown for the model on that path (or on another host of the same provider, or
  its maker's, src/providers/model-facts.ts), that lifecycle is in force whatever the page's entry states: from that
  day the model is neither offered nor sent, and the console says so once per entry.
- A page that brings a model the book has no end for may state its \`lifecycle\` itself:
  \`{ released?, shutdown?, replacement?, source: { name, asOf } }\`, each date a \`YYYY-MM-DD\` day (UTC),
  \`replacement\` an id the same provider prices. From \`shutdown\` on (the page's clock) the model is neither offered
  nor sent; a page naming it then gets \`replacement\`, or is refused in words where none is priced.
- Where the book holds the provider's own published rates for the user's own key (GPT Image at api.openai.com,
  Gemini at Google's API: the user is charged them whatever the page says), the quote and the budget check use at
  least them, and the console says once that the page's price was raised. Elsewhere the page's price stands: a gateway
  or a reseller (OpenAI-compatible hosts, Puter, OpenRouter, Pollinations, fal, Hugging Face) may sell to the page at
  a price of its own, and BFL's reported \`cost\` is what is booked.

\`npm run check:catalog\` (in \`npm test\`) fails, one line per finding, on a model its maker has shut down that the
book still offers, a model that shuts down within 14 days with no replacement its path serves then, a model still
offered whose price or lifecycle source was read more than 90 days before the day it runs (so a book nobody re-reads
turns red 90 days after its oldest date: re-read the source and date it), and a backticked id in docs/providers.md or a
provider's README that the book has only with an announced shutdown or does not have. A model past its own shutdown,
kept with that date for its replacement, is no finding. The exact rules: scripts/catalog-rules.mjs. The day is
\`--today YYYY-MM-DD\` (or \`CATALOG_TODAY\`), else the machine's date.

Where a provider lists its models to a page (Puter's catalogue, OpenRouter's image models, Pollinations' model list,
fal's pricing API, and the models the user's Google or OpenAI key may use), that list decides what is offered, read
once per key or session; its prices, where it has them, replace these. The tables below are what applies when no list
can be read. "Estimate" marks a price the provider may bill otherwise (it reports the real charge, which is booked),
or one only a third party restates (its source says whose: resellers' or others', not the provider's own; the price
details tell the user so in words); "at most" the bound of a price in tokens, the prompt's tokens aside (SPEC §12).
"Sent as" is the provider's own id where the entry names it (— : the adapter names the model, its README says how).
¹ the model makes another size than 1024×1024, or needs an image to edit: the price is for what it makes. ² it
cannot be priced without an image to edit.
`;

const HOW = `## How a quote is computed

\`quote()\` (the same function the elements use; see the headless page) prices any real size the way the provider bills
it: 1024×1025 is 2 MP, $0.015 on [klein] 4B at BFL. What the provider cannot make of the request is the quote's
\`problem\`: a size it does not take ("Height must be a multiple of 16 for FLUX.2 [klein] 4B — try 1024 or 1040."), too
many references, Fill without its image. The preview shows the problem beside the price, and Generate refuses a quote
with a problem (\`invalid-input\`) before anything is sent.

\`quote()\` throws \`invalid-input\` only where no price exists or the input is malformed: not a request, an unknown model
or provider, a price-book entry with an unknown rule or unit, a price that is not a decimal string such as \`"0.04"\`, no
source, a count outside 1–4, sizes that are not whole pixels.

\`outputMegapixels\` and \`inputMegapixels\` are per image, as BFL's \`output_mp\` is per task; \`credits\` and \`total\` are for
the whole submission. Where references are billed, \`references\` lists each one's billed megapixels and what it adds to
\`total\` (the widget shows "adds 2 MP = $0.03" beside it). Every submission is priced again from the request as it is at
the click, and sent exactly as priced.

## Edits

An edit (SPEC §13) is priced by the model that makes it, with every input on a line of its own, and only by a model
whose entry names that kind of edit (\`edits\`: \`instruction\`, \`mask\`, \`erase\`); another says it cannot. FLUX.1 Fill
[pro] repaints what is painted at its flat 5 credits, exact. FLUX Erase is the resellers' formula (fal, Runware: $0.03
for the first megapixel made, $0.004 for each further one, $0.004 per input megapixel with a 3 MP minimum), marked an
estimate until BFL's \`cost\` books it. At fal, Fill is $0.05 per megapixel of the image and Erase fal's own formula (the
same figures), each an estimate booked at the quote (fal reports no charge for them), from fal's pricing API with the
user's key where it answers; an instruction there is priced by the model's edit endpoint: FLUX.2 with the image as a
reference, Seedream per image, the image included.
FLUX.2 is sent the image to edit at 1 MP at most (billed so), unless the user
keeps it whole. GPT Image bills the images it is sent in tokens, by no published rule: each image is a line of about
1,536 and at most 4,096 tokens per started 1024² of it, at its image-in rate, and the painted area one more such image,
none expected; the most seen per image of about 1024² was 3,050 tokens at high fidelity (fal's gpt-image-1.5 edit
page), then 1,500, 560 (Puter's estimate before the call), 352 (gpt-image-2) and 194 (gpt-image-1 at low fidelity), all
read 2026-11-28 and unconfirmed by OpenAI. The quote is then "at most", and the reply's \`usage\` books the charge.
Gemini (Nano Banana, at OpenRouter and Pollinations) bills each image sent as about 560 tokens (Google's "$0.0011 per
image" for 3 Pro Image at $2 per million, as Puter's code cites Google's pricing page) and at most 1,120 per started
1024² of it (Gemini 3's count at high media resolution, as third parties quote Google: unconfirmed), a line each, "at
most". Where a path bills the images sent per image, per megapixel or once for the edit (xAI's \`media_input\` through
Puter, an OpenRouter endpoint's input line, Grok Imagine's and Qwen-Image's edit price at Pollinations), they are one
line of their own, as exact as the path's price.
Gemini at Google (Nano Banana 2.1, Pro and 2 Lite: an instruction, the image sent as \`inlineData\` at 1 MP at most) bills
each image it is sent in tokens whatever its size: Nano Banana Pro 560 (Google's model card), the Flash models at most
1,120 (the largest figure any source gives), a line each at the image-in rate. An edit that goes on with the
conversation that made its image sends every earlier image again (a line each) and the earlier turns' words (about a
token per 4 bytes, at most one per byte); the reply's \`usageMetadata\` books the charge.
The edits' pricing loads a moment after the first paint (which edits nothing): \`quote()\` of an edit, or of images sent
to a model that bills them in tokens, before then says so (\`invalid-input\`) rather than price it without them.
`;

/** The whole page: the introduction, each provider's table, then the prices known at some hosts only. */
function page() {
  const lines = [INTRO];
  for (const provider of Object.keys(book.PROVIDERS)) {
    const rows = table(book.BUILTIN_PRICE_BOOK, provider);
    if (!rows.length) continue;
    const live = book.PROVIDERS[provider].info.livePrices
      ? ' Its own list decides what is offered where it answers.'
      : '';
    lines.push(
      `## ${book.PROVIDER_NAMES[provider] === 'gateway' ? 'OpenAI-compatible gateways' : book.PROVIDER_NAMES[provider]}`,
      '',
      `Provider id ${code(provider)}.${live}`,
      '',
      ...rows,
      '',
    );
  }
  lines.push(
    '## Prices known at some hosts only',
    '',
    "Laid over the book when `endpoint` names the host (OpenAI's own API where the page names none).",
    '',
  );
  for (const [host, prices] of Object.entries(book.GATEWAY_PRICE_BOOKS)) {
    const provider = Object.keys(Object.values(prices)[0])[0];
    lines.push(`### ${host}`, '', ...table(book.BUILTIN_PRICE_BOOK && mergeHost(prices), provider), '');
  }
  lines.push(HOW);
  return lines.join('\n');
}

/** The built-in book with `prices` laid over it, as the widget prices at that host. */
function mergeHost(prices) {
  const merged = { ...book.BUILTIN_PRICE_BOOK };
  for (const id in prices) merged[id] = { ...merged[id], ...prices[id] };
  // Only the host's own models: the rest of the book is the provider's table above.
  return Object.fromEntries(Object.keys(prices).map((id) => [id, merged[id]]));
}

const options = { ...(await prettier.resolveConfig(docPath)), filepath: docPath };
const written = await prettier.format(page(), options);
if (process.argv.includes('--check')) {
  if (readFileSync(docPath, 'utf8') !== written) {
    console.error('docs/prices.md is not what the price book says: run `npm run docs:prices`.');
    process.exit(1);
  }
  console.log('docs/prices.md matches the price book.');
} else {
  writeFileSync(docPath, written);
  console.log('docs/prices.md written from the price book.');
}
