// Classic-script entry: rollup wraps this in an IIFE whose exports become `window.UserPays`.
import './define.js';

export * from './api.js';
