import type { OffersStrings } from '../../../strings/image/offers.js';
import { atProvider, images } from '../words.js';

/** The images of `submissions` of `count` images each, where a submission is more than one. */
const imagesOf = (submissions: number, count?: number) =>
  count && count > 1 ? ` (${images(submissions * count)})` : '';

export const offers: OffersStrings = {
  compareLabel: () => 'Preise vergleichen',
  compareSummary: (model, payee, price) =>
    `Preise vergleichen · am günstigsten: ${model} ${atProvider(payee)}, ${price}`,
  cheapest: () => 'am günstigsten',
  providerColumn: () => 'Anbieter',
  priceColumn: () => 'Preis',
  hundredOf: (price, count) =>
    count === 1
      ? `100 solche Bilder: ${price}`
      : `100 solche Aufträge${count ? ` (${images(100 * count)})` : ''}: ${price}`,
  perDollar: (submissions, count) => ` · ${submissions} pro Dollar${imagesOf(submissions, count)}`,
  beforeBudget: (submissions, count) =>
    ` · noch ${submissions}${imagesOf(submissions, count)}, bevor Ihr Budget aufgebraucht ist`,
  monthPace: (price) => `In Ihrem Tempo kommt dieser Monat auf etwa ${price}.`,
  overBudget: (budget, site, uncertain) =>
    `Über ${site ? 'dem Limit dieser Website' : 'Ihrem Budget'} von ${budget}${
      uncertain
        ? `, mitgezählt ${uncertain}, die vielleicht berechnet wurden`
        : `: ${site ? 'Wählen Sie' : 'Erhöhen Sie es oder wählen Sie'} eine günstigere Anfrage`
    }`,
  settleUncertain: (count) => `Sagen, ob ${count > 1 ? 'sie berechnet wurden' : 'es berechnet wurde'}`,
  useCheaper: (model, price) => `${model} verwenden · ${price}`,
};
