import Decimal from 'decimal.js';
import type { Quote } from '../../../../base/types.js';
import { formatUsd, formatUsdLeft, formatUsdRounded, modelName } from '../../../../pricing/index.js';
import { cheapestWithin } from '../../../../pricing/offer-choices.js';
import { payeeAt, providerInfo } from '../../../../providers/registry/catalog.js';
import { offers } from '../../../../strings/image/offers.js';
import { signIn } from '../../../../strings/sign-in.js';
import { ledger as ledgerWords } from '../../../../strings/ledger.js';
import { wordsIn } from '../../../../strings/strings.js';
import { words } from '../../../../strings/words.js';
import type { ImageParts } from '../../shared/image-parts.js';
import type { Blocked } from '../../shared/view.js';
import type { EvidenceOffer } from './balance-evidence.js';
import { mostOf } from '../../../../pricing/quote.js';
import { mostSaid } from '../../shared/price-words.js';

/**
 * Why a click on Generate cannot succeed for what the budget in force or the account in force leaves (`left`, where
 * its provider says; `capped`, where that is what a key's own spending cap leaves, not the account's balance: the cap
 * given at this site's sign-in, or a pasted key's limit), or because the account cannot pay at all (`cannotPay`: a
 * Hugging Face free account, as its sign-in said), with the fix (the cheapest request that fits, or where to add
 * funds or raise the key's limit, or the answer a lost reply's balance points to, `evidence`): known once the ledger
 * and the account are, after the first paint (image-view.ts says the rest).
 */
export function spendingBlocked(
  parts: ImageParts,
  left: Decimal | undefined,
  quote: Quote,
  cannotPay = false,
  capped?: 'signed' | 'pasted',
  evidence?: EvidenceOffer,
): Blocked | undefined {
  const { host } = parts;
  const { locale, translation } = parts.language;
  const offersText = wordsIn(translation, 'offers', offers);
  const signInText = wordsIn(translation, 'signIn', signIn);
  const provider = wordsIn(translation, 'words', words).providerName(payeeAt(host.provider, host.endpoint));
  const cheaper = (left: Decimal) => {
    const best = cheapestWithin(parts.offersAsk(), parts.pricing, left);
    return (
      best && {
        label: offersText.useCheaper(modelName(best.model), mostSaid(best, locale, translation)),
        model: best.model,
      }
    );
  };
  const { ledger, tally } = parts.ledger;
  // A damaged stored budget stops spending until it is set again, as a bad `budget` attribute does (image-view.ts).
  if (ledger?.budgetDamaged)
    return { reason: wordsIn(translation, 'ledger', ledgerWords).budgetDamaged(), at: 'price' };
  if (ledger && tally?.budget && ledger.wouldExceed(mostOf(quote))) {
    // What the budget leaves once everything held and uncertain is counted (`remaining` says just that). Where the
    // request would fit but for what may have been charged, the user's word on it is the fix: it may not have been.
    // A budget in force that is not the user's own is the site's, which the user cannot raise. Where the account's
    // balance points to an answer (`evidence`: it fell by the price), that answer is the fix, one click.
    const remaining = new Decimal(tally.remaining ?? 0);
    const uncertain = new Decimal(tally.uncertain ?? 0);
    const settling = uncertain.gt(0) && remaining.plus(uncertain).gte(mostOf(quote));
    const budget = formatUsd(tally.budget, locale);
    const site = tally.budget !== ledger.budget;
    return settling
      ? {
          reason: offersText.overBudget(budget, site, formatUsdRounded(uncertain, locale, true)),
          at: 'price',
          fix: evidence
            ? { label: evidence.label, answer: evidence }
            : { label: offersText.settleUncertain(ledger.uncertain().length), focus: 'uncertain-first' },
        }
      : { reason: offersText.overBudget(budget, site), at: 'price', fix: cheaper(remaining) };
  }
  const { fundsUrl: funds, keyUrl } = providerInfo(host.provider) ?? {};
  // Hugging Face's free accounts have no included credits and pay only with credits bought (huggingface/hub-docs
  // docs/inference-providers/pricing.md): its router refuses them with a 402, so the click is refused before it.
  if (cannotPay) {
    return {
      reason: signInText.accountCannotPay(provider),
      at: 'price',
      fix: funds ? { label: signInText.addFunds(provider), url: funds } : undefined,
    };
  }
  if (left?.lt(mostOf(quote))) {
    const leaves = formatUsdLeft(left, locale);
    const signed = capped === 'signed';
    // A key's own cap is no balance, and more credit does not raise it: a cheaper image, or a pasted key's limit
    // raised where its keys are.
    const [reason, fix, url] = capped
      ? [
          signInText.overCap(provider, leaves, mostSaid(quote, locale, translation), signed),
          signInText.raiseKeyLimit(provider),
          !signed && keyUrl,
        ]
      : [signInText.overBalance(provider, leaves), signInText.addFunds(provider), funds];
    return { reason, at: 'price', fix: cheaper(left) ?? (url ? { label: fix, url } : undefined) };
  }
  return undefined;
}
