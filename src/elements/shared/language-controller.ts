import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { bundledWords } from '../../translations/languages.js';
import type { Strings, Translation } from '../../strings/strings.js';

/** How a view speaks: the element's words over English (see `wordsIn`) and the locale of its amounts and dates. */
export interface Spoken {
  translation?: Translation;
  locale?: string;
}

/** What the controller reads of its host: its `strings` and `locale` properties. */
export interface LanguageHost extends ReactiveControllerHost, HTMLElement {
  strings: Translation | null;
  locale: string;
}

/**
 * The words an element speaks: those of its closest `lang` (its own, else its closest ancestor's across shadow roots,
 * followed as it changes, as native controls follow it), a bundled translation when that language has one
 * (languages.ts), with its `strings` property over them, sentence by sentence; English where neither gives one. And
 * the locale of its amounts and dates: its `locale`, else that language, else the browser's.
 */
export class LanguageController implements ReactiveController, Spoken {
  /** The closest `lang` ('' where there is none). */
  lang = '';
  /** BCP 47 locale for amounts and dates: the host's `locale`, else its language, else the browser's (undefined). */
  locale?: string;
  /** The words in force over English: the bundled words of `lang`, with the host's `strings` over them. */
  translation?: Translation;
  /** While the bundled words of `lang` load: the first render waits for them, so that it never shows English first. */
  loading?: Promise<void>;
  /** The bundled words of `lang`, once here. */
  #bundle?: Strings;
  /** A `lang` changed in a tree above the host: it looks its language up again. */
  readonly #observer = new MutationObserver(() => this.#host.requestUpdate());

  readonly #host: LanguageHost;

  constructor(host: LanguageHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected() {
    this.hostUpdate();
  }

  hostDisconnected() {
    this.#observer.disconnect();
  }

  /**
   * Looks the language up again, in every tree above the host (its own, its shadow root's host's, up to the
   * document), each observed for a `lang` that changes; where it changed, its bundled words load (those in force
   * stay until then).
   */
  hostUpdate() {
    const host = this.#host;
    let lang: string | undefined;
    let element: Element | undefined = host;
    while (element) {
      lang ??= element.closest('[lang]')?.getAttribute('lang') ?? undefined;
      const root = element.getRootNode();
      this.#observer.observe(root, { attributeFilter: ['lang'], subtree: true });
      element = root instanceof ShadowRoot ? root.host : undefined; // the document's is the last tree
    }
    lang ??= '';
    if (lang !== this.lang) {
      this.lang = lang;
      const loading = bundledWords(lang);
      if (!loading) this.#bundle = undefined;
      this.loading = loading?.then((bundle) => {
        if (this.lang === lang) [this.#bundle, this.loading] = [bundle, undefined];
        host.requestUpdate();
      });
    }
    this.locale = host.locale || lang || undefined;
    const { strings } = host;
    const words: Record<string, object> = { ...this.#bundle };
    for (const [module, own] of Object.entries(strings ?? {})) words[module] = { ...words[module], ...own };
    this.translation = words;
  }
}
