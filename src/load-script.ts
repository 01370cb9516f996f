import { setScriptSource } from './providers/urls.js';

// The classic-script build's lazily loaded parts are classic scripts beside `userpays.js` that leave their
// exports in a global. The script's own address is read while it runs, the only moment it is known.
const here = (document.currentScript as HTMLScriptElement | null)?.src || location.href;

/** Loads the classic script `file` from beside this one and resolves to what it left in `global`. */
export function loadScript<T>(file: string, global: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const script = document.createElement('script');
    setScriptSource(script, new URL(file, here).href); // throws in words under Trusted Types
    script.onload = () => resolve((globalThis as Record<string, unknown>)[global] as T);
    script.onerror = () => {
      script.remove();
      reject(new TypeError(`${file} could not be loaded`));
    };
    document.head.append(script);
  });
}
