/**
 * NAL units of one MP4 sample (length-prefixed) and what the packet feed needs to know about
 * the picture they carry: is it a reference picture, its temporal layer, is it a RASL picture
 * or an IRAP (H.265). Header fields only, no slice parsing.
 */

export interface PictureNals {
  nals: Uint8Array[];
  /** At least one slice NAL. */
  vcl: boolean;
  /**
   * Some later picture may predict from this one. H.264: a slice with nal_ref_idc != 0.
   * H.265: a VCL type other than the sub-layer non-reference ones (TRAIL_N, TSA_N, STSA_N,
   * RADL_N, RASL_N, RSV_VCL_N10/12/14 = even types 0-14).
   */
  reference: boolean;
  /** H.265 TemporalId of the slices (0 for H.264). */
  tid: number;
  /** H.265 RASL_N / RASL_R: skipped by the decoder when its CRA starts the stream. */
  rasl: boolean;
  /** H.265 IRAP (BLA, IDR, CRA: types 16-23); H.264 IDR. */
  irap: boolean;
  /** H.265 CRA (type 21) or BLA (16-18): may have RASL pictures. */
  craOrBla: boolean;
}

/** Splits a sample into NAL units; null unless the length prefixes tile it exactly. */
export function splitNals(sample: Uint8Array, lengthSize: number): Uint8Array[] | null {
  const out: Uint8Array[] = [];
  for (let o = 0; o < sample.length; ) {
    if (o + lengthSize > sample.length) return null;
    let len = 0;
    for (let i = 0; i < lengthSize; i++) len = len * 256 + sample[o + i]!;
    o += lengthSize;
    if (len === 0 || o + len > sample.length) return null;
    out.push(sample.subarray(o, o + len));
    o += len;
  }
  return out.length ? out : null;
}

export function pictureNals(codec: 'h264' | 'hevc', nals: Uint8Array[]): PictureNals {
  const p: PictureNals = { nals, vcl: false, reference: false, tid: 0, rasl: false, irap: false, craOrBla: false };
  for (const n of nals) {
    if (codec === 'h264') {
      const type = n[0]! & 0x1f;
      if (type < 1 || type > 5) continue;
      p.vcl = true;
      if ((n[0]! >> 5) & 3) p.reference = true;
      if (type === 5) p.irap = true;
    } else {
      if (n.length < 2) continue;
      const type = (n[0]! >> 1) & 0x3f;
      if (type > 31) continue;
      p.vcl = true;
      p.tid = Math.max(p.tid, (n[1]! & 7) - 1);
      if (!(type <= 14 && type % 2 === 0)) p.reference = true;
      if (type === 8 || type === 9) p.rasl = true;
      if (type >= 16 && type <= 23) p.irap = true;
      if (type === 21 || (type >= 16 && type <= 18)) p.craOrBla = true;
    }
  }
  return p;
}
