import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logger.ts';
import { createFailover, RemoteTimeoutError, withTimeout } from '../../src/limits/failover.ts';

/**
 * The failover's state machine with an injected clock. The remote calls are
 * plain functions here; the real stores are exercised in
 * tests/integration/rate-limit-*.test.ts.
 */

function setup(probeIntervalMs = 1000) {
  let now = 1_000_000;
  const lines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
  let pingAnswers = false;
  const failover = createFailover({
    ping: async () => {
      if (!pingAnswers) throw new Error('down');
      return 'PONG';
    },
    timeoutMs: 50,
    probeIntervalMs,
    clock: () => now,
    logger,
  });
  return {
    failover,
    lines,
    advance: (ms: number) => void (now += ms),
    setPingAnswers: (value: boolean) => void (pingAnswers = value),
  };
}

describe('createFailover', () => {
  it('falls back on an error, then tries the remote at most once per probe interval', async () => {
    const { failover, advance, lines } = setup();
    let remoteCalls = 0;
    const failing = async () => {
      remoteCalls += 1;
      throw Object.assign(new Error('ERR command was: evalsha key=secret-ish'), { code: 'EFAKE' });
    };
    expect(await failover.run(failing, async () => 'embedded')).toBe('embedded');
    expect(failover.isDegraded()).toBe(true);
    for (let i = 0; i < 10; i += 1) expect(await failover.run(failing, async () => 'embedded')).toBe('embedded');
    expect(remoteCalls).toBe(1);
    advance(1000);
    await failover.run(failing, async () => 'embedded');
    expect(remoteCalls).toBe(2);
    expect(failover.isDegraded()).toBe(true);
    // Logged once, and only the kind of failure — not the store's message.
    const warnings = lines.filter((line) => line.includes('"level":"warn"'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('EFAKE');
    expect(warnings[0]).not.toContain('secret-ish');
    failover.close();
  });

  it('falls back when the remote does not answer within the timeout', async () => {
    const { failover } = setup();
    const started = performance.now();
    const value = await failover.run(
      () => new Promise<string>(() => {}),
      async () => 'embedded',
    );
    expect(value).toBe('embedded');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(failover.isDegraded()).toBe(true);
    failover.close();
  });

  it('clears degraded when a later call reaches the remote', async () => {
    const { failover, advance, lines } = setup();
    await failover.run(
      async () => Promise.reject(new Error('down')),
      async () => 'embedded',
    );
    advance(1000);
    expect(
      await failover.run(
        async () => 'remote',
        async () => 'embedded',
      ),
    ).toBe('remote');
    expect(failover.isDegraded()).toBe(false);
    expect(lines.some((line) => line.includes('answers again'))).toBe(true);
    failover.close();
  });

  it('clears degraded by a background ping, without traffic', async () => {
    const { failover, setPingAnswers } = setup(20);
    await failover.run(
      async () => Promise.reject(new Error('down')),
      async () => 'embedded',
    );
    setPingAnswers(true);
    // Wait for the (short) real interval timer: the ping runs in the background.
    const deadline = Date.now() + 5000;
    while (failover.isDegraded() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(failover.isDegraded()).toBe(false);
    failover.close();
  });
});

describe('withTimeout', () => {
  it('rejects with RemoteTimeoutError and swallows a late rejection', async () => {
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 30));
    await expect(withTimeout(late, 5)).rejects.toBeInstanceOf(RemoteTimeoutError);
    await new Promise((resolve) => setTimeout(resolve, 40));
  });
});
