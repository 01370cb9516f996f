/**
 * The generation words (generation.ts) as the layers below the elements say them (`sayer`): one for every module that
 * says them, rather than one each (it is the same in all). Not in generation.ts: strings.ts names its type.
 */
import { generation } from './generation.js';
import { sayer } from './strings.js';

export const generationText = sayer('generation', generation);
