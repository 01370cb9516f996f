// <userpays-image> in a Vue 3 app, with no build step: Vue's browser build compiles the template below at run time.
import { createApp, ref } from 'vue';
import 'userpays'; // defines <userpays-image>, <userpays-cost> and <userpays-tally>

const app = createApp({
  setup() {
    const apiKey = ref('');
    const result = ref(null);
    const error = ref(null);
    return {
      apiKey,
      result,
      error,
      // Offline, against the BFL simulator that `npm start` serves (deliveryCors=1: its image host lets the page
      // read the image, as the relay does). On your site, leave `endpoint` out.
      endpoint: `${location.origin}/sim/bfl/s/deliveryCors=1`,
      onResult: (event) => ((result.value = event.detail), (error.value = null)),
      onError: (event) => (error.value = event.detail),
    };
  },
  // `.apiKey` binds a DOM property (a key is never an attribute); `@userpays-result` listens to that event.
  // A string template, not one in the page: HTML would lowercase `.apiKey` to `.apikey`.
  template: `
    <main>
      <h1>userpays in Vue</h1>
      <label>Your BFL key <input v-model="apiKey" type="password" autocomplete="off" /></label>
      <userpays-image
        provider="bfl"
        model="flux-2-klein-4b"
        prompt="a kite over the dunes"
        budget="1.00"
        :endpoint="endpoint"
        .apiKey="apiKey"
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
