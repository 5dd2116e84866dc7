/** NAL unit splitting and the header fields the packet feed decides by. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pictureNals, splitNals } from './nal-units.ts';

const sample = (lengthSize: number, nals: number[][]) =>
  new Uint8Array(nals.flatMap((n) => [...Array(lengthSize).keys()].map((k) => (n.length >> (8 * (lengthSize - 1 - k))) & 255).concat(n)));

describe('NAL units', () => {
  test('splits length-prefixed samples, refuses ones that do not tile exactly', () => {
    const s = sample(4, [[0x67, 1, 2], [0x68, 3], [0x65, 4, 5, 6]]);
    assert.deepEqual(splitNals(s, 4)?.map((n) => [...n]), [[0x67, 1, 2], [0x68, 3], [0x65, 4, 5, 6]]);
    assert.deepEqual(splitNals(sample(2, [[0x41, 9]]), 2)?.map((n) => [...n]), [[0x41, 9]]);
    assert.equal(splitNals(s.subarray(0, s.length - 1), 4), null, 'truncated');
    assert.equal(splitNals(new Uint8Array([0, 0, 0, 0]), 4), null, 'zero length');
  });

  test('H.264: reference = a slice with nal_ref_idc != 0; SEI alone is not a picture', () => {
    assert.deepEqual([pictureNals('h264', [new Uint8Array([0x06, 0]), new Uint8Array([0x01, 0])])].map((p) => [p.vcl, p.reference]), [[true, false]]);
    assert.equal(pictureNals('h264', [new Uint8Array([0x21, 0])]).reference, true, 'nal_ref_idc 1');
    assert.equal(pictureNals('h264', [new Uint8Array([0x65, 0])]).irap, true, 'IDR');
    assert.equal(pictureNals('h264', [new Uint8Array([0x06, 0])]).vcl, false);
  });

  test('H.265: sub-layer non-reference types, TemporalId, RASL, CRA', () => {
    const nal = (type: number, tid = 0) => new Uint8Array([type << 1, tid + 1, 0]);
    for (const t of [0, 2, 4, 6, 8, 10, 12, 14]) assert.equal(pictureNals('hevc', [nal(t)]).reference, false, `type ${t}`);
    for (const t of [1, 3, 5, 7, 9, 16, 19, 21]) assert.equal(pictureNals('hevc', [nal(t)]).reference, true, `type ${t}`);
    assert.equal(pictureNals('hevc', [nal(0, 2)]).tid, 2);
    assert.deepEqual([8, 9, 7].map((t) => pictureNals('hevc', [nal(t)]).rasl), [true, true, false]);
    const cra = pictureNals('hevc', [nal(32), nal(33), nal(34), nal(21)]);
    assert.deepEqual([cra.vcl, cra.irap, cra.craOrBla], [true, true, true]);
    assert.equal(pictureNals('hevc', [nal(19)]).craOrBla, false, 'IDR has no RASL');
  });
});
