import { expect, test, type Locator, type Page } from "@playwright/test";

/**
 * A user at the page, counting what they do: each click or tap, each key pressed, each field typed
 * into (a whole word or script is one interaction, as a person types it in one go). Waiting and
 * looking are free. The task suite holds every task to a budget of these.
 */
export class User {
  interactions = 0;

  constructor(readonly page: Page) {}

  async click(target: Locator) {
    this.interactions++;
    await target.click();
  }

  async tap(target: Locator) {
    this.interactions++;
    await target.tap();
  }

  async type(target: Locator, text: string) {
    this.interactions++;
    await target.fill(text);
  }

  /** Types into whatever has the keyboard focus, as a keyboard-only user does. */
  async typeKeys(text: string) {
    this.interactions++;
    await this.page.keyboard.type(text);
  }

  async press(key: string) {
    this.interactions++;
    await this.page.keyboard.press(key);
  }

  /** Ends the task: within its budget, and the count recorded in the report (docs/USABILITY.md quotes it). */
  withinBudget(budget: number) {
    test.info().annotations.push({ type: "interactions", description: `${this.interactions} of ${budget}` });
    expect(this.interactions, `interactions used (budget ${budget})`).toBeLessThanOrEqual(budget);
  }
}
