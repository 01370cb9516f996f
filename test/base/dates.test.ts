// Holds: src/base/formatters.ts
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { formatDate } from '../../src/base/dates.js';
import { renderHistory } from '../../src/elements/image/gallery/panel/result.js';

const AT = Date.UTC(2026, 10, 22, 17, 5);

describe('panel dates: one formatter per locale and style', () => {
  it('writes each style as toLocaleString does with its options, never with seconds', () => {
    for (const locale of ['en-US', 'de-DE', undefined]) {
      expect(formatDate(AT, locale, 'moment')).to.equal(
        new Date(AT).toLocaleString(locale, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }),
      );
      expect(formatDate(AT, locale, 'time')).to.equal(
        new Date(AT).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' }),
      );
      expect(formatDate(AT, locale, 'momentYear')).to.equal(
        new Date(AT).toLocaleString(locale, {
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          hour: 'numeric',
          minute: '2-digit',
        }),
      );
      expect(formatDate(AT, locale, 'day')).to.equal(
        new Date(AT).toLocaleString(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }),
      );
      expect(formatDate(AT, locale, 'dayYear')).to.equal(
        new Date(AT).toLocaleString(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
      );
    }
  });

  it('keeps styles and locales apart once made', () => {
    const english = formatDate(AT, 'en-US', 'moment');
    expect(formatDate(AT, 'de-DE', 'moment')).not.to.equal(english);
    expect(formatDate(AT, 'en-US', 'time')).not.to.equal(english);
    expect(formatDate(AT, 'en-US', 'moment')).to.equal(english);
  });

  it("falls back to the browser's locale for a malformed one, where toLocaleString throws", () => {
    expect(() => new Date(AT).toLocaleString('not a locale!', { hour: 'numeric' })).to.throw(RangeError);
    expect(formatDate(AT, 'not a locale!', 'moment')).to.equal(formatDate(AT, undefined, 'moment'));
  });

  it('a gallery under a malformed locale is drawn, its times and prices in the browser’s', () => {
    const image = {
      id: 'a',
      entryId: 'a',
      batch: 'a',
      url: 'blob:x',
      prompt: 'a red fox',
      model: 'flux-2-pro',
      provider: 'bfl',
      width: 512,
      height: 512,
      charged: '0.03',
      createdAt: AT,
      referable: false,
      editable: false,
    };
    const failure = { model: 'flux-2-pro', provider: 'bfl', at: AT, charged: '0.03', error: 'provider-error' };
    const host = document.createElement('div');
    render(
      renderHistory({ images: [image], failures: [failure], locale: 'not a locale!' }, () => {}),
      host,
    );
    expect(host.querySelector('figcaption')!.textContent).to.contain(formatDate(AT, undefined, 'moment'));
    expect(host.querySelector('[part=failures]')!.textContent).to.contain(formatDate(AT, undefined, 'moment'));
  });
});
