import type * as Engine from './engine.js';
import { setScriptSource } from './providers/urls.js';

// The classic-script build's loadEngine() (rollup.config.mjs puts it in place of load-engine.ts): the engine is
// `userpays-engine.js` beside `userpays.js`, a classic script too, that leaves its exports in
// `__userpays_engine__`. The script's own address is read while it runs, the only moment it is known.
const here = (document.currentScript as HTMLScriptElement | null)?.src || location.href;

let loading: Promise<typeof Engine> | undefined;

export function loadEngine(): Promise<typeof Engine> {
  return (loading ??= new Promise<typeof Engine>((resolve, reject) => {
    const script = document.createElement('script');
    setScriptSource(script, new URL('userpays-engine.js', here).href); // throws in words under Trusted Types
    script.onload = () => resolve((globalThis as { __userpays_engine__?: typeof Engine }).__userpays_engine__!);
    script.onerror = () => {
      script.remove();
      reject(new TypeError('userpays-engine.js could not be loaded'));
    };
    document.head.append(script);
  }).catch((error: unknown) => {
    loading = undefined; // tried again next time
    throw error;
  }));
}
