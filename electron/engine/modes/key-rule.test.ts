import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RenewalStatistic } from './renewal.ts';
import { ThresholdController, type KeyDecision } from './threshold-controller.ts';

/** Runs the rule (statistic + controller) over deviations e(t) measured against the current key; returns the key frames. */
function keysFor(dev: (key: number, t: number) => number, frames: number, ctl: ThresholdController): { keys: number[]; reasons: KeyDecision['reason'][] } {
  const r = new RenewalStatistic();
  const keys = [0];
  const reasons: KeyDecision['reason'][] = [];
  for (let t = 1; t < frames; t++) {
    const key = keys[keys.length - 1]!;
    const e = dev(key, t);
    const d = ctl.decide({ statistic: r.next(t - key, e), deviation: e, interval: t - key });
    if (d.trigger) {
      ctl.keyPlaced(t - key, e);
      keys.push(t);
      reasons.push(d.reason);
      r.reset();
    }
  }
  return { keys, reasons };
}

describe('renewal statistic', () => {
  test('S(I) = I·e(I) − Σ_{0<d<I} e(d)', () => {
    const r = new RenewalStatistic();
    assert.equal(r.next(1, 0.5), 0.5);
    assert.equal(r.next(2, 0.6), 2 * 0.6 - 0.5);
    assert.ok(Math.abs(r.next(3, 0.8) - (3 * 0.8 - 0.5 - 0.6)) < 1e-12);
    r.reset();
    assert.equal(r.next(1, 0.2), 0.2);
  });

  test('a constant floor added to every deviation shifts S by that floor once, whatever the age', () => {
    const grow = (d: number): number => 0.03 * d;
    for (const age of [1, 4, 9]) {
      const a = new RenewalStatistic();
      const b = new RenewalStatistic();
      let sa = 0;
      let sb = 0;
      for (let d = 1; d <= age; d++) {
        sa = a.next(d, grow(d));
        sb = b.next(d, 0.5 + grow(d));
      }
      assert.ok(Math.abs(sb - sa - 0.5) < 1e-9, `age ${age}: ${sb - sa}`);
    }
  });

  test('ages not measured against the key count with the first deviation measured against it', () => {
    const r = new RenewalStatistic();
    // First measurement at age 3: ages 1 and 2 count as 0.7 each, so S(3) = 3·0.7 − 2·0.7.
    assert.ok(Math.abs(r.next(3, 0.7) - 0.7) < 1e-12);
    assert.ok(Math.abs(r.next(4, 0.9) - (4 * 0.9 - 3 * 0.7)) < 1e-12);
  });

  test('rejects ages below 1', () => {
    assert.throws(() => new RenewalStatistic().next(0, 1), RangeError);
  });
});

describe('key rule', () => {
  // Steady content: a floor plus linear growth with the key's age.
  const steady = (key: number, t: number): number => 0.5 + 0.03 * (t - key);

  test('steady content with a fixed threshold gives a fixed interval, whatever the floor', () => {
    for (const floor of [0.2, 0.5, 0.8]) {
      const dev = (key: number, t: number): number => floor + 0.03 * (t - key);
      // S(I) = floor + 0.03·I(I+1)/2: above floor + 0.4 first at I = 5.
      const { keys } = keysFor(dev, 31, new ThresholdController({ threshold: floor + 0.4, targetInterval: 5, maxInterval: 10 }));
      assert.deepEqual(keys, [0, 5, 10, 15, 20, 25, 30], `floor ${floor}`);
    }
  });

  test('a floor that drifts along the clip barely moves the keys (a threshold on the deviation itself would)', () => {
    // The floor rises by 0.1 over 30 frames: as much as 3 frames of growth.
    const drifting = (key: number, t: number): number => 0.5 + 0.1 * (t / 30) + 0.03 * (t - key);
    const { keys } = keysFor(drifting, 31, new ThresholdController({ threshold: 0.9, targetInterval: 5, maxInterval: 10 }));
    const intervals = keys.slice(1).map((k, i) => k - keys[i]!);
    assert.ok(Math.max(...intervals) - Math.min(...intervals) <= 1, `intervals ${intervals.join(',')}`);
  });

  test('online calibration settles near the target interval on steady content', () => {
    const { keys } = keysFor(steady, 61, new ThresholdController({ targetInterval: 5, maxInterval: 10 }));
    const avg = (keys[keys.length - 1]! - keys[0]!) / (keys.length - 1);
    assert.ok(avg >= 4 && avg <= 6, `average interval ${avg.toFixed(2)} (${keys.join(',')})`);
  });

  test('a scene cut right after a key: saturation triggers at once; S alone would wait for the maximum interval', () => {
    // Keys every 5 frames on steady content; a cut at frame 11, one frame after the key at 10:
    // from then on every frame deviates from that key by a flat 0.9 (S stays at 0.9 < 1; the last
    // key was triggered at 0.75).
    const cut = 11;
    const dev = (key: number, t: number): number => (key < cut && t >= cut ? 0.9 : 0.5 + 0.05 * (t - key));
    const guarded = keysFor(dev, 30, new ThresholdController({ threshold: 1, targetInterval: 5, maxInterval: 10 }));
    assert.ok(guarded.keys.includes(cut), `keys ${guarded.keys.join(',')}`);
    assert.equal(guarded.reasons[guarded.keys.indexOf(cut) - 1], 'saturation');
    const bare = keysFor(dev, 30, new ThresholdController({ threshold: 1, targetInterval: 5, maxInterval: 10, saturationMargin: 0 }));
    assert.ok(bare.keys.includes(20) && !bare.keys.includes(cut), `without the guard: ${bare.keys.join(',')}`);
  });

  test('the saturation guard stays off on steady content with noise of a few percent', () => {
    let seed = 7;
    const noise = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.04;
    const table = new Map<string, number>();
    const dev = (key: number, t: number): number => {
      const k = `${key},${t}`;
      if (!table.has(k)) table.set(k, (0.5 + 0.03 * (t - key)) * (1 + noise()));
      return table.get(k)!;
    };
    const { reasons } = keysFor(dev, 200, new ThresholdController({ targetInterval: 5, maxInterval: 10 }));
    assert.ok(!reasons.includes('saturation'), reasons.join(','));
  });
});
