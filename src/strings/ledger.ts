/** What the ledger says: amounts, the budget, and storage that cannot keep the user's history. */

export const notAnAmount = (value: string) => `"${value}" is not an amount of money.`;
export const budgetExceeded = (total: string, budget: string) =>
  `This would cost ${total} and take you past your budget of ${budget}. ` +
  'Choose a smaller size, fewer images or a cheaper model, or raise the budget.';
export const historyDamaged = () => 'Your saved spending history was damaged; the readable part was kept.';
export const storageFull = () => 'Storage is full: spending is tracked for this visit only.';
export const storageOff = () =>
  'This browser does not let the page save data: spending is tracked for this visit only.';
