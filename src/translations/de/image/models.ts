import type { ModelsStrings } from '../../../strings/image/models.js';

export const models: ModelsStrings = {
  bestFor: (model) =>
    ({
      'flux-2-klein-4b': 'Schnell, in Mengen',
      'flux-2-klein-9b': 'Schnell, feiner',
      'flux-2-klein-9b-base': 'Vielfältiger',
      'flux-2-pro': 'Produktionsqualität',
      'flux-2-flex': 'Text, Feinsteuerung',
      'flux-2-max': 'Höchste Qualität',
      'flux-2-dev': 'Offene Gewichte',
      'flux-kontext-pro': 'Bearbeitet Ihr Bild',
      'flux-kontext-max': 'Beste Bearbeitung',
      'flux-pro-1.1': 'FLUX.1, schnell',
      'flux-pro-1.1-ultra': 'FLUX.1, bis 4 MP',
      'flux-pro-1.0-fill': 'Füllt eine Maske',
      'flux-1-schnell': 'Schnellstes FLUX.1',
      'flux-1-dev': 'Offenes FLUX.1',
      'gpt-image-2': 'Lange Prompts, Text im Bild',
      'gpt-image-1.5': 'Genaue Bearbeitung',
      'gpt-image-1': 'Folgt Anweisungen',
      'gpt-image-1-mini': 'GPT Image, günstig',
      'gemini-3.1-flash-image': 'Schnell (Gemini Flash)',
      'gemini-3-pro-image': 'Text, 4K (Gemini 3 Pro)',
      'imagen-4-fast': 'Schnelle Entwürfe',
      'imagen-4': 'Fotorealismus',
      'imagen-4-ultra': 'Fotorealismus, feinste Details',
      'seedream-4.5': 'Plakate und Layouts, ab 2K',
      'seedream-5-lite': 'Seedream zum kleineren Preis',
      'qwen-image': 'Text im Bild, auch Chinesisch',
      'grok-imagine': 'Lebendige, stilisierte Bilder',
    })[model] ?? '',
};
