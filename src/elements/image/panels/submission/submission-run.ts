import Decimal from 'decimal.js';
import type { GenerationResult } from '../../../../base/types.js';
import type { SubmissionRun } from '../../submission-controller.js';
import { loadEngine } from '../../../../lazy/index.js';
import { emit } from '../../../shared/events.js';
import type { GalleryController } from '../gallery/gallery-controller.js';

/** One submission as its controller began it at the click, with the element and the gallery the images go to. */
export interface WidgetRun extends SubmissionRun {
  host: HTMLElement;
  gallery: GalleryController;
}

/**
 * The work of one submission of `<userpays-image>` after the click (loaded with the panels, as the gallery the images
 * go to): the engine's `submit`, each image handed to the gallery as its bytes come, progress and charges drawn as
 * the provider reports them, and the events the page listens to.
 */
export async function runSubmission(run: WidgetRun): Promise<GenerationResult> {
  const { controller, host } = run;
  const engine = await loadEngine();
  const { done, ...images } = run.gallery.receive();
  run.done(done);
  const { result, partialError, chargeNote } = await engine.submit({
    ...run.snapshot,
    ...images,
    ledger: await run.ledger,
    signal: run.signal,
    onSubmit: (detail) => {
      const sent = emit(host, 'userpays-submit', detail, true);
      if (!sent) run.vetoed();
      return sent;
    },
    beforeSend: (quote) => run.beforeSend(quote),
    onStart: () => controller.update({ status: 'generating' }),
    onProgress: (said) => {
      const detail = { ...said, status: controller.say(said.status) };
      if (run.shown()) controller.update({ progress: detail });
      emit(host, 'userpays-progress', detail);
    },
    onAccepted: (charge) => {
      if (charge && run.shown())
        controller.update({ billed: new Decimal(controller.billed || 0).plus(charge.usd).toString() });
    },
  });
  if (chargeNote) controller.update({ chargeNote });
  if (partialError) controller.report(partialError);
  emit(host, 'userpays-result', result);
  return result;
}
