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
  /** The words in force over English: the bundled words of `lang`, with the host's `strings` over them. */
  translation?: Translation;
  /** While the bundled words of `lang` load: the first render waits for them, so that it never shows English first. */
  loading?: Promise<void>;
  /** The bundled words of `lang`, once here. */
  private bundle?: Strings;
  /** A `lang` changed in a tree above the host: it looks its language up again. */
  private readonly observer = new MutationObserver(() => this.host.requestUpdate());

  constructor(private readonly host: LanguageHost) {
    host.addController(this);
  }

  /** BCP 47 locale for amounts and dates: the host's `locale`, else its language, else the browser's (undefined). */
  get locale(): string | undefined {
    return this.host.locale || this.lang || undefined;
  }

  hostConnected() {
    // Every tree above the host (its own, its shadow root's host's, up to the document), where a `lang` may change.
    for (let node: Node | undefined = this.host; node; node = (node as ShadowRoot).host) {
      node = node.getRootNode();
      this.observer.observe(node, { attributeFilter: ['lang'], subtree: true });
    }
    this.hostUpdate();
  }

  hostDisconnected() {
    this.observer.disconnect();
  }

  /** Looks the language up again (where it changed, its bundled words load: those in force stay until then). */
  hostUpdate() {
    let lang = '';
    for (
      let element: Element | undefined = this.host;
      element && !lang;
      element = (element.getRootNode() as ShadowRoot).host
    )
      lang = element.closest('[lang]')?.getAttribute('lang') ?? '';
    if (lang !== this.lang) {
      this.lang = lang;
      const loading = bundledWords(lang);
      if (!loading) this.bundle = undefined;
      this.loading = loading?.then((bundle) => {
        if (this.lang === lang) [this.bundle, this.loading] = [bundle, undefined];
        this.host.requestUpdate();
      });
    }
    const { strings } = this.host;
    const words: Record<string, object> = { ...this.bundle };
    for (const module in strings) words[module] = { ...words[module], ...strings[module as keyof Strings] };
    this.translation = words;
  }
}
