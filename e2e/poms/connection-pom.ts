/// <reference lib="dom" />
/** Page object for the connection and save indicator, the reconnect screen and the page's requests to the host. */
import { expect, type Locator, type Page } from '@playwright/test';

export type IndicatorKind = 'connecting' | 'connected' | 'saving' | 'saved' | 'offline' | 'error';

export class ConnectionPom {
  readonly indicator: Locator;
  readonly reconnect: Locator;
  readonly frameError: Locator;
  private requests: number[] = [];

  constructor(readonly page: Page) {
    this.indicator = page.getByTestId('save-indicator');
    this.reconnect = page.getByTestId('reconnect-screen');
    this.frameError = page.getByTestId('frame-error');
    // Every HTTP request and WebSocket the page starts (failed ones too), with its time.
    page.on('request', () => this.requests.push(Date.now()));
    page.on('websocket', () => this.requests.push(Date.now()));
  }

  async expectKind(kind: IndicatorKind, timeout?: number): Promise<void> {
    await expect(this.indicator).toHaveAttribute('data-kind', kind, { timeout });
  }

  /** Requests the page made since `since` (epoch ms). */
  requestsSince(since: number): number {
    return this.requests.filter((t) => t >= since).length;
  }
}
