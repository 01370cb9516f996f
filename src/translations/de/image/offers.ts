import type { OffersStrings } from '../../../strings/image/offers.js';
import { atProvider, images } from '../words.js';
import { sentences } from '../../../strings/sentence.js';

/** The images of `submissions` of `count` images each, where a submission is more than one. */
const imagesOf = (submissions: number, count?: number) =>
  count && count > 1 ? ` (${images(submissions * count)})` : '';

/** Beside a figure at the expected price, the least at the most a submission can cost, where the price is a bound. */
const atLeast = (least?: number, count?: number) =>
  least === undefined ? '' : `, mindestens ${least}${imagesOf(least, count)}`;

export const offers = sentences<OffersStrings>({
  compareLabel: 'Preise vergleichen',
  compareSummary: (model, payee, price, family) =>
    `Preise vergleichen · am günstigsten${family ? ` in ${family}` : ''}: ${model} ${atProvider(payee)}, ${price}`,
  cheapest: 'am günstigsten',
  providerColumn: 'Anbieter',
  priceColumn: 'Preis',
  hundredOf: (price, count, most) =>
    `${count === 1 ? '100 solche Bilder' : `100 solche Aufträge${count ? ` (${images(100 * count)})` : ''}`}: ${
      most ? `etwa ${price}, höchstens ${most}` : price
    }`,
  perDollar: (submissions, count, least) =>
    ` · ${least === undefined ? '' : 'etwa '}${submissions} pro Dollar${imagesOf(submissions, count)}${atLeast(least, count)}`,
  beforeBudget: (submissions, count, least) =>
    ` · noch ${least === undefined ? '' : 'etwa '}${submissions}${imagesOf(submissions, count)}, bevor Ihr Budget aufgebraucht ist${atLeast(least, count)}`,
  monthPace: (price) => `In Ihrem Tempo kommt dieser Monat auf etwa ${price}.`,
  overBudget: (budget, site, uncertain) =>
    `Über ${site ? 'dem Limit dieser Website' : 'Ihrem Budget'} von ${budget}${
      uncertain
        ? `, mitgezählt ${uncertain}, die vielleicht berechnet wurden`
        : `: ${site ? 'Wählen Sie' : 'Erhöhen Sie es oder wählen Sie'} eine günstigere Anfrage`
    }`,
  settleUncertain: (count) => `Sagen, ob ${count > 1 ? 'sie berechnet wurden' : 'es berechnet wurde'}`,
  useCheaper: (model, price) => `${model} verwenden · ${price}`,
});
