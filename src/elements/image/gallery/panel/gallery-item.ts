import type { Receipt } from '../../../../base/types.js';
import type { SaidBasis } from '../../../../strings/image/gallery.js';
import type { GalleryImage } from '../../../../images/gallery.js';

/** An image of the gallery, with what the widget offers to do with it. */
export interface GalleryItem extends Omit<GalleryImage, 'receipt'> {
  receipt?: Omit<Receipt, 'charged' | 'basis'> & { basis: SaidBasis };
  /** The model to finalize it on (same prompt, size and seed) and that one's price; none where it is that model. */
  finalize?: { model: string; price: string };
  /**
   * What Vary costs, in words as the picker says prices ("$0.014"; a bound "at most $0.0733"): one new image of its
   * prompt and settings, with the references attached now; none without a price.
   */
  vary?: string;
  /** Whether the current model takes reference images (Use as reference). */
  referable: boolean;
  /** Whether it can be edited here: its bytes are saved, and the page allows editing (Edit). */
  editable: boolean;
  /** Whom it was paid to, as the words name it (`payeeAt`: OpenAI at its own API); its provider where not given. */
  payee?: string;
  /**
   * Where it is an edit of an image still in the gallery (`edit.editOf`), or of one of the user's own kept for its edits:
   * that image, the version before it, to compare with (and to go back to, where it is the gallery's). None for an
   * original, or where its source was deleted.
   */
  before?: {
    id: string;
    url?: string;
    prompt: string;
    /** An image of the user's own (`StoredImage.own`): no image of the gallery's to go back to, and no prompt. */
    own?: boolean;
  };
}
