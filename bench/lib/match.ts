export interface Stamp {
  id: string;
  /** nowMs() of the send (request start) or of the arrival at the listener. */
  at: number;
}

export interface MatchResult {
  /** Arrival − send, ms, one per matched send, in send order. */
  delays: number[];
  /** Sends whose notification never arrived. */
  missing: number;
  /** Arrivals that match no send (another id, or earlier than any pending send). */
  unexpected: number;
}

/**
 * Pairs every update request with the notification that announced it: per id, the n-th send
 * goes with the n-th arrival at or after it. A coalesced message carries several ids and simply
 * yields one arrival per id.
 */
export function matchNotifications(
  sends: readonly Stamp[],
  arrivals: readonly Stamp[],
): MatchResult {
  const order: { id: string; at: number; delay?: number }[] = sends.map((s) => ({ ...s }));
  const queues = new Map<string, typeof order>();
  for (const send of [...order].sort((a, b) => a.at - b.at)) {
    const queue = queues.get(send.id) ?? [];
    queue.push(send);
    queues.set(send.id, queue);
  }
  let unexpected = 0;
  for (const arrival of [...arrivals].sort((a, b) => a.at - b.at)) {
    const queue = queues.get(arrival.id);
    const send = queue?.[0];
    if (!queue || !send || send.at > arrival.at) {
      unexpected++;
      continue;
    }
    queue.shift();
    send.delay = arrival.at - send.at;
  }
  const delays = order.filter((s) => s.delay !== undefined).map((s) => s.delay as number);
  return { delays, missing: order.length - delays.length, unexpected };
}
