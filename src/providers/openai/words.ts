/**
 * What the gateways' adapter says, and only it (src/strings/ holds the sentences several parts share;
 * docs/architecture.md, "Strings"): loaded with the adapter.
 */

export interface OpenAiStrings {
  badPath(path: string): string;
  /** OpenAI's 403 for a model only a verified organization may use: the key is good, the account must act. */
  organizationUnverified(url: string): string;
}

export const openaiWords: OpenAiStrings = {
  badPath: (path) =>
    `The gateway path set in the price book ("${path}") does not stay on the gateway's address: write it as a path, such as "/v1/images/generations".`,
  organizationUnverified: (url) =>
    `Your key works, but OpenAI lets only verified organizations use this model. Verify your organization at ${url}, then try again (it can take a few minutes), or pick another model.`,
};

declare module '../../strings/strings.js' {
  interface Strings {
    openai: OpenAiStrings;
  }
}
