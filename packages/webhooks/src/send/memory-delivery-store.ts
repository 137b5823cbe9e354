import type { DeliveryRecord, DeliveryStore, DisabledEndpoint } from './delivery-store.js';

/**
 * An in-process {@link DeliveryStore}. Records are copied in and out, as a store that serializes
 * would, so callers never share state with the store. Pending deliveries do not survive a process
 * restart; use a persistent store for that.
 */
export class MemoryDeliveryStore implements DeliveryStore {
  readonly #deliveries = new Map<string, DeliveryRecord>();
  readonly #disabled = new Map<string, DisabledEndpoint>();

  async save(delivery: DeliveryRecord): Promise<void> {
    this.#deliveries.set(delivery.id, structuredClone(delivery));
  }

  async get(id: string): Promise<DeliveryRecord | undefined> {
    const delivery = this.#deliveries.get(id);
    return delivery === undefined ? undefined : structuredClone(delivery);
  }

  /** Every stored delivery, oldest first; for dashboards and tests. */
  async list(): Promise<DeliveryRecord[]> {
    return [...this.#deliveries.values()].map((delivery) => structuredClone(delivery));
  }

  async claimDue(nowMs: number, leaseMs: number, limit: number): Promise<DeliveryRecord[]> {
    const due = [...this.#deliveries.values()]
      .filter((delivery) => delivery.status === 'pending' && (delivery.nextAttemptAtMs ?? Infinity) <= nowMs)
      .sort((a, b) => (a.nextAttemptAtMs ?? 0) - (b.nextAttemptAtMs ?? 0))
      .slice(0, limit);
    const claimed = due.map((delivery) => structuredClone(delivery));
    for (const delivery of due) delivery.nextAttemptAtMs = nowMs + leaseMs;
    return claimed;
  }

  async nextDueAtMs(): Promise<number | undefined> {
    let earliest: number | undefined;
    for (const delivery of this.#deliveries.values()) {
      if (delivery.status !== 'pending' || delivery.nextAttemptAtMs === undefined) continue;
      if (earliest === undefined || delivery.nextAttemptAtMs < earliest) earliest = delivery.nextAttemptAtMs;
    }
    return earliest;
  }

  async disableEndpoint(endpoint: DisabledEndpoint): Promise<void> {
    this.#disabled.set(endpoint.url, { ...endpoint });
  }

  async getDisabledEndpoint(url: string): Promise<DisabledEndpoint | undefined> {
    const endpoint = this.#disabled.get(url);
    return endpoint === undefined ? undefined : { ...endpoint };
  }

  async enableEndpoint(url: string): Promise<void> {
    this.#disabled.delete(url);
  }
}
