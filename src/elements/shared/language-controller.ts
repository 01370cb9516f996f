import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { bundledWords } from '../../translations/languages.js';
import type { Strings, Translation } from '../../strings/strings.js';

/** How a view speaks: the element's words over English (see `wordsIn`) and the locale of its amounts and dates. */
export interface Spoken {
  translation?: Translation;
  locale?: string;
}

/** Where there are no bundled words, or no `strings`: a key of its own. */
const NONE = {};
const made = new WeakMap<object, WeakMap<object, Translation>>();

/**
 * The bundled words of a language with a page's `strings` over them, made once per page for each pair (the same
 * object for every element that speaks them: what is priced or said in them is known by them, pricing/page-offers.ts).
 * A page changes its words by setting `strings` anew, as it sets any property.
 */
function wordsOf(bundle: Strings | undefined, strings: Translation | null): Translation {
  const own: object = typeof strings === 'object' && strings ? strings : NONE; // a page's mistake: no words of its own
  const byBundle = made.get(bundle ?? NONE) ?? new WeakMap<object, Translation>();
  made.set(bundle ?? NONE, byBundle);
  let words = byBundle.get(own);
  if (!words) {
    const merged: Record<string, object> = { ...bundle };
    for (const [module, sentences] of Object.entries(own)) merged[module] = { ...merged[module], ...sentences };
    byBundle.set(own, (words = merged));
  }
  return words;
}

/** The hosts whose language each tree's `lang` decides, by tree (a document, a shadow root). */
const followers = new WeakMap<Node, Set<ReactiveControllerHost>>();
/**
 * One observer for the page: a `lang` that changes in a tree asks every host that tree decides to look its language up
 * again. A hundred widgets follow the document with one observer, not a hundred.
 */
let observer: MutationObserver | undefined;

function follow(root: Node, host: ReactiveControllerHost) {
  let hosts = followers.get(root);
  if (!hosts) {
    followers.set(root, (hosts = new Set()));
    observer ??= new MutationObserver((records) => {
      const roots = new Set(records.map((record) => record.target.getRootNode()));
      for (const changed of roots) for (const follower of followers.get(changed) ?? []) follower.requestUpdate();
    });
    observer.observe(root, { attributeFilter: ['lang'], subtree: true });
  }
  hosts.add(host);
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
  /** The trees above the host, its own first: a `lang` changed in one of them has it look its language up again. */
  #trees: Node[] = [];

  readonly #host: LanguageHost;

  constructor(host: LanguageHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected() {
    // Moved under another `lang`, the element speaks it at once: nothing else may update it.
    const spoken = [this.lang, this.locale, this.translation];
    this.hostUpdate();
    if ([this.lang, this.locale, this.translation].some((now, index) => now !== spoken[index]))
      this.#host.requestUpdate();
  }

  hostDisconnected() {
    this.#unfollow();
  }

  #unfollow() {
    for (const tree of this.#trees) followers.get(tree)?.delete(this.#host);
    this.#trees = [];
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
    const trees: Node[] = [];
    while (element) {
      lang ??= element.closest('[lang]')?.getAttribute('lang') ?? undefined;
      const root = element.getRootNode();
      trees.push(root);
      element = root instanceof ShadowRoot ? root.host : undefined; // the document's is the last tree
    }
    if (trees.some((tree, index) => tree !== this.#trees[index]) || trees.length !== this.#trees.length) {
      this.#unfollow();
      for (const tree of trees) follow(tree, host);
      this.#trees = trees;
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
    this.translation = wordsOf(this.#bundle, host.strings);
  }
}
