import { afterEach, beforeEach, expect, vi, type MockInstance } from "vitest";

/**
 * Set up for every unit test (vitest.config.ts `setupFiles`): React reports invalid props and
 * markup through console.error, so a unit test that makes anything call console.error fails.
 * The spy also keeps that output off the test report.
 */
let consoleError: MockInstance<typeof console.error>;

beforeEach(() => {
  consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
});

afterEach(() => {
  expect(consoleError, "console.error was called during the test").not.toHaveBeenCalled();
  consoleError.mockRestore();
});
