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

/** The connected hosts: each is updated, and so looks its language up again, when a `lang` changes on the page. */
const hosts = new Set<LanguageHost>();
const observer = new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));

/**
 * The words an element speaks: those of its closest `lang` (its own, else its closest ancestor's across shadow roots,
 * followed as it changes, as native controls follow it), a bundled translation when that language has one
 * (languages.ts), with its `strings` property over them, sentence by sentence; English where neither gives one. And
 * the locale of its amounts and dates: its `locale`, else that language, else the browser's.
 */
export class LanguageController implements ReactiveController, Spoken {
  /** The closest `lang` ('' where there is none). */
  lang = '';
  /** The words in force over English (undefined: English). */
  translation?: Translation;
  /** While the bundled words of `lang` load: the first render waits for them, so that it never shows English first. */
  loading?: Promise<void>;
  /** The bundled words of `lang`, once here; and what `translation` was made of. */
  private bundle?: Strings;
  private madeOf?: [Translation | null, Strings | undefined];

  constructor(private readonly host: LanguageHost) {
    host.addController(this);
  }

  /** BCP 47 locale for amounts and dates: the host's `locale`, else its language, else the browser's (undefined). */
  get locale(): string | undefined {
    return this.host.locale || this.lang || undefined;
  }

  hostConnected() {
    hosts.add(this.host);
    // Every tree above the host (its own shadow root's hosts', up to the document), where a `lang` may change.
    for (let node: Node = this.host; ; node = (node as ShadowRoot).host) {
      node = node.getRootNode();
      observer.observe(node, { attributeFilter: ['lang'], subtree: true });
      if (!(node instanceof ShadowRoot)) break;
    }
    this.follow();
  }

  hostDisconnected() {
    hosts.delete(this.host);
  }

  hostUpdate() {
    this.follow();
    const { host, bundle } = this;
    const { strings } = host;
    if (strings !== this.madeOf?.[0] || bundle !== this.madeOf[1]) {
      this.madeOf = [strings, bundle];
      this.translation =
        strings && bundle
          ? Object.fromEntries(
              Object.keys({ ...bundle, ...strings }).map((name) => {
                const module = name as keyof Strings;
                return [module, { ...bundle[module], ...strings[module] }];
              }),
            )
          : (strings ?? bundle);
    }
  }

  /** Looks the language up again; where it changed, its bundled words load (the words in force stay until then). */
  private follow() {
    let lang = '';
    for (
      let element: Element | undefined = this.host;
      element && !lang;
      element = (element.getRootNode() as ShadowRoot).host
    )
      lang = element.closest('[lang]')?.getAttribute('lang') ?? '';
    if (lang === this.lang) return;
    this.lang = lang;
    const loading = bundledWords(lang);
    if (!loading) this.bundle = undefined;
    this.loading = loading?.then((bundle) => {
      if (this.lang === lang) [this.bundle, this.loading] = [bundle, undefined];
      this.host.requestUpdate();
    });
  }
}
