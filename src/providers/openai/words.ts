/**
 * What the gateways' adapter says, and only it (src/strings/ holds the sentences several parts share;
 * docs/architecture.md, "Strings"): loaded with the adapter.
 */

export const badPath = (path: string) =>
  `The gateway path set in the price book ("${path}") does not stay on the gateway's address: write it as a path, such as "/v1/images/generations".`;
