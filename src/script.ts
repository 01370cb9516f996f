// Classic-script entry: rollup wraps this in an IIFE whose exports become `window.UserPays`.
import Decimal from 'decimal.js';
import { css, html, nothing, render, svg } from 'lit';
import './define.js';
import * as errors from './errors.js';
import * as pricing from './pricing/index.js';
import * as catalog from './providers/catalog.js';
import * as clock from './clock.js';
import * as urls from './providers/urls.js';
import * as strings from './strings/page.js';
import * as tallyView from './elements/shared/tally-view.js';

// The modules the later parts' classic scripts (userpays-engine.js on first need, userpays-panels.js after the
// first paint) take from this one instead of carrying copies: see SHARED in rollup.config.mjs. The first copy of the script on a page wins,
// as its elements are the ones defined.
(globalThis as { __userpays_core__?: object }).__userpays_core__ ??= {
  errors,
  strings,
  pricing,
  catalog,
  urls,
  clock,
  tallyView,
  Decimal,
  lit: { css, html, nothing, render, svg },
};

export * from './api.js';
