/**
 * The ledger's words (ledger.ts) as the ledger says them (`sayer`): one for every module that says them, rather than
 * one each (it is the same in all). Not in ledger.ts: strings.ts names its type.
 */
import { ledger } from './ledger.js';
import { sayer } from './strings.js';

export const ledgerText = sayer('ledger', ledger);
