// <userpays-image> in a Vue 3 app, with no build step: Vue's browser build compiles the template below at run time.
import { createApp, ref } from 'vue';
import 'userpays'; // defines <userpays-image>, <userpays-cost> and <userpays-tally>

const app = createApp({
  setup() {
    const result = ref(null);
    const error = ref(null);
    return {
      result,
      error,
      // Offline, against the BFL simulator that `npm start` serves (deliveryCors=1: its image host lets the page
      // read the image, as the relay does). On your site, leave `endpoint` out.
      endpoint: `${location.origin}/sim/bfl/s/deliveryCors=1`,
      onResult: (event) => ((result.value = event.detail), (error.value = null)),
      onError: (event) => (error.value = event.detail),
    };
  },
  // The user types their key into the widget's own field (one key field on the page). An app that holds the key
  // binds it as a DOM property, `.apiKey="apiKey"` (a key is never an attribute), in a string template like this
  // one: HTML would lowercase `.apiKey` to `.apikey`. `@userpays-result` listens to that event.
  template: `
    <main>
      <h1>userpays in Vue</h1>
      <userpays-image
        provider="bfl"
        model="flux-2-klein-4b"
        prompt="a kite over the dunes"
        budget="1.00"
        :endpoint="endpoint"
        @userpays-result="onResult"
        @userpays-error="onError"
      ></userpays-image>
      <p v-if="error" id="error" role="alert">{{ error.message }}</p>
      <figure v-if="result" id="result">
        <img :src="result.images[0].url" alt="Your latest image" width="256" />
        <figcaption>Charged \${{ result.charged }}</figcaption>
      </figure>
    </main>
  `,
});
// Tags that are custom elements, not Vue components: Vue renders them as they are and stops warning that it
// cannot resolve a component of that name.
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('userpays-');
app.mount('#app');
