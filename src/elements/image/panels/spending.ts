import Decimal from 'decimal.js';
import type { Quote } from '../../../base/types.js';
import { formatUsd, modelName } from '../../../pricing/index.js';
import { cheapestWithin } from '../../../pricing/offers.js';
import { payeeAt, providerInfo } from '../../../providers/catalog.js';
import { offers } from '../../../strings/image/offers.js';
import { signIn } from '../../../strings/sign-in.js';
import { ledger as ledgerWords } from '../../../strings/ledger.js';
import { wordsIn } from '../../../strings/strings.js';
import { words } from '../../../strings/words.js';
import type { ImageParts } from '../image-parts.js';
import type { Blocked } from '../view.js';
import { mostOf } from '../../../pricing/quote.js';

/**
 * Why a click on Generate cannot succeed for what the budget in force or the account in force leaves (`left`, where
 * its provider says), or because the account cannot pay at all (`cannotPay`: a Hugging Face free account, as its
 * sign-in said), with the fix (the cheapest request that fits, or where to add funds): known once the ledger and the
 * account are, after the first paint (image-view.ts says the rest).
 */
export function spendingBlocked(
  parts: ImageParts,
  left: Decimal | undefined,
  quote: Quote,
  cannotPay = false,
): Blocked | undefined {
  const { host } = parts;
  const { locale, translation } = parts.language;
  const offersText = wordsIn(translation, 'offers', offers);
  const signInText = wordsIn(translation, 'signIn', signIn);
  const provider = wordsIn(translation, 'words', words).providerName(payeeAt(host.provider, host.endpoint));
  const cheaper = (left: Decimal) => {
    const best = cheapestWithin(parts.offersAsk(), parts.pricing, left);
    return (
      best && { label: offersText.useCheaper(modelName(best.model), formatUsd(best.total!, locale)), model: best.model }
    );
  };
  const { ledger, tally } = parts.ledger;
  // A damaged stored budget stops spending until it is set again, as a bad `budget` attribute does (image-view.ts).
  if (ledger?.budgetDamaged)
    return { reason: wordsIn(translation, 'ledger', ledgerWords).budgetDamaged(), at: 'price' };
  if (ledger && tally?.budget && ledger.wouldExceed(mostOf(quote))) {
    // What the budget leaves once everything held and uncertain is counted (`remaining` says just that).
    return {
      reason: offersText.overBudget(formatUsd(tally.budget, locale)),
      at: 'price',
      fix: cheaper(new Decimal(tally.remaining ?? 0)),
    };
  }
  const funds = providerInfo(host.provider)?.fundsUrl;
  // Hugging Face's free accounts have no included credits and pay only with credits bought (hub-docs,
  // docs/inference-providers/pricing.md): its router refuses them with a 402, so the click is refused before it.
  if (cannotPay) {
    return {
      reason: signInText.accountCannotPay(provider),
      at: 'price',
      fix: funds ? { label: signInText.addFunds(provider), url: funds } : undefined,
    };
  }
  if (left?.lt(mostOf(quote))) {
    return {
      reason: signInText.overBalance(provider, formatUsd(left, locale)),
      at: 'price',
      fix: cheaper(left) ?? (funds ? { label: signInText.addFunds(provider), url: funds } : undefined),
    };
  }
  return undefined;
}
