import type { ImageStore } from '../images/image-store.js';
import type { LedgerStore } from '../ledger/ledger.js';
import type {
  Conversation,
  PollPolicy,
  Provider,
  ProviderEdit,
  ReferenceImage,
  Wiring,
} from '../providers/provider.js';
import type { PublicRequest, Quote } from '../base/types.js';
import type { StageListener } from './stages.js';

/** Everything one submission needs; the element builds it, `runGeneration` runs it. */
export interface GenerationJob {
  provider: Provider;
  endpoint: string;
  apiKey?: string;
  /** This site's sign-in made `apiKey` (`BalanceSource.keyMadeBySignIn`): its balance may settle a charge. */
  keyMadeBySignIn?: boolean;
  /** The site's relay, already checked: every request of the provider goes through it. */
  relay?: string;
  request: PublicRequest;
  inputs: ReferenceImage[];
  /** Where the request edits its first input: how, and where the user painted, at that input's size as sent. */
  edit?: ProviderEdit;
  /** Where the edit goes on with the conversation that made its first input: that conversation (SPEC §13). */
  conversation?: Conversation;
  /** The aspect ratio to send, for a model the provider sizes by ratio. */
  ratio?: string;
  /** How the provider wants the request, where the price book says (see `ProviderRequest.wiring`). */
  wiring?: Wiring;
  quote: Quote;
  budget?: string | null;
  /** How amounts in its words are written (BCP 47): the element's locale; the browser's where undefined. */
  locale?: string;
  ledger: LedgerStore;
  images: ImageStore;
  signal: AbortSignal;
  /** Each image's stages as they come: `progress`, `accepted`, `bytes`, `downloaded`, `saved` (see `SubmissionStage`). */
  onStage?: StageListener;
  poll?: PollPolicy;
}
