// Placeholder until the simulators land: handles nothing.
export function createSimulator() {
  return { async handle() { return false; } };
}
