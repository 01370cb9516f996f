/**
 * How the panels write a time, as a person writes it (never seconds, never a raw timestamp): an image's or a
 * failure's moment, a link's end, the first day of the chart, the tally's times; `…Year` where the year is not
 * this one.
 */
import { formatterOf } from './formatters.js';

const STYLES = {
  moment: { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  momentYear: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  time: { hour: 'numeric', minute: '2-digit' },
  // A local day number counts days since 1970-01-01 as a date, not an instant: read it in UTC.
  day: { month: 'short', day: 'numeric', timeZone: 'UTC' },
  dayYear: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * `at` (ms since the epoch) as `locale` writes it in `style` (with `until`, the span from `at` to it, each part said
 * once: "2:36 – 2:37 PM", one time where both fall in the same minute), with one formatter per locale and style, made
 * once (`formatterOf`): `toLocaleString` with options builds a formatter on every call, 0.2 ms each, measured, so 5 ms
 * in every render of a gallery of 27 images (a render per progress reply while an image is made). A malformed `locale`
 * falls back to the browser's, as prices do (`formatUsd`), where `toLocaleString` would throw and blank the widget.
 */
export const formatDate = (at: number, locale: string | undefined, style: keyof typeof STYLES, until?: number) => {
  const format = formatterOf(locale, style, (locale) => new Intl.DateTimeFormat(locale, STYLES[style]));
  return until === undefined ? format.format(at) : format.formatRange(at, until);
};
