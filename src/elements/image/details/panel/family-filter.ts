import type { ReactiveControllerHost } from 'lit';
import { valueOf } from '../../../shared/fields.js';

/**
 * Which family of models the comparison lists ('' for every one): the price details' own choice, held by their part
 * across renders, for as long as the widget lives.
 */
export class FamilyFilter {
  family = '';
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** `change` of the comparison's family choice (its value: a family, or '' for all). */
  readonly pick = (event: Event) => {
    this.family = valueOf(event);
    this.#host.requestUpdate();
  };
}
