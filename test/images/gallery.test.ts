// The gallery's object URLs (src/images/gallery.ts): an image preloaded while it is saved is shown under the URL
// it was loaded from, and a URL never shown is revoked when the gallery is cleared. An image about to be saved is
// shown without the others read back (`add`), as the store keeps them, and no read made before its save hides it.
import { expect } from '@open-wc/testing';
import { Gallery } from '../../src/images/gallery.js';
import { pngBlob, storedImage } from '../support/images.js';

/**
 * The object URLs the page makes (`createObjectURL`) or revokes (`revokeObjectURL`) while each test of the calling
 * suite runs, in order: the calls are recorded on their way through.
 */
function objectUrls(method: 'createObjectURL' | 'revokeObjectURL'): string[] {
  const urls: string[] = [];
  const real = URL[method].bind(URL) as (argument: Blob | string) => string | undefined;
  beforeEach(() => {
    urls.length = 0;
    (URL as unknown as Record<string, unknown>)[method] = (argument: Blob | string) => {
      const result = real(argument);
      urls.push(method === 'createObjectURL' ? result! : (argument as string));
      return result;
    };
  });
  afterEach(() => ((URL as unknown as Record<string, unknown>)[method] = real));
  return urls;
}

describe('Gallery: an image shown', () => {
  it('says the type of its saved bytes (a download is named by it), and none for one on its provider’s link', async () => {
    const gallery = new Gallery(() => {});
    const jpeg = new Blob([await (await pngBlob(8, 8)).arrayBuffer()], { type: 'image/jpeg' });
    gallery.show([
      storedImage('a', jpeg, 1),
      { ...storedImage('b', jpeg, 2), blob: undefined, remote: { url: 'https://x/b.jpeg' } },
    ]);
    expect(gallery.images.map((image) => [image.id, image.type])).to.deep.equal([
      ['b', undefined],
      ['a', 'image/jpeg'],
    ]);
    gallery.clear();
  });

  it('says the submission it belongs to: its own where it was stored before submissions were', async () => {
    const gallery = new Gallery(() => {});
    const blob = await pngBlob(8, 8);
    gallery.show([
      storedImage('a', blob, 1),
      { ...storedImage('b', blob, 2), batch: 's1' },
      { ...storedImage('c', blob, 3), batch: 's1' },
    ]);
    expect(gallery.images.map((image) => [image.id, image.batch])).to.deep.equal([
      ['c', 's1'],
      ['b', 's1'],
      ['a', 'a'],
    ]);
    gallery.clear();
  });
});

describe('Gallery: preloaded images', () => {
  const made = objectUrls('createObjectURL');

  it('are shown under the URL they were loaded from, once the show has them', async () => {
    const gallery = new Gallery(() => {});
    const [a, b] = [await pngBlob(8, 8), await pngBlob(8, 8)];
    gallery.preload('b', b);
    expect(made).to.have.length(1);
    const preloaded = made[0];

    gallery.show([storedImage('a', a, 1)]); // b is not saved yet: it waits
    expect(made).to.have.length(2);
    gallery.show([storedImage('b', b, 2), storedImage('a', a, 1)]);
    expect(made, 'no URL made for b, none again for a').to.have.length(2);
    expect(gallery.images.map((image) => image.url)).to.deep.equal([preloaded, made[1]]);
    const img = new Image();
    img.src = preloaded;
    await img.decode(); // still live
  });

  it('are decoded at once, and one no browser can open raises nothing', async () => {
    const decode = HTMLImageElement.prototype.decode;
    let decodes = 0;
    HTMLImageElement.prototype.decode = function () {
      decodes++;
      return decode.call(this); // handed on untouched: a handler added here would hide an unhandled rejection
    };
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => {
      unhandled.push(event.reason);
      event.preventDefault();
    };
    addEventListener('unhandledrejection', onUnhandled);
    try {
      const broken = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
      const gallery = new Gallery(() => {});
      gallery.preload('broken', broken);
      expect(decodes).to.equal(1);
      // The same bytes decoded after the gallery's: once this fails, the gallery's has.
      const same = new Image();
      same.src = URL.createObjectURL(broken);
      expect(
        await decode.call(same).then(
          () => 'decoded',
          () => 'failed',
        ),
      ).to.equal('failed');
      for (let task = 0; task < 3; task++) await new Promise((resolve) => setTimeout(resolve)); // reported by then
      gallery.clear();
    } finally {
      HTMLImageElement.prototype.decode = decode;
      removeEventListener('unhandledrejection', onUnhandled);
    }
    expect(unhandled).to.deep.equal([]);
  });

  it('revokes a preloaded URL never shown when cleared', async () => {
    const gallery = new Gallery(() => {});
    gallery.preload('c', await pngBlob(8, 8));
    const [url] = made;
    await fetch(url); // live until then
    gallery.clear();
    let failed = false;
    await fetch(url).catch(() => (failed = true));
    expect(failed).to.equal(true);
  });
});

describe('Gallery: an image just saved', () => {
  const revoked = objectUrls('revokeObjectURL');

  it('is shown first, under its preloaded URL, the others as they were', async () => {
    let changes = 0;
    const gallery = new Gallery(() => changes++);
    const [a, b] = [await pngBlob(8, 8), await pngBlob(8, 8)];
    gallery.show([storedImage('a', a, 1)]);
    const [shownA] = gallery.images;
    gallery.preload('b', b);
    gallery.add(storedImage('b', b, 2), 50);
    expect(changes).to.equal(2);
    expect(gallery.images.map((image) => image.id)).to.deep.equal(['b', 'a']);
    expect(gallery.images[1]).to.equal(shownA);
    const preloaded = gallery.images[0].url!;
    gallery.show([storedImage('b', b, 2), storedImage('a', a, 1)]); // the read after it: no URL changes, none revoked
    expect(gallery.images.map((image) => image.url)).to.deep.equal([preloaded, shownA.url]);
    expect(revoked).to.deep.equal([]);
  });

  it('drops the oldest beyond what the store keeps, their URLs revoked, and is not shown twice', async () => {
    const gallery = new Gallery(() => {});
    gallery.show([storedImage('b', await pngBlob(8, 8), 2), storedImage('a', await pngBlob(8, 8), 1)]);
    const oldest = gallery.images[1].url!;
    const c = storedImage('c', await pngBlob(8, 8), 3);
    gallery.add(c, 2);
    gallery.add(c, 2);
    expect(gallery.images.map((image) => image.id)).to.deep.equal(['c', 'b']);
    expect(revoked).to.deep.equal([oldest]);
    gallery.add(storedImage('d', await pngBlob(8, 8), 4), 0); // a store that keeps none shows none
    expect(gallery.images).to.deep.equal([]);
  });

  it('stays shown, its URL kept, through reads made before its save; once saved, reads decide', async () => {
    const gallery = new Gallery(() => {});
    const [a, b, c] = [await pngBlob(8, 8), await pngBlob(8, 8), await pngBlob(8, 8)];
    gallery.show([storedImage('a', a, 1)]);
    gallery.add(storedImage('c', c, 3), 50);
    const url = gallery.images[0].url!;
    // A read made before c's save, with an image b from another tab: c stays first, a is as it was.
    gallery.show([storedImage('b', b, 2), storedImage('a', a, 1)]);
    expect(gallery.images.map((image) => image.id)).to.deep.equal(['c', 'b', 'a']);
    expect(gallery.images[0].url).to.equal(url);
    expect(revoked).to.deep.equal([]);
    gallery.saved('c');
    gallery.show([storedImage('c', c, 3), storedImage('b', b, 2), storedImage('a', a, 1)]);
    expect(gallery.images.map((image) => image.url)[0]).to.equal(url);
    // Removed meanwhile (in another tab): a read after its save no longer shows it, and its URL goes.
    gallery.show([storedImage('b', b, 2), storedImage('a', a, 1)]);
    expect(gallery.images.map((image) => image.id)).to.deep.equal(['b', 'a']);
    expect(revoked).to.deep.equal([url]);
  });

  it('forget: revokes the URL of an image preloaded and never shown, and takes back one shown unsaved', async () => {
    let changes = 0;
    const gallery = new Gallery(() => changes++);
    const [a, b, c] = [await pngBlob(8, 8), await pngBlob(8, 8), await pngBlob(8, 8)];
    gallery.show([storedImage('a', a, 1)]);
    gallery.preload('b', b);
    gallery.preload('c', c);
    gallery.add(storedImage('c', c, 3), 50);
    const [preloadedC] = gallery.images.map((image) => image.url);
    expect(changes).to.equal(2);
    gallery.forget('b'); // refused: never shown
    expect(revoked).to.have.length(1);
    expect(changes).to.equal(2);
    gallery.forget('c'); // shown, and failed before it was saved
    expect(revoked.slice(1)).to.deep.equal([preloadedC]);
    expect(gallery.images.map((image) => image.id)).to.deep.equal(['a']);
    expect(changes).to.equal(3);
    gallery.forget('a'); // saved: reads decide, not this
    expect(gallery.images.map((image) => image.id)).to.deep.equal(['a']);
    expect(revoked).to.have.length(2);
  });

  it('forgets an image not yet saved when cleared', async () => {
    const gallery = new Gallery(() => {});
    gallery.add(storedImage('c', await pngBlob(8, 8), 3), 50);
    gallery.clear();
    gallery.show([]);
    expect(gallery.images).to.deep.equal([]);
  });
});
